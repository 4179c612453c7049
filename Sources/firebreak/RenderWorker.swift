import ArgumentParser
import FirebreakRender
import Foundation

/// Lays out DOT read from standard input and writes the picture to standard output, in this
/// process. `render` runs it as a child so that a layout that runs too long can be stopped.
struct RenderWorker: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "render-worker", shouldDisplay: false)

    @Option var format: String
    @Option var layout: String

    /// The address space a layout may take: a dense graph can ask Graphviz for tens of
    /// gigabytes, which ends this child, not the machine.
    static let memoryLimitGiB = 4

    func run() throws {
        var limit = rlimit(rlim_cur: rlim_t(Self.memoryLimitGiB) << 30, rlim_max: rlim_t(Self.memoryLimitGiB) << 30)
        #if os(Linux)
        setrlimit(Int32(RLIMIT_AS.rawValue), &limit)
        #else
        setrlimit(RLIMIT_AS, &limit)
        #endif
        guard let format = OutputFormat(rawValue: format) else { throw InputFailure(message: "error: unknown format \(format)") }
        let dot = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        do {
            FileHandle.standardOutput.write(try Graphviz.render(dot: dot, format: format, layout: layout))
        } catch {
            throw InputFailure(message: error.description)
        }
    }
}
