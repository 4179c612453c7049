/// The shell commands that write with the job's token, read word by word from a step's script:
/// `gh`'s writes, `git push` and its remotes, and the tools that push or publish with it.
extension OwnTokenUses {
    /// The `gh` commands that write, with the permission each needs: releases (contents), a merge
    /// (contents), pull requests, issues and labels, workflow runs, and `gh api` with a writing
    /// method (the permission its endpoint's path names: `…/actions/runs/1/approve` actions).
    static func ghWrite(_ command: [Substring]) -> (scope: String, what: String)? {
        guard command.count >= 3, command[0] == "gh" else { return nil }
        let (noun, verb) = (command[1], command[2])
        let what = "gh \(noun) \(verb)"
        switch noun {
        case "release" where ["create", "upload", "edit", "delete", "delete-asset"].contains(verb): return ("contents", what)
        case "pr" where verb == "merge": return ("contents", what)
        case "pr" where ["create", "edit", "comment", "review", "close", "reopen", "ready"].contains(verb): return ("pull-requests", what)
        case "issue" where ["create", "edit", "comment", "close", "reopen", "delete", "transfer", "lock", "unlock"].contains(verb): return ("issues", what)
        case "label" where ["create", "edit", "delete", "clone"].contains(verb): return ("issues", what)
        case "workflow" where ["run", "enable", "disable"].contains(verb): return ("actions", what)
        case "run" where ["rerun", "cancel", "delete"].contains(verb): return ("actions", what)
        case "api":
            // The method named, else POST when a field or an input is given (gh's own default).
            var method: Substring?
            for (place, word) in command.enumerated().dropFirst(2) {
                if word.hasPrefix("--method=") { method = word.dropFirst("--method=".count) }
                else if word == "-X" || word == "--method", place + 1 < command.count { method = command[place + 1] }
                else if word.hasPrefix("-X"), word.count > 2 { method = word.dropFirst(2) }
            }
            let fields: Set<Substring> = ["-f", "-F", "--field", "--raw-field", "--input"]
            let verb = method?.uppercased() ?? (command.contains { fields.contains($0) || $0.hasPrefix("--field=") || $0.hasPrefix("--raw-field=") } ? "POST" : "GET")
            guard ["POST", "PUT", "PATCH", "DELETE"].contains(verb) else { return nil }
            return (endpointScope(command), "gh api --method \(verb)")
        default:
            return nil
        }
    }

    /// The permission a `gh api` call's endpoint needs, by its path (the first word after `api`
    /// with a `/` that is not an option): contents unless the path names another.
    static func endpointScope(_ command: [Substring]) -> String {
        // The words after `api` joined (an expression in the path is split at its blanks), then
        // the path's segments; past `repos/OWNER/REPO` (or `repos/${{ github.repository }}`, one
        // segment for both), the first names the resource.
        let text = command.dropFirst(2).joined(separator: " ")
        guard let start = text.range(of: "repos/") else { return "contents" }
        let segments = text[start.upperBound...].split(separator: "/", omittingEmptySubsequences: false)
        let ownerAndName = segments.first.map { $0.contains("$") ? 1 : 2 } ?? 2
        guard segments.count > ownerAndName else { return "contents" }
        let resource = segments[ownerAndName].prefix { $0 != " " && $0 != "?" && $0 != "\"" && $0 != "'" }.lowercased()
        let scopes = ["actions": "actions", "issues": "issues", "labels": "issues", "pulls": "pull-requests", "statuses": "statuses",
                      "check-runs": "checks", "check-suites": "checks", "deployments": "deployments", "pages": "pages",
                      "packages": "packages", "code-scanning": "security-events"]
        return scopes[resource] ?? "contents"
    }

    /// A `git push`: the folder `-C` names and the URL it pushes to, if any (a remote's name is
    /// the clone's own), with the words after it joined (an expression in it is split at its blanks).
    static func gitPush(_ command: [Substring]) -> (folder: String?, url: String?)? {
        guard let (folder, place) = gitSubcommand(command), command[place] == "push" else { return nil }
        guard let url = command[(place + 1)...].firstIndex(where: { $0.contains("://") || $0.hasPrefix("git@") }) else { return (folder, nil) }
        return (folder, command[url...].joined(separator: " "))
    }

    /// `git remote set-url|add NAME URL`: the folder `-C` names and the URL, the words after it joined.
    static func remoteSet(_ command: [Substring]) -> (folder: String?, url: String)? {
        guard let (folder, place) = gitSubcommand(command), command[place] == "remote", place + 3 < command.count,
              command[place + 1] == "set-url" || command[place + 1] == "add" else { return nil }
        guard let url = command[(place + 3)...].firstIndex(where: { $0.contains("://") || $0.hasPrefix("git@") }) else { return nil }
        return (folder, command[url...].joined(separator: " "))
    }

    /// A `git` command's folder (`-C dir`) and the place of its subcommand, past git's own options.
    private static func gitSubcommand(_ command: [Substring]) -> (folder: String?, place: Int)? {
        guard command.first == "git" else { return nil }
        var place = 1, folder: String?
        while place < command.count, command[place].hasPrefix("-") {
            if command[place] == "-C", place + 1 < command.count { folder = String(command[place + 1]) }
            place += ["-C", "-c"].contains(command[place]) ? 2 : 1
        }
        return place < command.count ? (folder, place) : nil
    }

    /// A tool that pushes a branch through the clone's Git configuration: MkDocs' `mike` and
    /// `gh-deploy`, `ghp-import -p` (a container tool's `--push` pushes images, not the branch).
    static func clonePushingTool(_ command: [Substring]) -> String? {
        guard let tool = command.first else { return nil }
        if tool == "mike", command.contains("--push") || command.contains("-p") { return "mike … --push" }
        if tool == "mkdocs", command.dropFirst().first == "gh-deploy" { return "mkdocs gh-deploy" }
        if tool == "ghp-import", command.contains("-p") || command.contains("--push") { return "ghp-import --push" }
        return nil
    }

    /// A tool that publishes a release to GitHub with the token in `GH_TOKEN`/`GITHUB_TOKEN`:
    /// one told to `--publish` (electron-builder, also through a package script: `npm run
    /// dist -- --publish always`), goreleaser and promu releasing, semantic-release.
    static func publishingTool(_ command: [Substring]) -> String? {
        let words = command.map(String.init)
        let tool = words.first.map { String($0.split(separator: "/").last ?? "") } ?? ""
        let runner = ["npx", "yarn", "pnpm", "bunx"].contains(tool) && words.count > 1 ? words[1] : tool
        if let flag = words.firstIndex(where: { $0 == "--publish" || $0.hasPrefix("--publish=") }),
           !(words[flag] == "--publish=never" || flag + 1 < words.count && words[flag + 1] == "never") {
            return words.prefix(3).joined(separator: " ") + " … --publish"
        }
        switch runner {
        case "goreleaser" where words.contains("release") && !words.contains("--snapshot"): return "goreleaser release"
        case "promu" where words.contains("release"): return "promu release"
        case "semantic-release": return "semantic-release"
        default: return nil
        }
    }
}
