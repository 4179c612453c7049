import FirebreakModel

extension WeaknessReport {
    /// Text, verdict first: counts, then each weakness that opens something, most critical
    /// first (its place, kind and detail; what it opens and in which scenarios), then the latent
    /// ones counted by kind (each listed with `all`). Lines stay within 120 columns.
    public func text(all: Bool = false, style: TerminalStyle = .plain) -> String {
        let open = weaknesses.filter { $0.opens != nil }
        let latent = weaknesses.filter { $0.opens == nil }
        let jewels = open.filter(\.crownJewel).count
        let counts = ": \(weaknesses.count) weakness\(weaknesses.count == 1 ? "" : "es"); \(open.count) open a path, \(jewels) to a crown jewel; \(latent.count) latent"
        var lines = [style.bold("\(model) (\(file.keepingEnd(120 - model.count - 3 - counts.count)))\(counts)"), ""]
        for entry in open {
            lines.append(clip("[\(entry.kind)] \(entry.detail)"))
            let what = "\(entry.opens ?? "") (\(entry.crownJewel ? "crown jewel, " : "")\(entry.criticality ?? ""))"
            let count = entry.scenarios.count
            let line = clip("    \(entry.location): opens \(what) in \(count) scenario\(count == 1 ? "" : "s"): \(entry.scenarios.joined(separator: ", "))")
            lines.append(entry.crownJewel ? style.red(line) : line)
        }
        if !latent.isEmpty {
            if !open.isEmpty { lines.append("") }
            if all {
                lines.append(style.bold("latent today:"))
                for entry in latent {
                    lines.append(clip("[\(entry.kind)] \(entry.detail)"))
                    lines.append(clip("    \(entry.location): latent: \(entry.latent ?? "")"))
                }
            } else {
                let counts = Dictionary(grouping: latent, by: \.kind).map { ($0.key, $0.value.count) }.sorted { ($0.1, $1.0) > ($1.1, $0.0) }
                lines.append(clip("latent today (--all lists each with why): " + counts.map { "\($0.1) \($0.0)" }.joined(separator: ", ")))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func clip(_ line: String) -> String { line.clipped(to: 120) }
}
