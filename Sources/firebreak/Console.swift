import FirebreakModel
import FirebreakReport
import Foundation

/// The only place that writes to the terminal.
enum Console {
    /// Writes text to standard output, with anything that could drive the terminal shown
    /// inert (only Firebreak's own colour codes pass). A failed write (a full disk, a closed
    /// pipe) ends the run with exit 2.
    static func out(_ text: String) {
        write(inert(text), to: .standardOutput, what: "standard output")
    }

    /// Writes UTF-8 text (large JSON) to standard output as `out` writes text, without first
    /// making a string of it when it is plain ASCII.
    static func out(bytes: [UInt8]) {
        write(inert(bytes: bytes), to: .standardOutput, what: "standard output")
    }

    /// UTF-8 text made inert as `inert` makes text: the bytes themselves when nothing in them
    /// needs it, as almost always (a report's dashes and arrows are read where they stand).
    static func inert(bytes: [UInt8]) -> [UInt8] {
        bytes.withUnsafeBufferPointer(InertText.isShowable) ? bytes : Array(inert(String(decoding: bytes, as: UTF8.self)).utf8)
    }

    /// Writes UTF-8 text that `inert(bytes:)` gave to standard output as it is: the check is done
    /// where the text was made, away from the order writes wait in.
    static func out(inertBytes bytes: [UInt8]) {
        write(bytes, to: .standardOutput, what: "standard output")
    }

    /// Text with control and bidirectional characters escaped, keeping newlines, tabs and the
    /// colour sequences `TerminalStyle` writes.
    static func inert(_ text: String) -> String {
        var utf8 = text
        guard !utf8.withUTF8(InertText.isShowable) else { return text }
        var result = ""
        var scalars = Array(text.unicodeScalars)[...]
        while let scalar = scalars.popFirst() {
            if scalar == "\u{1B}", let sequence = ownColourSequence(scalars) {
                result.unicodeScalars.append(scalar)
                result += sequence
                scalars = scalars.dropFirst(sequence.unicodeScalars.count)
            } else if InertText.isUnsafe(scalar) {
                result += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// One of `TerminalStyle.codes` as `[<code>m` at the start of `rest`.
    private static func ownColourSequence(_ rest: ArraySlice<Unicode.Scalar>) -> String? {
        let prefix = String(String.UnicodeScalarView(rest.prefix(4)))
        return TerminalStyle.codes.map { "[\($0)m" }.first { prefix.hasPrefix($0) }
    }

    private static func write(_ text: String, to handle: FileHandle, what: String) {
        write(Array(text.utf8), to: handle, what: what)
    }

    private static func write(_ bytes: [UInt8], to handle: FileHandle, what: String) {
        do {
            try handle.write(contentsOf: bytes)
        } catch {
            if handle !== FileHandle.standardError {
                try? FileHandle.standardError.write(contentsOf: Data("error: cannot write to \(what): \(error.localizedDescription)\n".utf8))
            }
            Foundation.exit(2)
        }
    }

    /// Colour only on a terminal, and never when NO_COLOR is set.
    static var style: TerminalStyle {
        TerminalStyle(colour: isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil)
    }

    /// A progress line on standard error, redrawn in place: Firebreak's own words and numbers only,
    /// so the carriage return and line clearing it writes pass as they are.
    static func progress(_ text: String?) {
        write(text.map { "\r\(inert($0))" } ?? "\r\u{1B}[K", to: .standardError, what: "standard error")
    }

    /// Writes a line to standard error.
    static func error(_ text: String) {
        write(inert(text.hasSuffix("\n") ? text : text + "\n"), to: .standardError, what: "standard error")
    }
}

/// A user-facing failure that is not a model diagnostic: exits 2 with the message.
struct InputFailure: Error {
    var message: String
}
