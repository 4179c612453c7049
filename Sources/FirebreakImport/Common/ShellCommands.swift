/// A shell script read command by command, as the importers read `run:` and `script:` text to
/// see what a job runs: no shell runs it and nothing in it is expanded. The script is read by
/// its UTF-8 bytes, as a shell reads it: every byte that cuts it (newline, `;`, `&`, `|`, quotes,
/// space, tab, backslash, `<`) is ASCII, so the cuts fall between scalars and the words are the
/// script's own text. (A combining mark after a delimiter does not hide it, as it would from a
/// reading by characters.)
enum ShellCommands {
    /// Whether some command of the script, as its words, satisfies `test`: lines continued with a
    /// backslash read as one, cut at `;`, `&` and `|` outside quotes; a here-document's lines are text,
    /// not commands. The commands are read in order and the reading stops at the first that does.
    static func contains(in script: String, where test: ([Substring]) -> Bool) -> Bool {
        var hereDocumentEnd: Substring?
        // The line being continued, its pieces joined with a space and its last backslash
        // dropped, built in place (a file of continued lines is not copied once per line).
        var continued: String?
        for piece in TextSplit.lines(script) {
            if continued != nil {
                continued!.append(" ")
                continued!.append(contentsOf: piece)
            }
            if piece.utf8.last == backslash {
                if continued == nil { continued = String(piece) }
                continued!.unicodeScalars.removeLast()
                continue
            }
            let line = continued.map { Substring($0) } ?? piece
            continued = nil
            if read(line, hereDocumentEnd: &hereDocumentEnd, test) { return true }
        }
        // A last line that continues into nothing keeps its backslash.
        if let last = continued, read(Substring(last + "\\"), hereDocumentEnd: &hereDocumentEnd, test) { return true }
        return false
    }

    /// Where a command's own word is: past variable assignments and wrappers (`CommandWrappers`).
    static func commandPlace(in words: [Substring]) -> Int? { CommandWrappers.commandPlace(in: words) }

    /// A command's own words: past the shell's keywords, variable assignments and `sudo`.
    static func commandWords(_ words: [Substring]) -> ArraySlice<Substring> {
        let rest = Array(words.drop(while: { keywords.contains($0) }))
        return commandPlace(in: rest).map { rest[$0...] } ?? []
    }

    /// The shell's words that stand before a command on its line (`if`, `then`, `do`, `!`, `{`):
    /// a reader looking for the command they run (`do s3cmd put …`, `if ! make check`) reads past them.
    static let keywords: Set<Substring> = ["if", "then", "elif", "else", "do", "while", "until", "!", "{"]

    private static let backslash = UInt8(ascii: "\\")

    /// Reads one line (continuations joined): whether a command on it satisfies `test`, unless
    /// it is inside a here-document; a here-document it opens is remembered.
    private static func read(_ line: Substring, hereDocumentEnd: inout Substring?, _ test: ([Substring]) -> Bool) -> Bool {
        if let end = hereDocumentEnd {
            if line.utf8.drop(while: { $0 == 0x20 || $0 == 0x09 }).elementsEqual(end.utf8) { hereDocumentEnd = nil }
            return false
        }
        var found = false
        forEachSegment(of: line) { segment in
            let command = words(of: segment)
            if !command.isEmpty, test(command) { found = true }
            return found
        }
        if found { return true }
        if let end = hereDocumentOpened(on: line) { hereDocumentEnd = end }
        return false
    }

    /// Calls `body` with each of a line's commands, its text cut at `;`, `&` and `|` outside
    /// quotes, until `body` returns true.
    private static func forEachSegment(of line: Substring, _ body: (Substring) -> Bool) {
        let bytes = line.utf8
        var start = bytes.startIndex, quote: UInt8?
        var index = start
        while index < bytes.endIndex {
            let byte = bytes[index]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") {
                quote = byte
            } else if byte == UInt8(ascii: ";") || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "|") {
                if body(line[start..<index]) { return }
                start = bytes.index(after: index)
            }
            index = bytes.index(after: index)
        }
        _ = body(line[start...])
    }

    /// A command's words, split at spaces and tabs.
    private static func words(of segment: Substring) -> [Substring] {
        var words: [Substring] = []
        let bytes = segment.utf8
        var start = bytes.startIndex, index = start
        while index < bytes.endIndex {
            if bytes[index] == 0x20 || bytes[index] == 0x09 {
                if start < index { words.append(segment[start..<index]) }
                start = bytes.index(after: index)
            }
            index = bytes.index(after: index)
        }
        if start < index { words.append(segment[start..<index]) }
        return words
    }

    /// The delimiter of a here-document a line opens: `<<WORD`, `<<-WORD`, `<<'WORD'`,
    /// `<<\WORD`; `<<<` is a here-string, on its line alone.
    private static func hereDocumentOpened(on line: Substring) -> Substring? {
        let bytes = line.utf8
        guard var index = bytes.firstIndex(of: UInt8(ascii: "<")) else { return nil }
        while index < bytes.endIndex {
            let next = bytes.index(after: index)
            if bytes[index] == UInt8(ascii: "<"), next < bytes.endIndex, bytes[next] == UInt8(ascii: "<") {
                let after = bytes.index(after: next)
                if after < bytes.endIndex, bytes[after] == UInt8(ascii: "<") { return nil }
                let rest = bytes[after...]
                let start = rest.firstIndex { !isQuotingOrDash($0) } ?? rest.endIndex
                let end = rest[start...].firstIndex { isDelimiterEnd($0) } ?? rest.endIndex
                return start < end ? line[start..<end] : nil
            }
            index = next
        }
        return nil
    }

    /// A byte allowed before a here-document's delimiter word: space, `-`, `~`, a quote, a backslash.
    private static func isQuotingOrDash(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: "-"), UInt8(ascii: "~"), UInt8(ascii: "'"), UInt8(ascii: "\""), backslash: true
        default: false
        }
    }

    /// A byte that ends a here-document's delimiter word: space, a quote, `;`, a carriage return.
    private static func isDelimiterEnd(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: ";"), UInt8(ascii: "\r"): true
        default: false
        }
    }
}
