import FirebreakRender
import Foundation
import Synchronization

/// Renders in a child process of this same binary with a time limit: a Graphviz layout cannot
/// be cancelled once started, so the only hard bound is to stop the process running it.
enum BoundedRender {
    final class Collected: Sendable {
        let output = Mutex(Data())
        let errors = Mutex(Data())
    }

    static func render(dot: String, format: OutputFormat, layout: String, timeout: Int) throws -> Data {
        let process = Process()
        process.executableURL = executable()
        process.arguments = ["render-worker", "--format", format.rawValue, "--layout", layout]
        // A crashed layout is reported in one sentence, not with a backtrace.
        var environment = ProcessInfo.processInfo.environment
        environment["SWIFT_BACKTRACE"] = "enable=no"
        process.environment = environment
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let collected = Collected()
        let group = DispatchGroup()
        let dotData = Data(dot.utf8)
        let writer = input.fileHandleForWriting
        DispatchQueue.global().async {
            writer.write(dotData)
            try? writer.close()
        }
        let outputReader = output.fileHandleForReading, errorReader = errors.fileHandleForReading
        group.enter()
        DispatchQueue.global().async {
            let data = outputReader.readDataToEndOfFile()
            collected.output.withLock { $0 = data }
            group.leave()
        }
        group.enter()
        DispatchQueue.global().async {
            let data = errorReader.readDataToEndOfFile()
            collected.errors.withLock { $0 = data }
            group.leave()
        }
        if group.wait(timeout: .now() + .seconds(timeout)) == .timedOut {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            throw InputFailure(message: "error: the \(layout) layout did not finish within \(timeout) s and was stopped\n  help: try --layout sfdp, draw the attack subgraph (leave out --full), or raise --timeout")
        }
        process.waitUntilExit()
        if process.terminationReason == .uncaughtSignal {
            throw InputFailure(message: "error: the \(layout) layout stopped (signal \(process.terminationStatus)), most likely out of the \(RenderWorker.memoryLimitGiB) GiB it may use\n  help: try --layout sfdp, or draw the attack subgraph (leave out --full)")
        }
        guard process.terminationStatus == 0 else {
            let message = collected.errors.withLock { String(decoding: $0, as: UTF8.self) }.trimmingCharacters(in: .whitespacesAndNewlines)
            let firstLines = message.split(separator: "\n").prefix(5).joined(separator: "\n")
            throw InputFailure(message: firstLines.isEmpty ? "error: rendering failed (status \(process.terminationStatus))" : firstLines)
        }
        return collected.output.withLock { $0 }
    }

    static func executable() -> URL {
        let proc = URL(fileURLWithPath: "/proc/self/exe")
        if FileManager.default.fileExists(atPath: proc.path) { return proc.resolvingSymlinksInPath() }
        return Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
    }
}
