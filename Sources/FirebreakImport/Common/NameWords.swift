/// The words of a variable's or secret's name, in capitals: its parts between `_` and `-`
/// (`R2_OS_ARTIFACTS_ENDPOINT`: R2, OS, ARTIFACTS, ENDPOINT), by which a name says what it holds.
enum NameWords {
    static func of(_ name: some StringProtocol) -> [Substring] {
        name.uppercased().split(whereSeparator: { $0 == "_" || $0 == "-" })
    }
}
