@testable import FirebreakImport
import Testing

/// A script is read command by command, as words: the commands a reader of the script would
/// list, not the text of strings, comments' neighbours or here-documents.
struct ShellCommandsTests {
    /// Every command of the script, as its words, in order.
    static func commands(_ script: String) -> [[String]] {
        var seen: [[String]] = []
        _ = ShellCommands.contains(in: script) { words in
            seen.append(words.map(String.init))
            return false
        }
        return seen
    }

    @Test func commandsAreCutAtSeparatorsOutsideQuotes() {
        #expect(Self.commands("make build && ./out/tool --run; echo 'a;b|c' | tee log\nnpm test &") == [
            ["make", "build"], [], ["./out/tool", "--run"], ["echo", "'a;b|c'"], ["tee", "log"], ["npm", "test"],
        ].filter { !$0.isEmpty })
        #expect(Self.commands("  \techo \"x & y\"\t done") == [["echo", "\"x", "&", "y\"", "done"]])
    }

    @Test func continuedLinesReadAsOne() {
        #expect(Self.commands("docker run \\\n  --rm \\\n  image\nls") == [["docker", "run", "--rm", "image"], ["ls"]])
        // A last line that continues into nothing keeps its backslash.
        #expect(Self.commands("echo a \\") == [["echo", "a", "\\"]])
    }

    @Test func manyContinuedLinesReadAsOneCommand() {
        // Twenty thousand continued lines: one command of all their words (built in place, not
        // copied once per line).
        let script = String(repeating: "a \\\n", count: 20_000) + "end\nls"
        let commands = Self.commands(script)
        #expect(commands.count == 2 && commands[0].count == 20_001 && commands[0].last == "end" && commands[1] == ["ls"])
    }

    @Test func aDelimiterBeforeACombiningMarkStillCuts() {
        // A shell reads bytes: `;` then U+0301 still ends the command.
        #expect(Self.commands("echo a;\u{301}curl x") == [["echo", "a"], ["\u{301}curl", "x"]])
    }

    @Test func hereDocumentsAreTextNotCommands() {
        let script = """
        cat <<EOF > run.sh
        ./evil --now
        EOF
        cat <<-'END'
        \trm -rf /
        \tEND
        grep x <<< "./not-a-heredoc"
        ./after
        """
        #expect(Self.commands(script) == [["cat", "<<EOF", ">", "run.sh"], ["cat", "<<-'END'"], ["grep", "x", "<<<", "\"./not-a-heredoc\""], ["./after"]])
    }

    @Test func theReadingStopsAtTheFirstCommandThatMatches() {
        var read = 0
        let found = ShellCommands.contains(in: "one\ntwo\nthree") { words in
            read += 1
            return words == ["two"]
        }
        #expect(found && read == 2)
        #expect(!ShellCommands.contains(in: "one\ntwo") { $0 == ["three"] })
    }

    @Test func textBeyondASCIIStaysWhole() {
        #expect(Self.commands("echo héllo 🙂;ls ü|wc") == [["echo", "héllo", "🙂"], ["ls", "ü"], ["wc"]])
        #expect(ShellCommands.commandPlace(in: ["FOO=1", "sudo", "env", "./x"]) == 3)
        #expect(ShellCommands.commandPlace(in: ["A=b"]) == nil)
    }
}
