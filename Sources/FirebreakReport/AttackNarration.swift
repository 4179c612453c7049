import FirebreakEngine
import FirebreakModel
import Foundation

/// A scenario told hop by hop for a room: where the attacker starts, then every hop in the
/// order the attack unfolds (fewest hops first), each with the rule's rationale and the
/// control that would have stopped it, then what was reached.
public struct AttackNarration: Sendable {
    /// Each revealed hop's text, in order.
    public let beats: [String]
    public let ending: String

    public init(_ result: BlastRadius) {
        var seen = Set<String>()
        var hops: [(depth: Int, hop: Hop)] = []
        for asset in result.reached {
            for (depth, hop) in asset.path.enumerated() {
                let key = "\(hop.rule) \(hop.from?.description ?? "-") \(hop.to) \(hop.capability.rawValue)"
                if seen.insert(key).inserted { hops.append((depth, hop)) }
            }
        }
        hops.sort { ($0.depth, $0.hop.to, $0.hop.rule) < ($1.depth, $1.hop.to, $1.hop.rule) }
        var beats: [String] = []
        for (index, entry) in hops.enumerated() {
            let hop = entry.hop
            var text: String
            if hop.rule == "foothold" {
                text = "\(index + 1). The attacker starts: \(hop.capability.rawValue) \(hop.to)\n   \(hop.why)\n   at \(hop.location)\n"
            } else {
                text = "\(index + 1). \(hop.from.map(\.description) ?? "attacker") → \(hop.capability.rawValue) \(hop.to) [\(hop.rule)]\n"
                text += Self.wrapped(hop.why) + "   at \(hop.location)\n"
                for caveat in hop.caveats { text += Self.wrapped("note: \(caveat)") }
                if let rule = RuleCatalogue.rule(id: hop.rule) {
                    let description = type(of: rule).description
                    text += Self.wrapped("why it works: \(description.rationale)")
                    text += Self.wrapped("what would have stopped it: \(description.control)")
                }
            }
            beats.append(text)
        }
        self.beats = beats
        let jewels = result.crownJewels
        ending = jewels.isEmpty
            ? "End: \(result.reached.count) node\(result.reached.count == 1 ? "" : "s") reached, no crown jewel (score \(result.score)).\n"
            : "End: \(jewels.count) crown jewel\(jewels.count == 1 ? "" : "s") reached — \(jewels.map(\.description).joined(separator: ", ")) (score \(result.score)).\n"
    }

    /// A paragraph indented by three spaces, wrapped at 100 columns (continuations by five).
    static func wrapped(_ text: String, width: Int = 100) -> String {
        var lines: [String] = []
        var line = "   "
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if line.count + word.count + 1 > width, line.trimmingCharacters(in: .whitespaces).count > 0 {
                lines.append(line)
                line = "     "
            }
            line += (line.hasSuffix(" ") ? "" : " ") + word
        }
        lines.append(line)
        return lines.joined(separator: "\n") + "\n"
    }

    /// The opening lines: the scenario's title and story.
    public static func opening(_ scenario: Scenario, model: PipelineModel) -> String {
        "\(scenario.title) — \(scenario.id) on \(model.name)\n\n\(scenario.narrative.trimmingCharacters(in: .whitespacesAndNewlines))\n\n"
    }
}
