import FirebreakModel

/// Where in the file a piece of a job's script is written (`ScriptPlace`). A script item is one
/// line, or a block (`- |`) whose text starts on the line after its indicator, where Yams places
/// the item (the indicator's column is taken for the block's indentation: a block is written
/// under its item). An item whose text does not lie so in the file (in quotes, a plain scalar
/// continued over several lines, a folded `>` block: Yams gives their text unquoted, or with
/// lines joined) is looked for in the file's own lines from where the item starts.
enum GitLabScriptPlace {
    /// The place of the first occurrence of `piece` in `item` (`offset`: where on that line,
    /// when the caller knows better than a text search); the item's own place when it is not
    /// found. `lines` are the lines of the item's file, when known.
    static func place(of piece: String, in item: (text: String, location: SourceLocation), lines: [Substring]? = nil,
                      offset: ((Substring) -> Int?)? = nil) -> SourceLocation {
        let location = item.location
        guard location.line > 0 else { return location }
        func column(_ line: Substring) -> Int? { offset?(line) ?? line.range(of: piece).map { line.distance(from: line.startIndex, to: $0.lowerBound) } }
        let start = item.text.contains("\n") ? SourceLocation(file: location.file, line: location.line + 1, column: location.column) : location
        let found = ScriptPlace.place(in: item.text, from: start, where: { $0.contains(piece) }, column: column)
        guard let lines else { return found ?? location }
        if let found, writes(piece, at: found, lines) { return found }
        return placeInLines(of: piece, lines, from: location, span: item.text.reduce(1) { $1 == " " || $1 == "\n" ? $0 + 1 : $0 }, column: column)
            ?? found ?? location
    }

    /// Whether the file's line at `place` has `piece` there.
    private static func writes(_ piece: String, at place: SourceLocation, _ lines: [Substring]) -> Bool {
        guard place.line - 1 < lines.count else { return false }
        return lines[place.line - 1].dropFirst(max(0, place.column - 1)).hasPrefix(piece)
    }

    /// The piece in the file's lines from `start` on, over at most `span` lines (each line break
    /// of a joined item became a space); nil when not there.
    private static func placeInLines(of piece: String, _ lines: [Substring], from start: SourceLocation, span: Int,
                                     column: (Substring) -> Int?) -> SourceLocation? {
        let first = start.line - 1
        guard first < lines.count else { return nil }
        for index in first..<min(lines.count, first + span) {
            // On the first line the item starts at its column; a key before it is no part of it.
            let skip = index == first ? min(lines[index].count, max(0, start.column - 1)) : 0
            let line = lines[index].dropFirst(skip)
            guard line.contains(piece), let at = column(line) else { continue }
            return SourceLocation(file: start.file, line: index + 1, column: skip + at + 1)
        }
        return nil
    }
}
