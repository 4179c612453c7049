/// Shell scripts read as words, to find the commands they run without regular expressions:
/// a script is split at blanks and shell punctuation, and a command phrase (`npm publish`,
/// `./gradlew build`) is found where its words stand one after another.
struct ShellWords: Sendable {
    let words: [Substring]
    /// Per word, whether it stands where a command starts: first in the script, after a newline
    /// (not one a backslash continues), `;`, `&`, `|`, `(`, `)`, a backquote or a brace, or
    /// after a word that runs the next one (`sudo`, `then`, `env`, an assignment `CI=1`) and
    /// its options (`sudo -E`).
    let startsCommand: [Bool]
    /// Every distinct word, for phrase lookups that start from the phrase instead of the script.
    let vocabulary: Set<Substring>

    /// The words of `script`; a script read before (the analyses of one job each read its
    /// scripts, and a reusable workflow's jobs are read once per caller) is not split again.
    init(_ script: String) {
        self = Self.split.value(for: script) { ShellWords(splitting: $0) }
    }

    private static let split = TextMemo<ShellWords>(capacity: 2_000)

    private init(splitting script: String) {
        // Every separator is ASCII, so a separator's byte position is a scalar boundary.
        var words: [Substring] = []
        var starts: [Bool] = []
        let bytes = script.utf8
        var start: String.Index?
        // Whether a command separator came since the last word (the script's start counts).
        var separated = true
        // The word that runs the next one (`sudo`, `env`, `CI=1`) whose options are being read,
        // and whether the last word was one of its options that takes an argument.
        var prefix = CommandWrappers.Reading()
        var index = bytes.startIndex
        // The tables read once here, not once per byte.
        let separators = Self.separators, startsNext = Self.startsNext
        func end(at index: String.Index) {
            guard let begun = start else { return }
            // Both ends are at ASCII bytes (a separator, or the script's ends), so on scalar
            // boundaries: the slice of bytes is the word, without rounding to characters.
            let word = Substring(bytes[begun..<index])
            if separated { prefix = CommandWrappers.Reading() }
            let command = separated || prefix.runs(word)
            starts.append(command)
            // A keyword, wrapper or assignment runs the next word only where it is the command.
            if command, Self.runsNext(word) { prefix = CommandWrappers.Reading(after: word) }
            words.append(word)
            start = nil
            separated = false
        }
        while index < bytes.endIndex {
            let byte = bytes[index]
            if separators[Int(byte)] {
                // A backslash before a newline continues the command on the next line.
                let continued = (byte == 10 || byte == 13) && (start.map { _ in bytes[bytes.index(before: index)] == UInt8(ascii: "\\") } ?? (words.last?.utf8.last == UInt8(ascii: "\\")))
                end(at: index)
                if startsNext[Int(byte)], !continued { separated = true }
            } else if start == nil {
                start = index
            }
            index = bytes.index(after: index)
        }
        end(at: bytes.endIndex)
        self.words = words
        startsCommand = starts
        vocabulary = Set(words)
    }

    /// Blanks and the shell punctuation that ends a word: space, tab, newlines, ; & | ( ) ` $ " ' < > { }
    /// (a table by byte: this runs once per byte of every script).
    private static let separators: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for byte in " \t\n\r\u{0B}\u{0C};&|()`$\"'<>{}".utf8 { table[Int(byte)] = true }
        return table
    }()

    /// The separators after which a new command starts: newlines ; & | ( ) ` { }.
    private static let startsNext: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for byte in "\n\r;&|()`{}".utf8 { table[Int(byte)] = true }
        return table
    }()

    /// Words after which the next word is still a command: the shell's keywords, the commands
    /// that run the command after them, and a variable assignment before a command.
    private static func runsNext(_ word: Substring) -> Bool {
        let bytes = word.utf8
        // The prefixes are short: most words need no hashing.
        if bytes.count <= Self.longestPrefix, commandPrefixes.contains(word) { return true }
        // `NAME=value`: a name of ASCII letters, digits and underscores, then `=`.
        guard let equals = bytes.firstIndex(of: UInt8(ascii: "=")), equals != bytes.startIndex else { return false }
        return bytes[..<equals].allSatisfy { byte in
            byte == UInt8(ascii: "_") || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        }
    }

    /// Shell keywords and the commands that run the command after them (`CommandWrappers`).
    private static let commandPrefixes: Set<Substring> = CommandWrappers.names.union(["then", "do", "else", "elif", "if", "while", "until", "!"])
    private static let longestPrefix = commandPrefixes.map(\.utf8.count).max()!

    /// Whether the word at `place` is a variable's expansion (`$runner`, `${runner}`): the
    /// script names it by the variable, whose value is not read here.
    func isExpansion(_ place: Int) -> Bool {
        let word = words[place], text = word.base.utf8
        guard word.startIndex > text.startIndex else { return false }
        let before = text.index(before: word.startIndex)
        if text[before] == UInt8(ascii: "$") { return true }
        return text[before] == UInt8(ascii: "{") && before > text.startIndex && text[text.index(before: before)] == UInt8(ascii: "$")
    }

    /// Whether any word starts a command path of the workspace (`./build.sh`).
    var runsWorkspacePath: Bool { words.contains { $0.hasPrefix("./") && $0.count > 2 } }
}

/// A set of command phrases, looked up by their first word.
struct CommandPhrases: Sendable {
    private let byFirstWord: [Substring: [[Substring]]]

    init(_ phrases: [String]) {
        var index: [Substring: [[Substring]]] = [:]
        for phrase in phrases {
            let words = phrase.split(separator: " ")
            guard let first = words.first else { continue }
            index[first, default: []].append(words)
        }
        byFirstWord = index
    }

    /// Whether the script's words hold one of the phrases. A phrase is looked for only where
    /// the script has its first word: a script is asked for several sets of phrases, and its
    /// words are hashed once.
    /// With `atCommandStart`, only where the phrase's first word starts a command (`npm ci`, not
    /// `apt-get install npm`).
    func occur(in script: ShellWords, atCommandStart: Bool = false) -> Bool {
        let words = script.words
        for (first, candidates) in byFirstWord where script.vocabulary.contains(first) {
            for position in words.indices where words[position] == first && (!atCommandStart || script.startsCommand[position]) {
                for phrase in candidates where position + phrase.count <= words.count {
                    if zip(phrase.indices, phrase).allSatisfy({ words[position + $0.0] == $0.1 }) { return true }
                }
            }
        }
        return false
    }
}
