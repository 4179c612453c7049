import FirebreakModel

/// Where in the file a piece of a job's script is written. A script item is one line, or a
/// block (`- |`) whose text starts on the line after its indicator, where Yams places the item;
/// its lines keep the file's lines, with the block's indentation taken off (the indicator's
/// column is taken for it: a block is written under its item).
enum GitLabScriptPlace {
    /// The place of the first occurrence of `piece` in `item` (`offset`: where on that line,
    /// when the caller knows better than a text search); the item's own place when it is not found.
    static func place(of piece: String, in item: (text: String, location: SourceLocation), offset: ((Substring) -> Int?)? = nil) -> SourceLocation {
        let location = item.location
        guard location.line > 0 else { return location }
        let lines = item.text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let index = lines.firstIndex(where: { $0.contains(piece) }) else { return location }
        let line = lines[index]
        let column = (offset?(line) ?? line.range(of: piece).map { line.distance(from: line.startIndex, to: $0.lowerBound) }) ?? 0
        let block = lines.count > 1
        return SourceLocation(file: location.file, line: location.line + (block ? 1 + index : 0), column: location.column + column)
    }
}
