import FirebreakModel
import FirebreakReport
import Foundation

/// Reads and writes gate baselines: the JSON `firebreak simulate --format json` prints.
enum BaselineFile {
    static func read(_ path: String) throws -> SimulationReport {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputFailure(message: "\(path): error: cannot read the baseline\n  help: create it with `firebreak gate MODEL --baseline \(path) --update-baseline`")
        }
        let report: SimulationReport
        do {
            report = try JSONDecoder().decode(SimulationReport.self, from: data)
        } catch {
            throw InputFailure(message: "\(path): error: not a Firebreak simulate report: \(describe(error))\n  help: regenerate it with `firebreak gate MODEL --baseline \(path) --update-baseline`")
        }
        guard report.jsonContract == FirebreakVersion.jsonContract else {
            throw InputFailure(message: "\(path): error: the baseline follows JSON contract \(report.jsonContract), this Firebreak reads contract \(FirebreakVersion.jsonContract)\n  help: regenerate it with `firebreak gate MODEL --baseline \(path) --update-baseline` on the base branch")
        }
        return report
    }

    /// Writes atomically, so a failure never leaves half a baseline.
    static func write(_ report: SimulationReport, to path: String) throws {
        try OutputFile.write(Data(report.json.utf8), to: path, what: "baseline")
    }

    static func describe(_ error: Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        switch error {
        case .keyNotFound(let key, let context):
            return "missing field '\(([key] + context.codingPath.reversed()).reversed().map(\.stringValue).joined(separator: "."))'"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "wrong type at '\(context.codingPath.map(\.stringValue).joined(separator: "."))'"
        case .dataCorrupted(let context):
            return context.debugDescription
        @unknown default:
            return "\(error)"
        }
    }
}
