import FirebreakModel

/// A line style per relation, so a reader tells data flow from trust from placement.
enum EdgeStyle {
    static func attributes(_ kind: Edge.Kind) -> String {
        switch kind {
        case .grants: "color=\"#b03a2e\", style=solid"
        case .carries: "color=\"#b9770e\", style=solid"
        case .exposes: "color=\"#b9770e\", style=dashed"
        case .trusts: "color=\"#b03a2e\", style=dashed"
        case .runsOn: "color=\"#a04000\", style=dotted, arrowhead=none"
        case .reaches, .in: "color=\"#1e8449\", style=dotted"
        case .produces, .consumes: "color=\"#117a65\", style=solid"
        case .restores, .saves: "color=\"#229954\", style=dashed"
        case .triggers: "color=\"#138d75\", style=solid"
        case .needs: "color=\"#1f618d\", style=dotted"
        case .gatedBy, .reviews: "color=\"#7d3c98\", style=solid"
        case .defines, .protects: "color=\"#6c7a89\", style=dashed"
        case .uses: "color=\"#7f8c8d\", style=dotted, arrowhead=none"
        case .holds: "color=\"#5b4a8b\", style=dashed"
        case .stores: "color=\"#117a65\", style=dotted"
        }
    }
}
