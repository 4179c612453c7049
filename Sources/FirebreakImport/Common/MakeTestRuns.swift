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

    /// Whether one command's words run make with a test target and tests left in.
    static func runsTests(_ words: [Substring]) -> Bool {
        guard let program = words.firstIndex(where: isMake) else { return false }
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

    /// make's own name, or a build of it named for its platform (`mingw64-make`, `/usr/bin/make`).
    private static func isMake(_ word: Substring) -> Bool {
        word == "make" || word == "gmake" || word.hasSuffix("-make") || word.hasSuffix("/make")
    }

    /// Targets that run a project's tests by convention (the GNU Coding Standards' `check` and
    /// `installcheck`, automake's `distcheck`, the common `test`).
    static let testTargets = ["check", "test", "distcheck", "installcheck"]

    /// GNU make's options that take the next word as their argument when it is not attached.
    private static let optionsWithArgument: Set<Substring> = [
        "-C", "-f", "-I", "-o", "-W", "--directory", "--file", "--makefile", "--include-dir", "--old-file", "--assume-old",
        "--what-if", "--new-file", "--assume-new",
    ]
}
