import FirebreakModel

/// Model values written as the strings their `description` gives, without making the string.
extension JSONText {
    /// `"name" : "kind:name"`, as `NodeID.description` reads.
    public mutating func field(_ name: String, _ id: NodeID) {
        key(name)
        string(id.kind.rawValue, UInt8(ascii: ":"), id.name)
    }

    /// `"name" : "file:line:column"` (the file alone for a location without a line), as
    /// `SourceLocation.description` reads.
    public mutating func field(_ name: String, _ location: SourceLocation) {
        guard location.line != 0 else { return field(name, location.file) }
        key(name)
        string(location.file, UInt8(ascii: ":"), "\(location.line):\(location.column)")
    }
}
