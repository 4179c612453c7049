import FirebreakEngine
import FirebreakModel

/// One shape and colour per node kind.
struct NodeStyle {
    var shape: String
    var colour: String
    var extraStyle: String?

    static func of(_ kind: NodeKind) -> NodeStyle {
        switch kind {
        case .actor: NodeStyle(shape: "ellipse", colour: "#5b4a8b")
        case .repository: NodeStyle(shape: "folder", colour: "#34495e")
        case .branch: NodeStyle(shape: "cds", colour: "#2c3e50")
        case .definition: NodeStyle(shape: "note", colour: "#6c7a89")
        case .trigger: NodeStyle(shape: "invhouse", colour: "#138d75")
        case .job: NodeStyle(shape: "box", colour: "#1f618d", extraStyle: "rounded")
        case .step: NodeStyle(shape: "component", colour: "#7f8c8d")
        case .runner: NodeStyle(shape: "box3d", colour: "#a04000")
        case .zone: NodeStyle(shape: "tab", colour: "#1e8449")
        case .identity: NodeStyle(shape: "hexagon", colour: "#b03a2e")
        case .secret: NodeStyle(shape: "octagon", colour: "#b9770e")
        case .environment: NodeStyle(shape: "doubleoctagon", colour: "#7d3c98")
        case .artifact: NodeStyle(shape: "parallelogram", colour: "#117a65")
        case .cache: NodeStyle(shape: "trapezium", colour: "#229954")
        case .resource: NodeStyle(shape: "cylinder", colour: "#922b21")
        }
    }

    /// The fill for a reached node, by how much the attacker holds: pale for a sandboxed run,
    /// deeper for more access.
    static func fill(for level: Level) -> String {
        switch level {
        case .untrusted: "#fdf2d0"
        case .unprotected: "#eadcf2"
        case .read: "#fce3a4"
        case .write: "#f9c784"
        case .deploy: "#f5a46c"
        case .admin, .full: "#ef7b6b"
        }
    }

    static let faded = "#c8c8c8"
    static let fadedText = "#a0a0a0"
    static let attack = "#c0392b"
}
