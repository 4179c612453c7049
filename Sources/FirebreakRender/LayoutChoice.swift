/// Picks a Graphviz layout engine by the size of the graph.
///
/// `dot` draws pipeline-shaped graphs best (stages left to right) and laid out 2,000
/// pipeline-shaped nodes in about 3 s here, but long edges across a large graph make it
/// slow beyond use; `sfdp` laid out 2,000 nodes and 4,000 edges in half a second.
public enum LayoutChoice {
    /// Largest graph drawn with `dot` unless the user asks otherwise.
    public static let dotNodeLimit = 1_000

    public static func engine(nodes: Int, edges: Int) -> String {
        nodes <= dotNodeLimit && edges <= dotNodeLimit * 3 ? "dot" : "sfdp"
    }

    /// A rough guess of the layout's seconds on this project's development machine, from
    /// measured pictures: `dot` grows with nodes × edges (astral-sh/ruff's 574 nodes: 1.8 s),
    /// `sfdp` about linearly (2,358 nodes: 4.3 s). Used to warn before a layout that would run
    /// past its timeout.
    public static func estimatedSeconds(engine: String, nodes: Int, edges: Int) -> Double {
        engine == "dot" ? Double(nodes) * Double(edges) * 2.5e-6 : Double(nodes + edges) * 7e-4
    }
}
