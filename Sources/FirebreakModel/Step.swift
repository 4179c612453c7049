/// Third-party code a job runs: an action, a template, a container image, a fetched script or
/// a tool installed from a package registry by name.
public struct Step: Sendable, Hashable {
    /// What sort of third-party code the step is.
    public enum Kind: String, CaseIterable, Sendable, Codable {
        case action, template, image, script
        case reusableWorkflow = "reusable-workflow"
        /// A tool a script installs from a registry by name (`uses: pip:twine`, `npm:@scope/tool`).
        case package
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

    /// Whether the step can be pinned by a full commit (`pinsByCommit(_:)`).
    public var pinsByCommit: Bool { Self.pinsByCommit(uses) }

    /// Whether what `uses` names can be pinned by a full commit. The SLSA generator's builders
    /// and generators (its reusable workflows, and the actions they use) must be referenced by a
    /// version tag: they check their own ref, and provenance made from a commit pin fails
    /// (slsa-github-generator README, *Referencing SLSA builders and generators*; issue #150).
    /// Their tag stays movable, and no pin takes that away.
    public static func pinsByCommit(_ uses: String) -> Bool { !uses.lowercased().hasPrefix("slsa-framework/slsa-github-generator/") }

    /// The installers a package step's `uses` starts with (`pip:twine`): each ecosystem's,
    /// whichever index or registry it is pointed at.
    public static let packageInstallers = ["pip", "npm", "cargo", "go", "gem"]

    /// For a step named `<job>/<installer>:<package>` (a tool installed by name), its job and
    /// what it installs; nil for any other step's name.
    public static func package(inStepNamed name: String) -> (job: String, uses: String)? {
        for installer in packageInstallers {
            if let range = name.range(of: "/\(installer):") {
                return (String(name[..<range.lowerBound]), String(name[name.index(after: range.lowerBound)...]))
            }
        }
        return nil
    }

    /// For a step named `<job>/<URL>` (code a script downloads or clones), its job and the URL;
    /// nil for any other step's name.
    public static func fetched(inStepNamed name: String) -> (job: String, url: String)? {
        guard let scheme = name.range(of: "://"),
              let slash = name[..<scheme.lowerBound].lastIndex(of: "/") else { return nil }
        return (String(name[..<slash]), String(name[name.index(after: slash)...]))
    }

    /// How a weakness list words a step that is not pinned by commit or digest.
    public var unpinnedDetail: String {
        guard kind == .package else { return Self.unpinnedDetail(uses, pin: pin) }
        return pin == .tag ? "'\(uses)' is installed at a tag its publishers move, not at an exact version"
            : "'\(uses)' is installed at its newest version as the job runs, not at an exact version"
    }

    /// How a weakness list words a reference that is not pinned by commit or digest (the SLSA
    /// generator on a version tag, as it must be, says so).
    public static func unpinnedDetail(_ uses: String, pin: PinState) -> String {
        pinsByCommit(uses) || pin != .tag ? "'\(uses)' is \(pin.phrase(ratherThan: "a commit or digest"))"
            : "'\(uses)' stays on a version tag, as the SLSA generator requires (it refuses a commit pin): the tag moves if its owners' account is taken"
    }
}
