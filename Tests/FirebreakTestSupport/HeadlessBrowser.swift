import Foundation

/// Opens an HTML page in headless Chromium the way a reader's browser would, and reports what
/// the page did: its console messages, whether any script of the page ran, its sections and
/// the rendered size of each picture.
///
/// The page is loaded in a frame of a small harness page beside it (same folder, so the same
/// origin under `--allow-file-access-from-files`); after both load, the harness's own script
/// measures the frame and writes the result into its DOM, which `--dump-dom` prints. A script
/// of the page that ran would have set `data-pwned` on the page's body.
public enum HeadlessBrowser {
    /// Chromium: `FIREBREAK_CHROMIUM`, else the first of chromium, chromium-browser, google-chrome on PATH.
    public static let path: String? = {
        if let override = ProcessInfo.processInfo.environment["FIREBREAK_CHROMIUM"] { return override }
        for name in ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"] {
            for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
                let candidate = "\(folder)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }()

    /// What the page did.
    public struct Visit: Decodable, Sendable {
        /// The `data-pwned` mark a page script left on the body, if any ran.
        public var pwned: String?
        /// The ids of `section.scenario` elements.
        public var sections: [String]
        /// Each `svg` element's rendered width and height in CSS pixels.
        public var pictures: [[Double]]
        /// The page's title.
        public var title: String
        /// Console messages whose source is the page (errors, blocked scripts, failed loads).
        public var console: [String] = []

        enum CodingKeys: String, CodingKey { case pwned, sections, pictures, title }
    }

    public enum Failure: Error, CustomStringConvertible {
        case noResult(stdout: String, stderr: String)
        public var description: String {
            switch self {
            case .noResult(let stdout, let stderr): "the harness wrote no result\nstdout: \(stdout.prefix(2000))\nstderr: \(stderr.suffix(2000))"
            }
        }
    }

    static let harness = """
        <!DOCTYPE html><html><head><meta charset="utf-8"></head><body><pre id="out"></pre>
        <iframe id="page" src="PAGE" style="width:1400px;height:900px"></iframe>
        <script>
        window.addEventListener('load', function () {
          var d = document.getElementById('page').contentDocument;
          var r = {pwned: d.body ? d.body.getAttribute('data-pwned') : 'no body', sections: [], pictures: [], title: d.title};
          d.querySelectorAll('section.scenario').forEach(function (s) { r.sections.push(s.id); });
          d.querySelectorAll('svg').forEach(function (s) { var b = s.getBoundingClientRect(); r.pictures.push([b.width, b.height]); });
          document.getElementById('out').textContent = 'RESULT ' + JSON.stringify(r) + ' END';
        });
        </script></body></html>
        """

    /// Loads `page` (an HTML file) and returns what it did.
    public static func visit(_ page: String) throws -> Visit {
        let chromium = try requirePath()
        let folder = (page as NSString).deletingLastPathComponent
        let name = (page as NSString).lastPathComponent
        let harnessPath = (folder as NSString).appendingPathComponent("harness-\(UUID().uuidString).html")
        try harness.replacingOccurrences(of: "PAGE", with: name).write(toFile: harnessPath, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: harnessPath) }
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("chromium-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: profile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
        process.arguments = ["120", chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(profile)",
                             "--allow-file-access-from-files", "--enable-logging=stderr", "--v=0", "--virtual-time-budget=5000",
                             "--dump-dom", URL(fileURLWithPath: harnessPath).absoluteString]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let errors = Collector(err.fileHandleForReading)
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let stderr = errors.text()
        guard let start = stdout.range(of: "RESULT "), let end = stdout.range(of: " END", range: start.upperBound..<stdout.endIndex) else {
            throw Failure.noResult(stdout: stdout, stderr: stderr)
        }
        let json = String(stdout[start.upperBound..<end.lowerBound])
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
        var visit = try JSONDecoder().decode(Visit.self, from: Data(json.utf8))
        let pageURL = URL(fileURLWithPath: page).absoluteString
        visit.console = stderr.split(separator: "\n").filter { $0.contains("CONSOLE") && $0.contains(pageURL) }.map(String.init)
        return visit
    }

    static func requirePath() throws -> String {
        guard let path else { throw Failure.noResult(stdout: "", stderr: "no chromium on PATH") }
        return path
    }

    /// Reads a pipe to its end on another thread, so neither of two pipes can fill and block the child.
    final class Collector: @unchecked Sendable {
        private var data = Data()
        private let done = DispatchSemaphore(value: 0)

        init(_ handle: FileHandle) {
            DispatchQueue.global().async { [self] in
                data = handle.readDataToEndOfFile()
                done.signal()
            }
        }

        func text() -> String {
            done.wait()
            return String(decoding: data, as: UTF8.self)
        }
    }
}
