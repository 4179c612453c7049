import FirebreakModel

/// Where in the file a piece of a job's script is written (`ScriptPlace`). A script item is one
/// line, or a block (`- |`) whose text starts on the line after its indicator, where Yams places
/// the item (the indicator's column is taken for the block's indentation: a block is written
/// under its item).
enum GitLabScriptPlace {
    /// The place of the first occurrence of `piece` in `item` (`offset`: where on that line,
    /// when the caller knows better than a text search); the item's own place when it is not found.
    static func place(of piece: String, in item: (text: String, location: SourceLocation), offset: ((Substring) -> Int?)? = nil) -> SourceLocation {
        let location = item.location
        guard location.line > 0 else { return location }
        let start = item.text.contains("\n") ? SourceLocation(file: location.file, line: location.line + 1, column: location.column) : location
        return ScriptPlace.place(in: item.text, from: start, where: { $0.contains(piece) }) { line in
            offset?(line) ?? line.range(of: piece).map { line.distance(from: line.startIndex, to: $0.lowerBound) }
        } ?? location
    }
}
