import FirebreakEngine
import FirebreakModel

/// Attack paths drawn as a tree: hops the paths share are printed once, each hop on one line
/// with its rule and source location, caveats under the hop they belong to, and every line
/// kept within `width` columns (long names are shortened in the middle).
struct PathTree {
    /// One printed hop, and the hops that follow it on some path.
    final class Branch {
        let hop: Hop
        var children: [Branch] = []
        /// The asset a path ends at here, when one does.
        var ends: ReachedAsset?

        init(_ hop: Hop) { self.hop = hop }
    }

    let width: Int
    let location: (SourceLocation) -> String
    /// Whether each hop's reason is printed under it.
    let why: Bool
    private(set) var roots: [Branch] = []

    init(width: Int = 120, why: Bool = false, location: @escaping (SourceLocation) -> String) {
        self.width = width
        self.why = why
        self.location = location
    }

    /// Adds the path to an asset; `upTo` cuts it after that many hops (the rest is drawn
    /// elsewhere). Returns the branch where the drawn part ends.
    @discardableResult
    mutating func add(_ asset: ReachedAsset, upTo count: Int? = nil) -> Branch? {
        let hops = count.map { Array(asset.path.prefix($0)) } ?? asset.path
        guard let first = hops.first else { return nil }
        var current = Self.branch(for: first, in: &roots)
        for hop in hops.dropFirst() { current = Self.branch(for: hop, in: &current.children) }
        if count == nil || count == asset.path.count { current.ends = asset }
        return current
    }

    private static func branch(for hop: Hop, in branches: inout [Branch]) -> Branch {
        if let existing = branches.first(where: { Self.same($0.hop, hop) }) { return existing }
        let made = Branch(hop)
        branches.append(made)
        return made
    }

    /// Hops are the same step of a path when they reach the same capability on the same node
    /// by the same rule from the same node.
    static func same(_ a: Hop, _ b: Hop) -> Bool {
        a.to == b.to && a.capability == b.capability && a.rule == b.rule && a.from == b.from && a.level == b.level
    }

    /// The lines, each starting with `indent`; `after` adds lines under a branch (a
    /// continuation note), keyed by the branch that ends a cut path.
    func lines(indent: String, after: (Branch) -> [String] = { _ in [] }) -> [String] {
        var result: [String] = []
        for root in roots { render(root, lead: indent, childLead: indent, noted: [], into: &result, after: after) }
        return result
    }

    /// Draws a branch and what follows it; a caveat is noted once on each path, where it first applies.
    private func render(_ branch: Branch, lead: String, childLead: String, noted: Set<String>, into result: inout [String],
                        after: (Branch) -> [String]) {
        let noteLead = childLead + (branch.children.isEmpty ? "  " : "│ ")
        result += fit(lead, fact(branch.hop), mark(branch), tail(branch.hop), next: noteLead)
        if why { result += branch.hop.why.wrapped(after: noteLead, hanging: "why: ", width: width) }
        var noted = noted
        for caveat in branch.hop.caveats where caveat != Caveat.timeBounded && noted.insert(caveat).inserted {
            result += caveat.wrapped(after: noteLead, hanging: "note: ", width: width)
        }
        result += after(branch).map { clip(noteLead + $0) }
        for (index, child) in branch.children.enumerated() {
            let last = index == branch.children.count - 1
            render(child, lead: childLead + (last ? "└ " : "├ "), childLead: childLead + (last ? "  " : "│ "), noted: noted,
                   into: &result, after: after)
        }
    }

    /// `exec job:build`, `push branch:main (write)`.
    private func fact(_ hop: Hop) -> String {
        "\(hop.capability.rawValue) \(hop.to)" + (hop.level == .full ? "" : " (\(hop.level.rawValue))")
    }

    /// What a path ends at, when it ends here: `  ◆ crown jewel, critical`.
    private func mark(_ branch: Branch) -> String {
        guard let asset = branch.ends else { return "" }
        return "  ◆ \(asset.crownJewel ? "crown jewel, " : "")\(asset.criticality.rawValue)\(asset.timeBounded ? ", time-bounded" : "")"
    }

    private func tail(_ hop: Hop) -> String { "[\(hop.rule)] \(location(hop.location))" }

    /// `lead + fact + mark + "  " + tail` within the width: the location's folders give way to
    /// `…/` first; if it is still too long, the rule and location go on a line of their own
    /// (`next` leads it). Names are never shortened.
    func fit(_ lead: String, _ fact: String, _ mark: String, _ tail: String, next: String) -> [String] {
        var tail = tail
        if lead.count + fact.count + mark.count + 2 + tail.count > width, let slash = tail.lastIndex(of: "/"),
           let bracket = tail.firstIndex(of: "]") {
            tail = tail[...bracket] + " …" + tail[slash...]
        }
        guard lead.count + fact.count + mark.count + 2 + tail.count > width else { return [lead + fact + mark + "  " + tail] }
        return [lead + fact + mark, next + "  " + tail]
    }

    /// A note line within the width, cut at the end.
    func clip(_ line: String) -> String { line.clipped(to: width) }
}
