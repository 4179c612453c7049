/// `text.contains("needle")` in the importers searches the UTF-8 bytes (`TextSearch`) instead of
/// resolving to Foundation's overload, which bridges both strings to `NSString` on every call:
/// the importers ask it of every script line and variable name. Needles here are plain ASCII
/// words, so the byte search finds what Foundation's finds (a needle followed in the text by a
/// combining mark aside); an empty needle is found nowhere, as with Foundation.
extension StringProtocol {
    func contains(_ needle: String) -> Bool { !needle.isEmpty && TextSearch.contains(self, needle) }
}
