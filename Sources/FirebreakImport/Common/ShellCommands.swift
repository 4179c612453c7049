/// A shell script read command by command, as the importers read `run:` and `script:` text to
/// see what a job runs: no shell runs it and nothing in it is expanded.
enum ShellCommands {
    /// Whether some command of the script, as its words, satisfies `test`: lines continued with a
    /// backslash read as one, cut at `;`, `&` and `|` outside quotes; a here-document's lines are text,
    /// not commands. The commands are read in order and the reading stops at the first that does.
    static func contains(in script: String, where test: ([Substring]) -> Bool) -> Bool {
        var hereDocumentEnd: Substring?
        for line in TextSplit.lines(script).reduce(into: [String](), { lines, line in
            if let last = lines.last, last.hasSuffix("\\") { lines[lines.count - 1] = String(last.dropLast()) + " " + line } else { lines.append(String(line)) }
        }) {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }.prefix { $0 != "\r" }
            if let end = hereDocumentEnd {
                if trimmed == end { hereDocumentEnd = nil }
                continue
            }
            for segment in segments(line) {
                let words = segment.split(whereSeparator: { $0 == " " || $0 == "\t" })
                if !words.isEmpty, test(words) { return true }
            }
            // `<<WORD`, `<<-WORD`, `<<'WORD'`, `<<\WORD`; `<<<` is a here-string, on its line alone.
            if let marker = line.range(of: "<<"), !line[marker.upperBound...].hasPrefix("<") {
                let delimiter = line[marker.upperBound...].drop { " -~'\"\\".contains($0) }.prefix { !" '\";\r".contains($0) }
                if !delimiter.isEmpty { hereDocumentEnd = delimiter }
            }
        }
        return false
    }

    /// Where a command's own word is: past variable assignments and `sudo`, `env`, `time` or `exec`.
    static func commandPlace(in words: [Substring]) -> Int? {
        words.firstIndex { !$0.contains("=") && !["sudo", "env", "time", "exec"].contains($0) }
    }

    /// A line's commands: its text cut at `;`, `&` and `|` outside quotes.
    private static func segments(_ line: String) -> [Substring] {
        var segments: [Substring] = []
        var start = line.startIndex, quote: Character?
        for index in line.indices {
            let character = line[index]
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "'" || character == "\"" {
                quote = character
            } else if character == ";" || character == "&" || character == "|" {
                segments.append(line[start..<index])
                start = line.index(after: index)
            }
        }
        segments.append(line[start...])
        return segments
    }
}
