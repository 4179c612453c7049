/// A failure to lay out or render a picture, with Graphviz's own words where it gave any.
public struct RenderError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, as one sentence.
    public var message: String
    /// What to do about it.
    public var help: String?

    public init(_ message: String, help: String? = nil) {
        self.message = message
        self.help = help
    }

    public var description: String {
        "error: \(message)" + (help.map { "\n  help: \($0)" } ?? "")
    }
}
