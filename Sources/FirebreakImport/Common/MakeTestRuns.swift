/// Whether a script runs a project's tests through make: a make command (`make`, `gmake`,
/// `mingw64-make`) whose targets include a test target (`check`, `test`, `distcheck`), read past
/// its options (`-j$JOBS`, `-C tests`) and variable assignments, as GNU make reads its command
/// line. Automake's `TESTS=""` on the command line overrides the list of tests with none: such a
/// run builds the test programs and runs none of them (GNU Automake manual, "Parallel Test
/// Harness": the TESTS variable may be overridden at make time).
enum MakeTestRuns {
    static func occur(in scripts: [String]) -> Bool {
        scripts.contains { script in
            // Only scripts that name make and a test target are read command by command.
            TextSearch.contains(script, "make") && testTargets.contains { TextSearch.contains(script, $0) }
                && ShellCommands.contains(in: script, where: runsTests)
        }
    }

    /// Whether one command's words run make with a test target and tests left in: make where
    /// the command starts, or after a command that runs the rest (`setarch i686 -- make`,
    /// `xvfb-run make check`); not a word of another command (`apt-get install make check`).
    static func runsTests(_ words: [Substring]) -> Bool {
        guard let first = words.firstIndex(where: isMake), var program = ShellCommands.commandPlace(in: words) else { return false }
        if ShellCommands.keywords.contains(words[program]) || runners.contains(words[program]) || words[program].hasPrefix("-")
            || onlyAssignments(words[..<first]) {
            // A runner's own options and arguments come first (or assignments whose quoted values
            // hold spaces): make is the first word that is make.
            program = first
        }
        guard isMake(words[program]) else { return false }
        var targets: [Substring] = []
        var noTests = false
        var argumentNext = false
        for word in words[(program + 1)...] {
            if argumentNext {
                argumentNext = false
            } else if word.hasPrefix("-") {
                argumentNext = optionsWithArgument.contains(word)
            } else if let equals = word.firstIndex(of: "="), word.startIndex < equals {
                let value = word[word.index(after: equals)...]
                if word[..<equals] == "TESTS", value.isEmpty || value == "\"\"" || value == "''" { noTests = true }
            } else {
                targets.append(word)
            }
        }
        return !noTests && targets.contains { testTargets.contains(String($0)) }
    }

    /// Whether words split at spaces are variable assignments only, once a quoted value's
    /// pieces are put back together (`FLAGS="--a --b" CC=gcc`).
    private static func onlyAssignments(_ words: ArraySlice<Substring>) -> Bool {
        var quote: Character?
        for word in words {
            if quote == nil {
                guard let equals = word.firstIndex(of: "="), equals > word.startIndex,
                      word[..<equals].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else { return false }
            }
            for character in word where character == "\"" || character == "'" {
                if quote == nil { quote = character } else if quote == character { quote = nil }
            }
        }
        return quote == nil
    }

    /// make's own name, BSD's, or a build of it named for its platform (`mingw64-make`, `/usr/bin/make`).
    private static func isMake(_ word: Substring) -> Bool {
        word == "make" || word == "gmake" || word == "bmake" || word.hasSuffix("-make") || word.hasSuffix("/make")
    }

    /// Commands that run the command after their own options (an architecture, a display, a
    /// time limit); `sudo -E`'s option is where the command's place is read. The shell's keywords
    /// before a command (`if ! make check`, `do make -C $d check`) are `ShellCommands.keywords`.
    private static let runners: Set<Substring> = ["setarch", "linux32", "linux64", "xvfb-run", "timeout", "nice", "ionice", "stdbuf",
                                                  "dbus-run-session", "eatmydata", "command", "nohup"]

    /// Targets that run a project's tests by convention (the GNU Coding Standards' `check` and
    /// `installcheck`, automake's `distcheck`, the common `test`).
    static let testTargets = ["check", "test", "distcheck", "installcheck"]

    /// GNU make's options that take the next word as their argument when it is not attached.
    private static let optionsWithArgument: Set<Substring> = [
        "-C", "-f", "-I", "-o", "-W", "--directory", "--file", "--makefile", "--include-dir", "--old-file", "--assume-old",
        "--what-if", "--new-file", "--assume-new",
    ]
}
