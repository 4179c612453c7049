import FirebreakModel

/// The container images a workflow's jobs push, and the jobs that run them: an image the
/// pipeline pushes under a tag and another job runs by that tag (`container:`, `services:`,
/// `docker://`) is code whoever writes it runs in that job, whoever pushed it (GitHub Docs,
/// "Running jobs in a container": the runner pulls the image named, by tag, when the job starts).
enum PushedImages {
    /// The images `docker/build-push-action` pushes (`push: true`): each line or comma-separated
    /// item of its `tags:`, with the environment's values put in; a `${{ }}` left is any text.
    static func tags(_ text: String, env: [String: String]) -> [String] {
        text.split(whereSeparator: { $0 == "\n" || $0 == "," }).map { item in
            var tag = item.trimmingCharacters(in: .whitespaces)
            for (name, value) in env where !value.contains("${{") {
                for written in ["${{ env.\(name) }}", "${{env.\(name)}}"] { tag = tag.replacingOccurrences(of: written, with: value) }
            }
            return tag
        }.filter { !$0.isEmpty }
    }

    /// The images a script pushes: the name after `docker push` or `docker image push` (flags skipped).
    static func pushed(in script: String) -> [String] {
        var images: [String] = []
        _ = ShellCommands.contains(in: script) { words in
            let push = words.starts(with: ["docker", "push"]) ? 2 : words.starts(with: ["docker", "image", "push"]) ? 3 : nil
            if let push, let image = words.dropFirst(push).first(where: { !$0.hasPrefix("-") }) { images.append(String(image)) }
            return false
        }
        return images
    }

    /// An image's repository, the part a tag or digest follows, with Docker Hub's default host
    /// and `library/` namespace left out, so that `docker.io/acme/app:1` and `acme/app` are one.
    static func repository(_ image: String) -> String {
        var name = ImageReference(image).name
        if let at = name.range(of: "@") { name = String(name[..<at.lowerBound]) }
        if let slash = name.lastIndex(of: "/"), let colon = name[slash...].lastIndex(of: ":") { name = String(name[..<colon]) }
        else if !name.contains("/"), let colon = name.lastIndex(of: ":") { name = String(name[..<colon]) }
        for host in ["docker.io/", "index.docker.io/", "registry-1.docker.io/"] where name.lowercased().hasPrefix(host) {
            name = String(name.dropFirst(host.count))
        }
        if name.hasPrefix("library/") { name = String(name.dropFirst("library/".count)) }
        return name.lowercased()
    }

    /// Whether a job's image is one a pushed name may stand for: their repositories fit, a
    /// `${{ }}` or shell variable in the pushed name fitting any text. A pushed name that starts
    /// with one (a registry or owner the file does not say) fits nothing: it could be any image.
    static func fits(pushed: String, image: String) -> Bool {
        let pattern = shellVariablesAsExpressions(repository(pushed))
        guard let first = pattern.first, first != "$" else { return false }
        let target = repository(image)
        guard !target.contains("${{") else { return false }
        return ArtifactNamePattern.overlaps(pattern, target)
    }

    /// `$NAME` and `${NAME}` written as `${{ }}`, which a name pattern takes for any text.
    private static func shellVariablesAsExpressions(_ text: String) -> String {
        var result = ""
        var rest = Substring(text)
        while let first = rest.first {
            rest = rest.dropFirst()
            guard first == "$", let next = rest.first, next != "{" || !rest.hasPrefix("{{") else {
                result.append(first)
                continue
            }
            if next == "{", let close = rest.firstIndex(of: "}") {
                rest = rest[rest.index(after: close)...]
            } else {
                rest = rest.drop { $0.isLetter || $0.isNumber || $0 == "_" }
            }
            result += "${{ }}"
        }
        return result
    }
}
