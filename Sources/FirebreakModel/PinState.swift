/// How firmly a reference to third-party code is fixed.
public enum PinState: String, CaseIterable, Sendable, Codable {
    /// A full commit id or content digest: immutable.
    case digest
    /// A tag: its owner can move it.
    case tag
    /// A branch: moves with every push.
    case branch
    /// A version range (`npm@11`, `awscli<1.37.0`, `~=2.1`): the newest version inside it,
    /// whenever its publishers add one.
    case range
    /// No version at all: whatever is latest.
    case none

    /// Whether the reference can change under the user's feet.
    public var isMutable: Bool { self != .digest }

    /// How a reference is fixed, to follow "is" in a sentence: "pinned by tag", "pinned by
    /// branch", "pinned to a version range (the newest inside it)", or "not pinned to any version
    /// (whatever is latest)", for a reference that names none (an image with no tag, an include
    /// with no `ref:`, its project's default branch).
    public var phrase: String {
        switch self {
        case .none: "not pinned to any version (whatever is latest)"
        case .range: "pinned to a version range (the newest inside it)"
        default: "pinned by \(rawValue)"
        }
    }

    /// `phrase`, saying what a firm pin would be where the reference has some version.
    public func phrase(ratherThan firm: String) -> String {
        self == .none ? phrase : "\(phrase), not to \(firm)"
    }

    /// How firmly the reference holds, from 0 (no version, or a range: whatever is newest) to 3 (a digest):
    /// a branch moves with every push to it, a tag only when its owner moves it.
    public var firmness: Int {
        switch self {
        case .none, .range: 0
        case .branch: 1
        case .tag: 2
        case .digest: 3
        }
    }

    /// Whether a package version is a full one (`1.2.3`, or with a pre-release or build:
    /// `1.2.3-rc.1`), which a registry keeps as published: not a range, a prefix or a tag.
    public static func isFullVersion(_ version: some StringProtocol) -> Bool {
        let core = version.prefix { $0 != "-" && $0 != "+" }
        let parts = core.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 3 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
    }

    /// Infers the pin state from a version string: 40 hex digits or a `sha256:` digest is
    /// immutable; an empty one is none; a version (`v4`, `1.2.0`: a digit first, after an
    /// optional `v`) is taken as a tag; any other name (`main`, `stable`, `fix-patch-2`,
    /// `releases/v1`) as a branch; a full ref (`refs/tags/...`, `refs/heads/...`) as what it says.
    /// Both move; a short name cannot tell a tag from a branch for certain.
    public static func infer(fromVersion version: String?) -> PinState {
        guard let version, !version.isEmpty else { return .none }
        if version.hasPrefix("sha256:") { return .digest }
        // A commit: forty ASCII hex digits (Character.isHexDigit would also take full-width ones).
        if version.utf8.count == 40, version.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0 | 0x20) }) { return .digest }
        // A full ref says what it is.
        if version.hasPrefix("refs/tags/") { return .tag }
        if version.hasPrefix("refs/heads/") { return .branch }
        let number = version.first == "v" || version.first == "V" ? version.dropFirst() : Substring(version)
        return number.first?.isASCII == true && number.first?.isNumber == true ? .tag : .branch
    }
}
