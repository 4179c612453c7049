import FirebreakModel

/// Graphs as GraphML (one `<graph>` per repository, directed), for yEd, Gephi, networkx and
/// any reader of the standard. Attribute keys are declared once; text is XML-escaped.
public enum GraphMLWriter {
    static let nodeKeys = ["kind", "name", "repository", "criticality", "crownJewel", "location", "reached", "footholdIn"]
    static let edgeKeys = ["kind", "attack", "level", "location", "scenarios", "rules"]

    public static func write(_ graphs: [ExportGraph]) -> String {
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
            xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">

            """
        for key in nodeKeys {
            out += "  <key id=\"n_\(key)\" for=\"node\" attr.name=\"\(key)\" attr.type=\"\(key == "crownJewel" ? "boolean" : "string")\"/>\n"
        }
        for key in edgeKeys {
            out += "  <key id=\"e_\(key)\" for=\"edge\" attr.name=\"\(key)\" attr.type=\"\(key == "attack" ? "boolean" : "string")\"/>\n"
        }
        for (index, graph) in graphs.enumerated() {
            out += "  <graph id=\"g\(index)\" edgedefault=\"directed\">\n"
            for node in graph.nodes {
                out += "    <node id=\"\(escape(node.id))\">\n"
                out += data("n_kind", node.kind.rawValue) + data("n_name", node.name) + data("n_repository", node.repository)
                    + data("n_criticality", node.criticality.rawValue) + data("n_crownJewel", String(node.crownJewel))
                    + data("n_location", node.location)
                if !node.reached.isEmpty { out += data("n_reached", node.reached.joined(separator: ",")) }
                if !node.footholdIn.isEmpty { out += data("n_footholdIn", node.footholdIn.joined(separator: ",")) }
                out += "    </node>\n"
            }
            for (number, edge) in graph.edges.enumerated() {
                out += "    <edge id=\"g\(index)e\(number)\" source=\"\(escape(edge.from))\" target=\"\(escape(edge.to))\">\n"
                out += data("e_kind", edge.kind) + data("e_attack", String(edge.attack)) + data("e_location", edge.location)
                if let level = edge.level { out += data("e_level", level) }
                if !edge.scenarios.isEmpty { out += data("e_scenarios", edge.scenarios.joined(separator: ",")) }
                if !edge.rules.isEmpty { out += data("e_rules", edge.rules.joined(separator: ",")) }
                out += "    </edge>\n"
            }
            out += "  </graph>\n"
        }
        return out + "</graphml>\n"
    }

    static func data(_ key: String, _ value: String) -> String { "      <data key=\"\(key)\">\(escape(value))</data>\n" }

    /// Text for XML content and attribute values. XML 1.0 cannot write most control characters;
    /// model names cannot hold them (the loader refuses them), so none reach here.
    static func escape(_ text: String) -> String { MarkupText.escape(text) }
}
