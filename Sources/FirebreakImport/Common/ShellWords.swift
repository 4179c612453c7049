/// Shell scripts read as words, to find the commands they run without regular expressions:
/// a script is split at blanks and shell punctuation, and a command phrase (`npm publish`,
/// `./gradlew build`) is found where its words stand one after another.
struct ShellWords: Sendable {
    let words: [Substring]
    /// Every distinct word, for phrase lookups that start from the phrase instead of the script.
    let vocabulary: Set<Substring>

    /// The words of `script`; a script read before (the analyses of one job each read its
    /// scripts, and a reusable workflow's jobs are read once per caller) is not split again.
    init(_ script: String) {
        self = Self.split.value(for: script) { ShellWords(splitting: $0) }
    }

    private static let split = TextMemo<ShellWords>(capacity: 2_000)

    private init(splitting script: String) {
        // Every separator is ASCII, so byte positions are always character boundaries.
        var words: [Substring] = []
        let bytes = script.utf8
        var start: String.Index?
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if Self.separates(bytes[index]) {
                if let begun = start { words.append(script[begun..<index]); start = nil }
            } else if start == nil {
                start = index
            }
            index = bytes.index(after: index)
        }
        if let begun = start { words.append(script[begun...]) }
        self.words = words
        vocabulary = Set(words)
    }

    /// Blanks and the shell punctuation that ends a word: space, tab, newlines, ; & | ( ) ` $ " ' < > { }
    /// (a table by byte: this runs once per byte of every script).
    private static let separators: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for byte in " \t\n\r\u{0B}\u{0C};&|()`$\"'<>{}".utf8 { table[Int(byte)] = true }
        return table
    }()

    private static func separates(_ byte: UInt8) -> Bool { separators[Int(byte)] }

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
    func occur(in script: ShellWords) -> Bool {
        let words = script.words
        for (first, candidates) in byFirstWord where script.vocabulary.contains(first) {
            for position in words.indices where words[position] == first {
                for phrase in candidates where position + phrase.count <= words.count {
                    if zip(phrase.indices, phrase).allSatisfy({ words[position + $0.0] == $0.1 }) { return true }
                }
            }
        }
        return false
    }
}
