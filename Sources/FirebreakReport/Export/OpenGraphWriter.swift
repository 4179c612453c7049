import FirebreakModel

/// Graphs as BloodHound OpenGraph JSON: nodes with `id`, `kinds` (`FB` and the node kind, then
/// `FBNode`) and flat `properties`; edges matched by id, of kind `FB` and the relation
/// (`FBRunsOn`, `FBGrants`) or, for attack hops, `FBCan` and the capability (`FBCanExec`,
/// `FBCanRead`), with the scenarios and rules that take them.
public enum OpenGraphWriter {
    public static let sourceKind = "FBNode"

    public static func write(_ graphs: [ExportGraph]) -> String {
        var out = JSONText()
        out.beginObject()
        out.key("graph")
        out.beginObject()
        out.key("edges")
        out.beginArray()
        for graph in graphs {
            for edge in graph.edges {
                out.beginObject()
                out.key("end")
                reference(edge.to, into: &out)
                out.field("kind", (edge.attack ? "FBCan" : "FB") + pascal(edge.kind))
                out.key("properties")
                out.beginObject()
                if let level = edge.level { out.field("level", level) }
                out.field("location", edge.location)
                if edge.attack {
                    out.field("rules", edge.rules)
                    out.field("scenarios", edge.scenarios)
                }
                out.endObject()
                out.key("start")
                reference(edge.from, into: &out)
                out.endObject()
            }
        }
        out.endArray()
        out.key("nodes")
        out.beginArray()
        for graph in graphs {
            for node in graph.nodes {
                out.beginObject()
                out.field("id", node.id)
                out.field("kinds", ["FB" + pascal(node.kind.rawValue), sourceKind])
                out.key("properties")
                out.beginObject()
                out.field("criticality", node.criticality.rawValue)
                out.field("crown_jewel", node.crownJewel)
                out.field("displayname", "\(node.kind.rawValue):\(node.name)")
                if !node.footholdIn.isEmpty { out.field("foothold_in", node.footholdIn) }
                out.field("location", node.location)
                out.field("name", node.name)
                out.field("objectid", node.id)
                if !node.reached.isEmpty { out.field("reached", node.reached) }
                out.field("repository", node.repository)
                out.endObject()
                out.endObject()
            }
        }
        out.endArray()
        out.endObject()
        out.key("metadata")
        out.beginObject()
        out.field("source_kind", sourceKind)
        out.endObject()
        out.endObject()
        return out.text + "\n"
    }

    static func reference(_ id: String, into out: inout JSONText) {
        out.beginObject()
        out.field("match_by", "id")
        out.field("value", id)
        out.endObject()
    }

    /// `runs-on` → `RunsOn`, `exec` → `Exec`.
    static func pascal(_ text: String) -> String {
        text.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }
}
