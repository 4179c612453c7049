import FirebreakModel

/// Graphs as a Neo4j Cypher script: a uniqueness constraint, then nodes and edges merged in
/// batches of literal rows (`UNWIND [...] AS row MERGE ...`), so running it twice changes
/// nothing and many repositories' scripts load into one database. Nodes are labelled
/// `FirebreakNode` and their kind (`Job`, `Secret`); relations are typed by the relation
/// (`RUNS_ON`) or, for attack hops, `CAN_` and the capability (`CAN_READ`).
public enum CypherWriter {
    static let batch = 500

    public static func write(_ graphs: [ExportGraph]) -> String {
        var out = "// Firebreak export: load with cypher-shell -f FILE (Neo4j 5).\n"
        out += "CREATE CONSTRAINT firebreak_node_id IF NOT EXISTS FOR (n:FirebreakNode) REQUIRE n.id IS UNIQUE;\n"
        let nodesByKind = Dictionary(grouping: graphs.flatMap(\.nodes), by: \.kind)
        for kind in NodeKind.allCases {
            let rows = (nodesByKind[kind] ?? []).map { node in
                var row = "id: \(literal(node.id)), kind: \(literal(kind.rawValue)), name: \(literal(node.name)), "
                    + "repository: \(literal(node.repository)), criticality: \(literal(node.criticality.rawValue)), "
                    + "crown_jewel: \(node.crownJewel), location: \(literal(node.location))"
                if !node.reached.isEmpty { row += ", reached: \(list(node.reached))" }
                if !node.footholdIn.isEmpty { row += ", foothold_in: \(list(node.footholdIn))" }
                return "{\(row)}"
            }
            out += batches(rows) { "UNWIND [\($0)] AS row MERGE (n:FirebreakNode:\(label(kind.rawValue)) {id: row.id}) SET n += row;\n" }
        }
        let edgesByType = Dictionary(grouping: graphs.flatMap(\.edges)) { type(of: $0) }
        for type in edgesByType.keys.sorted() {
            let rows = edgesByType[type]!.map { edge in
                var properties = "location: \(literal(edge.location))"
                if let level = edge.level { properties += ", level: \(literal(level))" }
                if edge.attack { properties += ", scenarios: \(list(edge.scenarios)), rules: \(list(edge.rules))" }
                return "{from: \(literal(edge.from)), to: \(literal(edge.to)), properties: {\(properties)}}"
            }
            out += batches(rows) {
                "UNWIND [\($0)] AS row MATCH (a:FirebreakNode {id: row.from}), (b:FirebreakNode {id: row.to}) "
                    + "MERGE (a)-[r:\(type)]->(b) SET r += row.properties;\n"
            }
        }
        return out
    }

    static func type(of edge: ExportGraph.Edge) -> String {
        (edge.attack ? "CAN_" : "") + edge.kind.uppercased().replacingOccurrences(of: "-", with: "_")
    }

    static func batches(_ rows: [String], _ statement: (String) -> String) -> String {
        stride(from: 0, to: rows.count, by: batch).map { start in
            statement(rows[start..<min(start + batch, rows.count)].joined(separator: ", "))
        }.joined()
    }

    /// A node kind as a label: `job` → `Job`.
    static func label(_ kind: String) -> String { kind.prefix(1).uppercased() + kind.dropFirst() }

    /// A Cypher string literal: single-quoted, with quotes, backslashes and line breaks escaped.
    static func literal(_ text: String) -> String {
        var out = "'"
        for scalar in text.unicodeScalars {
            switch scalar {
            case "'": out += "\\'"
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "'"
    }

    static func list(_ values: [String]) -> String { "[" + values.map(literal).joined(separator: ", ") + "]" }
}
