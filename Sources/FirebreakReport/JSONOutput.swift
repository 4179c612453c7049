import Foundation

/// Encodes reports as JSON with sorted keys, so the same input always gives the same bytes.
public enum JSONOutput {
    /// Pretty-printed, key-sorted JSON with a final newline.
    public static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain Codable structs of strings and numbers cannot fail.
        let data = try! encoder.encode(value)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
