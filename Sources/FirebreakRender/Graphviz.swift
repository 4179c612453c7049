import CGraphviz
import Foundation
import Synchronization

/// Lays out and renders DOT text with libgvc, inside this process.
///
/// Graphviz keeps process-wide state (error handlers, plugin tables, the last error), and
/// renders from several threads crash libcgraph even with one context each, so every call
/// goes through one process-wide lock. Errors Graphviz reports while the lock is held are
/// captured and returned as a `RenderError`, not printed.
public enum Graphviz {
    /// The one lock in front of every Graphviz call, and the error text captured under it.
    private static let state = Mutex<Void>(())
    nonisolated(unsafe) private static var capturedErrors = ""

    /// Renders `dot` with the layout engine `layout` (dot, sfdp, neato, ...) into `format`.
    public static func render(dot: String, format: OutputFormat, layout: String = "dot") throws(RenderError) -> Data {
        do {
            return try state.withLock { _ throws(RenderError) in try renderLocked(dot: dot, format: format, layout: layout) }
        } catch {
            throw error
        }
    }

    private static func renderLocked(dot: String, format: OutputFormat, layout: String) throws(RenderError) -> Data {
        capturedErrors = ""
        let previousHandler = agseterrf { message in
            if let message { Graphviz.capturedErrors += String(cString: message) }
            return 0
        }
        let previousLevel = agseterr(AGERR)
        defer {
            agseterrf(previousHandler)
            agseterr(previousLevel)
        }
        guard let context = gvContext() else { throw RenderError("Graphviz could not create a context") }
        defer { gvFreeContext(context) }
        guard let graph = dot.withCString({ agmemread($0) }) else {
            throw RenderError("Graphviz could not read the DOT text: \(graphvizMessage(or: "syntax error"))")
        }
        defer { agclose(graph) }
        guard gvLayout(context, graph, layout) == 0 else {
            let engines = plugins(context, kind: "layout")
            throw RenderError("Graphviz cannot lay out with '\(layout)': \(graphvizMessage(or: "layout failed"))",
                              help: engines.isEmpty
                                  ? "no layout engines are installed; run `libgvc6-config-update -c` or reinstall libgvc6"
                                  : "use one of: \(engines.joined(separator: ", "))")
        }
        defer { gvFreeLayout(context, graph) }
        var buffer: UnsafeMutablePointer<CChar>?
        var length: UInt32 = 0
        guard gvRenderData(context, graph, format.rawValue, &buffer, &length) == 0, let buffer else {
            throw RenderError("Graphviz cannot render \(format.rawValue): \(graphvizMessage(or: "render failed"))")
        }
        defer { gvFreeRenderData(buffer) }
        let data = Data(bytes: buffer, count: Int(length))
        guard format == .svg else { return data }
        return Data(SVGViewBox.repaired(String(decoding: data, as: UTF8.self)).utf8)
    }

    private static func graphvizMessage(or fallback: String) -> String {
        let text = capturedErrors.trimmingCharacters(in: .whitespacesAndNewlines)
            .replacingOccurrences(of: "\n", with: " ")
        return text.isEmpty ? fallback : text
    }

    private static func plugins(_ context: OpaquePointer, kind: String) -> [String] {
        var count: Int32 = 0
        guard let list = gvPluginList(context, kind, &count, nil) else { return [] }
        var names: [String] = []
        for index in 0..<Int(count) {
            if let entry = list[index] {
                names.append(String(cString: entry))
                free(entry)
            }
        }
        free(list)
        return Array(Set(names.map { $0.split(separator: ":").first.map(String.init) ?? $0 })).sorted()
    }

    /// The layout engines this machine's Graphviz offers.
    public static func layoutEngines() -> [String] {
        state.withLock { _ in
            guard let context = gvContext() else { return [] }
            defer { gvFreeContext(context) }
            return plugins(context, kind: "layout")
        }
    }
}
