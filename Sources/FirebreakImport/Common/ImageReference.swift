import FirebreakModel

/// A container image as a pipeline names it (`registry/team/name:tag@sha256:…`, or GitHub's
/// `docker://…`), and how firmly that name pins what runs.
struct ImageReference: Equatable {
    /// The reference without a `docker://` scheme.
    let name: String

    init(_ text: String) {
        name = text.hasPrefix("docker://") ? String(text.dropFirst("docker://".count)) : text
    }

    /// A digest names one image; a tag names whatever was last pushed under it; no tag means
    /// `latest`.
    var pin: PinState {
        if name.contains("@sha256:") { return .digest }
        let last = name.split(separator: "/").last ?? ""
        return last.contains(":") ? .tag : .none
    }
}
