/// Where a fact came from: a file and a 1-based line and column.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    /// The file's path as the user gave it.
    public var file: String
    /// The line and column, kept in 32 bits each: every node, reference and derived fact carries
    /// a location, and Firebreak reads no file of more than 2^31 lines or columns.
    private var storedLine: Int32
    private var storedColumn: Int32

    /// 1-based line number.
    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = Self.clamped(newValue) }
    }

    /// 1-based column number, counted in Unicode scalars.
    public var column: Int {
        get { Int(storedColumn) }
        set { storedColumn = Self.clamped(newValue) }
    }

    /// Creates a location.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        storedLine = Self.clamped(line)
        storedColumn = Self.clamped(column)
    }

    /// A location for facts that no file gave (implicit defaults); prints as the file alone.
    public static func implicit(_ file: String) -> SourceLocation {
        SourceLocation(file: file, line: 0, column: 0)
    }

    /// `file:line:column`, or just `file` for an implicit location.
    public var description: String {
        line == 0 ? file : "\(file):\(line):\(column)"
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.storedLine, lhs.storedColumn) < (rhs.file, rhs.storedLine, rhs.storedColumn)
    }

    private enum CodingKeys: String, CodingKey { case file, line, column }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(file: try container.decode(String.self, forKey: .file), line: try container.decode(Int.self, forKey: .line),
                  column: try container.decode(Int.self, forKey: .column))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        try container.encode(line, forKey: .line)
        try container.encode(column, forKey: .column)
    }

    /// A line or column in 32 bits: beyond them (no file Firebreak reads comes near), the largest.
    private static func clamped(_ value: Int) -> Int32 {
        Int32(clamping: value)
    }
}
