import FirebreakModel

extension GitLabBuilder {
    /// The image repositories in the project's own registry that the pipeline's jobs push with
    /// the job's registry credentials (`CI_REGISTRY_PASSWORD`, `CI_JOB_TOKEN`), which push only
    /// to the project's own registry (GitLab Docs, "Authenticate with the container registry"):
    /// their paths (`gnome/app/ci`) are the project's, however the pipeline spells the image
    /// (`IMG="$CI_IMAGE:$TAG"; buildah push $IMG`, with `CI_IMAGE` a variable of the file).
    mutating func pushedImagePaths(_ jobs: [SourcedMapping]) -> Set<String> {
        var paths = Set<String>()
        for job in jobs {
            let scripts = ["before_script", "script", "after_script"].flatMap { lines(job[$0]) }.map(\.text)
            guard scripts.contains(where: { $0.contains("CI_REGISTRY_PASSWORD") || ($0.contains("CI_JOB_TOKEN") && $0.contains("login")) }) else { continue }
            var assigned: [String: String] = [:]
            var targets: [String] = []
            for script in scripts {
                _ = ShellCommands.contains(in: script) { words in
                    if words.count == 1, let equals = words[0].firstIndex(of: "="), equals > words[0].startIndex {
                        assigned[String(words[0][..<equals])] = Self.unquoted(words[0][words[0].index(after: equals)...])
                    }
                    targets += Self.pushTargets(words)
                    return false
                }
            }
            let variables = GitLabJobVariables(global: config.top["variables"]?.node, job: job["variables"]?.node,
                                               inherit: job["inherit"]?.node.value("variables")).adding(assigned)
            for target in targets {
                var image = Self.unquoted(Substring(variables.expand(target)))
                if image.hasPrefix("docker://") { image.removeFirst("docker://".count) }
                guard let slash = image.firstIndex(of: "/"), image[..<slash].hasPrefix("registry.") else { continue }
                var path = image[image.index(after: slash)...].split(separator: "@").first.map(String.init) ?? ""
                // The repository, without its tag (`ci:$TAG`).
                if let colon = path.lastIndex(of: ":"), !path[colon...].contains("/") { path = String(path[..<colon]) }
                if !path.isEmpty, !path.contains("$") { paths.insert(path) }
            }
        }
        return paths
    }

    /// The images a command pushes: `docker push`, `podman push` and `buildah push` (its
    /// destination when it names one), kaniko's `--destination`.
    static func pushTargets(_ words: [Substring]) -> [String] {
        var targets: [String] = []
        for (place, word) in words.enumerated() {
            if word == "--destination", place + 1 < words.count { targets.append(String(words[place + 1])) }
            if word.hasPrefix("--destination=") { targets.append(String(word.dropFirst("--destination=".count))) }
            if word == "push", place > 0, ["docker", "podman", "buildah"].contains(words[place - 1]) {
                let operands = words[(place + 1)...].filter { !$0.hasPrefix("-") }
                if let last = words[place - 1] == "buildah" ? operands.last : operands.first { targets.append(String(last)) }
            }
        }
        return targets
    }

    /// A shell word without the quotes around it.
    static func unquoted(_ word: Substring) -> String {
        String(word.count >= 2 && (word.first == "\"" || word.first == "'") && word.last == word.first ? word.dropFirst().dropLast() : word)
    }
}
