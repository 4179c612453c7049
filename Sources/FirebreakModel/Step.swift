/// Third-party code a job runs: an action, a template, a container image or a fetched script.
public struct Step: Sendable, Hashable {
    /// What sort of third-party code the step is.
    public enum Kind: String, CaseIterable, Sendable, Codable {
        case action, template, image, script
        case reusableWorkflow = "reusable-workflow"
    }

    /// The step's node name: `<job>/<uses>`, unique in the model.
    public var name: String
    /// What the step pulls in, as written (`actions/checkout@v4`, `node:20`).
    public var uses: String
    public var kind: Kind
    public var pin: PinState
    public var location: SourceLocation

    public init(name: String, uses: String, kind: Kind, pin: PinState, location: SourceLocation) {
        self.name = name
        self.uses = uses
        self.kind = kind
        self.pin = pin
        self.location = location
    }

    public var id: NodeID { NodeID(.step, name) }
}
