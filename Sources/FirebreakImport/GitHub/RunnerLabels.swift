/// What a `runs-on:` label says about the machine.
///
/// Sources: GitHub Docs, "GitHub-hosted runners" (the `ubuntu-*`, `windows-*`, `macos-*`
/// images, each job on a fresh virtual machine); the documentation of third-party hosted-runner
/// providers, whose runners are also created per job and discarded after it; for the CNCF's
/// runners on Oracle Cloud (`oracle-vm-16cpu-64gb-x86-64`, offered to CNCF projects), the CNCF
/// CI team's own pull requests moving projects to them (argoproj/argo-cd#24632, cilium/proxy#1452:
/// "ephemeral GitHub runners", "a new vm is created for each job").
enum RunnerLabels {
    /// Label prefixes of third-party providers that start a fresh machine for each job, with
    /// the provider's name.
    static let providers: [(prefix: String, provider: String)] = [
        ("depot-", "depot"), ("blacksmith-", "blacksmith"), ("namespace-profile-", "namespace"), ("nscloud-", "namespace"),
        ("buildjet-", "buildjet"), ("warp-", "warpbuild"), ("ubicloud-", "ubicloud"), ("runs-on=", "runs-on"), ("runs-on/", "runs-on"),
        ("cirrus-", "cirrus"), ("codspeed-", "codspeed"), ("oracle-vm-", "cncf-oracle"),
    ]

    /// The kind of machine a set of labels selects.
    enum Machine: Equatable {
        /// A GitHub-hosted virtual machine, fresh per job.
        case githubHosted
        /// A third-party provider's machine, fresh per job.
        case providerHosted(String)
        /// A self-hosted runner: its lifecycle is unknown.
        case selfHosted
    }

    static func machine(_ labels: [String]) -> Machine {
        let lowered = labels.map { $0.lowercased() }
        guard !lowered.isEmpty, !lowered.contains("self-hosted") else { return .selfHosted }
        if lowered.allSatisfy(isGitHubHosted) { return .githubHosted }
        if let provider = lowered.lazy.compactMap(provider(of:)).first { return .providerHosted(provider) }
        return .selfHosted
    }

    /// Hosted images GitHub names otherwise (`ubuntu-slim`, a one-CPU container per job).
    static let namedImages: Set<String> = ["ubuntu-slim"]

    /// GitHub names its images by system and version (`ubuntu-24.04`, `windows-2025`,
    /// `macos-15`) or `latest`, with one of a few documented variants (`ubuntu-24.04-arm`,
    /// `macos-15-xlarge`, `macos-15-intel`); a label that goes on otherwise (`macos-m1-stable`,
    /// `ubuntu-gpu`, `ubuntu-24.04-riscv`) is a name an organisation gave its own machines.
    /// A larger runner's name is also the organisation's: `isLargerRunner`.
    static func isGitHubHosted(_ label: String) -> Bool {
        let lowered = label.lowercased()
        if isLargerRunner(lowered) || namedImages.contains(lowered) { return true }
        guard let (system, version, variant) = imageParts(lowered) else { return false }
        return (version == "latest" || (!version.isEmpty && version.allSatisfy { $0.isNumber || $0 == "." }))
            && (variant.isEmpty || imageVariants[system, default: []].contains(variant))
    }

    /// The variants each system's own image labels end with after the version (GitHub Docs,
    /// "GitHub-hosted runners", standard runners' labels): Arm for Ubuntu and Windows 11, the
    /// larger and Intel machines for macOS.
    static let imageVariants: [Substring: Set<Substring>] = ["ubuntu": ["arm"], "windows": ["arm"], "macos": ["large", "xlarge", "intel", "arm64"]]

    /// A system's image label split: the system, its version and what follows it.
    private static func imageParts(_ lowered: String) -> (system: Substring, version: Substring, variant: Substring)? {
        guard let system = ["ubuntu-", "windows-", "macos-"].first(where: { lowered.hasPrefix($0) }) else { return nil }
        let rest = lowered.dropFirst(system.count)
        let version = rest.prefix { $0 != "-" }
        return (Substring(system.dropLast()), version, rest.dropFirst(version.count).drop { $0 == "-" })
    }

    /// A GitHub-hosted larger runner, by the naming organisations give them: `github-` and a
    /// system (`github-ubuntu-24.04-arm-4`), or a system's label with its core count
    /// (`ubuntu-24.04-16core`, GitHub Docs' own example of a larger runner's name). Hosted and
    /// fresh per job, an assumption the import states.
    static func isLargerRunner(_ label: String) -> Bool {
        let lowered = label.lowercased()
        if lowered.hasPrefix("github-") && ["ubuntu", "windows", "macos"].contains(where: { lowered.dropFirst("github-".count).hasPrefix($0) }) {
            return true
        }
        guard let (_, _, variant) = imageParts(lowered) else { return false }
        // A part that counts cores: `16core`, `4cores`, or `8-cores`.
        let parts = variant.split(separator: "-")
        return parts.indices.contains { index in
            let count = parts[index].prefix { $0.isNumber }
            guard !count.isEmpty else { return false }
            let unit = parts[index].dropFirst(count.count)
            let next = index + 1 < parts.count ? parts[index + 1] : ""
            return unit == "core" || unit == "cores" || (unit.isEmpty && (next == "core" || next == "cores"))
        }
    }

    static func provider(of label: String) -> String? {
        providers.first { label.lowercased().hasPrefix($0.prefix) }?.provider
    }
}
