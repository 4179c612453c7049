/// Colour for terminals, or none. The command line decides which (NO_COLOR, not a terminal).
public struct TerminalStyle: Sendable {
    public var colour: Bool

    public static let plain = TerminalStyle(colour: false)

    public init(colour: Bool) { self.colour = colour }

    /// The SGR codes this style writes (reset, bold, red, green): the only escape sequences a
    /// report may carry to the terminal.
    public static let codes = ["0", "1", "31", "32"]

    func wrap(_ text: String, _ code: String) -> String { colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
    public func bold(_ text: String) -> String { wrap(text, "1") }
    public func red(_ text: String) -> String { wrap(text, "31") }
    public func green(_ text: String) -> String { wrap(text, "32") }

    /// The characters of `text` a terminal shows: without this style's escape sequences.
    func visibleCount(_ text: String) -> Int {
        guard colour else { return text.count }
        var count = text.count
        for code in Self.codes { count -= text.components(separatedBy: "\u{1B}[\(code)m").count.advanced(by: -1) * (code.count + 3) }
        return count
    }
}
