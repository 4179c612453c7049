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
            // The script's assignments are read in order, each expanded with what was set before it.
            var variables = GitLabJobVariables(global: config.top["variables"]?.node, job: job["variables"]?.node,
                                               inherit: job["inherit"]?.node.value("variables"))
            var images: [String] = []
            // A job that also signs in to another registry may push there: whose images are whose is unknown.
            var otherLogin = false
            for script in scripts {
                _ = ShellCommands.contains(in: script) { words in
                    var command = words[...]
                    if command.first == "export" { command = command.dropFirst() }
                    if command.count == 1, let equals = command.first!.firstIndex(of: "="), equals > command.first!.startIndex {
                        let word = command.first!
                        variables = variables.adding([String(word[..<equals]): variables.expand(Self.unquoted(word[word.index(after: equals)...]))])
                    }
                    if let host = Self.loginHost(words), !["$CI_REGISTRY", "${CI_REGISTRY}", "\"$CI_REGISTRY\"", "\"${CI_REGISTRY}\""].contains(host) {
                        otherLogin = true
                    }
                    images += Self.pushTargets(words).map { Self.unquoted(Substring(variables.expand($0))) }
                    return false
                }
            }
            guard !otherLogin else { continue }
            for var image in images {
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

    /// The registry a `login` command signs in to (its last operand), nil for another command.
    static func loginHost(_ words: [Substring]) -> String? {
        guard let login = words.firstIndex(of: "login"), login > 0, ["docker", "podman", "buildah", "skopeo", "crane"].contains(words[login - 1]) else { return nil }
        return operands(words[(login + 1)...], skippingValuesOf: ["-u", "-p", "--username", "--password", "--authfile"]).last.map(String.init) ?? ""
    }

    /// The images a command pushes: `docker push` (also `docker image push`), `podman push` and
    /// `buildah push` (its destination when it names one), kaniko's `--destination`.
    static func pushTargets(_ words: [Substring]) -> [String] {
        var targets: [String] = []
        for (place, word) in words.enumerated() {
            if word == "--destination", place + 1 < words.count { targets.append(String(words[place + 1])) }
            if word.hasPrefix("--destination=") { targets.append(String(word.dropFirst("--destination=".count))) }
            guard word == "push", place > 0 else { continue }
            let tool = words[place - 1] == "image" && place > 1 ? words[place - 2] : words[place - 1]
            guard ["docker", "podman", "buildah"].contains(tool) else { continue }
            let images = operands(words[(place + 1)...], skippingValuesOf: optionsWithValue)
            if let image = tool == "buildah" ? images.last : images.first { targets.append(String(image)) }
        }
        return targets
    }

    /// A command's operands: its words past the options, and past the value of each option in
    /// `options` written apart from it (`-u USER`; `--user=USER` is one word).
    static func operands(_ words: ArraySlice<Substring>, skippingValuesOf options: Set<Substring>) -> [Substring] {
        var operands: [Substring] = [], skipNext = false
        for word in words {
            if skipNext {
                skipNext = false
            } else if word.hasPrefix("-") {
                skipNext = !word.contains("=") && options.contains(word)
            } else {
                operands.append(word)
            }
        }
        return operands
    }

    /// Push options that take the next word as their value.
    private static let optionsWithValue: Set<Substring> = ["--platform", "--creds", "--authfile", "--cert-dir", "--format", "-f",
                                                           "--digestfile", "--sign-by", "--retry", "--retry-delay", "--compression-format"]

    /// A shell word without the quotes around it.
    static func unquoted(_ word: Substring) -> String {
        String(word.count >= 2 && (word.first == "\"" || word.first == "'") && word.last == word.first ? word.dropFirst().dropLast() : word)
    }
}
