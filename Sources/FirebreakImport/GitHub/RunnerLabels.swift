/// What a `runs-on:` label says about the machine.
///
/// Sources: GitHub Docs, "GitHub-hosted runners" (the `ubuntu-*`, `windows-*`, `macos-*`
/// images, each job on a fresh virtual machine); the documentation of third-party hosted-runner
/// providers, whose runners are also created per job and discarded after it.
enum RunnerLabels {
    /// Label prefixes of third-party providers that start a fresh machine for each job, with
    /// the provider's name.
    static let providers: [(prefix: String, provider: String)] = [
        ("depot-", "depot"), ("blacksmith-", "blacksmith"), ("namespace-profile-", "namespace"), ("nscloud-", "namespace"),
        ("buildjet-", "buildjet"), ("warp-", "warpbuild"), ("ubicloud-", "ubicloud"), ("runs-on=", "runs-on"), ("runs-on/", "runs-on"),
        ("cirrus-", "cirrus"), ("codspeed-", "codspeed"),
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
    /// `macos-15-xlarge`) or `latest`; a label that goes on otherwise (`macos-m1-stable`,
    /// `ubuntu-gpu`) is a name an organisation gave its own machines.
    static func isGitHubHosted(_ label: String) -> Bool {
        let lowered = label.lowercased()
        if isLargerRunner(lowered) || namedImages.contains(lowered) { return true }
        guard let system = ["ubuntu-", "windows-", "macos-"].first(where: { lowered.hasPrefix($0) }) else { return false }
        let version = lowered.dropFirst(system.count).prefix { $0 != "-" }
        return version == "latest" || (!version.isEmpty && version.allSatisfy { $0.isNumber || $0 == "." })
    }

    /// A GitHub-hosted larger runner, by the naming organisations give them (`github-ubuntu-24.04-arm-4`):
    /// hosted and fresh per job, an assumption the import states.
    static func isLargerRunner(_ label: String) -> Bool {
        let lowered = label.lowercased()
        return lowered.hasPrefix("github-") && ["ubuntu", "windows", "macos"].contains { lowered.dropFirst("github-".count).hasPrefix($0) }
    }

    static func provider(of label: String) -> String? {
        providers.first { label.lowercased().hasPrefix($0.prefix) }?.provider
    }
}
