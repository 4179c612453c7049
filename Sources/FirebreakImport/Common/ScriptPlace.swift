import FirebreakModel

/// Where in a file a piece of a script is written, from where the script's text begins: its
/// lines are the file's lines from there on, blank ones too, with a block's indentation taken
/// off (`start`'s column stands for it). Shared by both platforms' scripts.
enum ScriptPlace {
    /// The place of the first line of `script` that `holds`, at `column(line)` on it (its start
    /// when nil); nil when no line holds, or `start` is no line of a file.
    static func place(in script: String, from start: SourceLocation, where holds: (Substring) -> Bool,
                      column: (Substring) -> Int?) -> SourceLocation? {
        let lines = script.split(separator: "\n", omittingEmptySubsequences: false)
        guard start.line > 0, let index = lines.firstIndex(where: holds) else { return nil }
        return SourceLocation(file: start.file, line: start.line + index, column: start.column + (column(lines[index]) ?? 0))
    }
}
