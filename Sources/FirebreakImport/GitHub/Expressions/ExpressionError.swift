/// Why an expression could not be read, with the character offset where reading stopped.
struct ExpressionError: Error, Hashable, Sendable {
    var message: String
    /// Zero-based offset in the expression's text.
    var offset: Int
}
