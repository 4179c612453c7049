/// Seeded mutations of pipeline text, for fuzzing the readers: byte changes, YAML and
/// expression syntax dropped in, ranges deleted, duplicated or spliced from another input.
/// The same seed gives the same inputs.
public struct InputMutator: Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }

    /// SplitMix64.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    public mutating func below(_ bound: Int) -> Int { bound <= 1 ? 0 : Int(next() % UInt64(bound)) }

    /// Fragments that reach the readers' corners: YAML structure, anchors and aliases, merge
    /// keys, tags, expressions, GitLab's own syntax, control and bidirectional characters.
    static let fragments: [String] = [
        ":", "- ", "&a ", "*a", "<<: *a", "!reference [a, b]", "{", "}", "[", "]", "\"", "'", "\n", "\n  ", "\t", "#",
        "${{ ", " }}", "${{ secrets.X }}", "${{ toJSON(secrets) }}", "${{ github.event.issue.title }}", "secrets[", "format('{0}}', ",
        "uses: ", "uses: \"\"", "uses: \"@\"", "uses: ./", "uses: ./../x", "uses: $/", "include: ", "local: ", "component: \"\"",
        "extends: ", "needs: ", "rules:\n  - if: ", "when: manual", "on: ", "jobs:", "steps:", "run: ", "if: ", "permissions: ",
        "\u{0}", "\u{1B}[2K\r", "\u{202E}", "\u{FEFF}", "é", "0x", "1e400", "-", "null", "~", "true", "?", "|", ">",
        "%YAML 1.2\n", "---\n", "...\n",
    ]

    /// One mutation of `text`; `other` is spliced from sometimes.
    public mutating func mutate(_ text: String, other: String) -> String {
        var bytes = Array(text.utf8)
        let rounds = 1 + below(4)
        for _ in 0..<rounds {
            let position = below(bytes.count + 1)
            switch below(7) {
            case 0 where !bytes.isEmpty:
                bytes[min(position, bytes.count - 1)] = UInt8(truncatingIfNeeded: next())
            case 1:
                bytes.insert(contentsOf: Array(Self.fragments[below(Self.fragments.count)].utf8), at: position)
            case 2 where !bytes.isEmpty:
                let end = min(bytes.count, position + 1 + below(64))
                if position < end { bytes.removeSubrange(position..<end) }
            case 3 where !bytes.isEmpty:
                let start = below(bytes.count), end = min(bytes.count, start + 1 + below(256))
                bytes.insert(contentsOf: bytes[start..<end], at: position)
            case 4:
                let donor = Array(other.utf8)
                guard !donor.isEmpty else { continue }
                let start = below(donor.count), end = min(donor.count, start + 1 + below(512))
                bytes.insert(contentsOf: donor[start..<end], at: position)
            case 5:
                bytes = Array(bytes.prefix(position))
            default:
                // Re-indent a line: YAML's structure lives in its indentation.
                if let newline = bytes[position...].firstIndex(of: 10) {
                    bytes.insert(contentsOf: Array(repeating: 32, count: 1 + below(6)), at: newline + 1)
                }
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
