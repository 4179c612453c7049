/// `text.contains("needle")` in the importers searches the UTF-8 bytes (`TextSearch`) instead of
/// resolving to Foundation's overload, which bridges both strings to `NSString` on every call:
/// the importers ask it of every script line and variable name. Needles here are plain words, so
/// the byte search finds what Foundation's finds.
extension StringProtocol {
    func contains(_ needle: String) -> Bool { TextSearch.contains(self, needle) }
}
