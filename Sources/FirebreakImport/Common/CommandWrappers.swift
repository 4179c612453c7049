/// Commands that run the command written after them: `sudo`, `env`, `time`, `exec`, `nohup`,
/// `command`, `xargs`, and the wrappers test jobs put around a command (a D-Bus session, a
/// virtual display, a time limit, a lower priority: `dbus-run-session -- meson test`,
/// `xvfb-run -a ./app`, `timeout 600 ./tool`, `nice -n 10 make`). Each reads its options, an
/// option's argument and its own operands (`timeout`'s duration) before the command it runs.
/// The shell's readers (`ShellWords`, `ShellCommands`) find the command past them.
enum CommandWrappers {
    /// The wrappers' names.
    static let names: Set<Substring> = ["sudo", "time", "exec", "nohup", "env", "command", "xargs",
                                        "dbus-run-session", "xvfb-run", "timeout", "nice", "ionice", "stdbuf", "catchsegv"]

    /// Reads the words after a wrapper (`sudo -E -u ci pip`, `timeout -k 5 600 ./tool`): its
    /// options, an option's argument and its operands, until the command it runs.
    struct Reading {
        private var wrapper: Substring?
        private var argumentNext = false
        private var operandsLeft = 0

        /// A reading of the words after `wrapper`; none when nil.
        init(after wrapper: Substring? = nil) {
            self.wrapper = wrapper
            operandsLeft = wrapper.flatMap { CommandWrappers.operandsBeforeCommand[$0] } ?? 0
        }

        /// Whether a wrapper's words are being read.
        var isReading: Bool { wrapper != nil }

        /// Whether `word` is the command the wrapper runs; reads it as an option, an option's
        /// argument or an operand otherwise. After the command, or when `command -v` only asks
        /// where a command is, the reading ends.
        mutating func runs(_ word: Substring) -> Bool {
            guard let current = wrapper else { return false }
            if argumentNext {
                argumentNext = false
                return false
            }
            guard word.hasPrefix("-"), word.count > 1 else {
                if operandsLeft > 0 {
                    operandsLeft -= 1
                    return false
                }
                wrapper = nil
                return true
            }
            if current == "command", word == "-v" || word == "-V" {
                wrapper = nil
            } else {
                argumentNext = CommandWrappers.optionsWithArgument[current]?.contains(word) ?? false
            }
            return false
        }
    }

    /// Where the command stands in a command's words: past variable assignments (`CI=1`) and
    /// wrappers with their options and operands. A wrapper with no command after it is itself
    /// the command (`command -v yarn` asks where yarn is and runs nothing); nil for no words.
    static func commandPlace(in words: [Substring]) -> Int? {
        var reading = Reading()
        var wrapperPlace: Int?
        for (place, word) in words.enumerated() {
            if reading.isReading {
                guard reading.runs(word) else {
                    if !reading.isReading { return wrapperPlace }
                    continue
                }
            }
            if word.utf8.contains(UInt8(ascii: "=")) { continue }
            // A wrapper runs a wrapper (`sudo env X=1 make`, `xvfb-run -a dbus-run-session -- gjs`).
            if names.contains(word) {
                reading = Reading(after: word)
                wrapperPlace = place
                continue
            }
            return place
        }
        return wrapperPlace
    }

    /// Options that take the next word as their argument (`sudo -u USER`, `env -u NAME`,
    /// `xvfb-run -n 99`).
    private static let optionsWithArgument: [Substring: Set<Substring>] = [
        "sudo": ["-u", "-g", "-C", "-D", "-h", "-p", "-r", "-t", "-U", "-T", "--user", "--group", "--close-from", "--chdir",
                 "--host", "--prompt", "--role", "--type", "--other-user", "--command-timeout"],
        "env": ["-u", "-C", "-S", "--unset", "--chdir", "--split-string"], "time": ["-f", "-o", "--format", "--output"], "exec": ["-a"],
        "xargs": ["-I", "-n", "-P", "-L", "-d", "-E", "-s", "-a", "--max-args", "--max-procs", "--max-lines", "--delimiter",
                  "--max-chars", "--arg-file"],
        "xvfb-run": ["-n", "-s", "-e", "-f", "-p", "--server-num", "--server-args", "--error-file", "--auth-file", "--xauth-protocol"],
        "dbus-run-session": ["--config-file", "--dbus-daemon"], "timeout": ["-s", "-k", "--signal", "--kill-after"],
        "nice": ["-n", "--adjustment"], "ionice": ["-c", "-n", "--class", "--classdata"],
        "stdbuf": ["-i", "-o", "-e", "--input", "--output", "--error"],
    ]

    /// Operands a wrapper reads before the command: `timeout DURATION COMMAND`.
    private static let operandsBeforeCommand: [Substring: Int] = ["timeout": 1]
}
