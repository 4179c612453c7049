import FirebreakModel
import Foundation

/// The CI/CD variables a script puts into the address it pushes the project itself to
/// (`git remote add push https://oauth2:${TOKEN}@${CI_SERVER_HOST}/${CI_PROJECT_PATH}.git`, then
/// `git push push …`; or `git push https://bot:$TOKEN@gitlab.com/group/project.git`): a project,
/// group or personal access token with write access to the repository, since a push with it
/// works. GitLab's predefined variables (`CI_JOB_TOKEN`, `CI_*`) are not such variables.
enum GitLabPushTokens {
    /// The variables, each once, in the order met; `project` is the project's path
    /// (`group/project`), when known.
    static func variables(in script: String, project: String) -> [String] {
        guard TextSearch.contains(script, "@"), TextSearch.contains(script, "git push") || TextSearch.contains(script, "git -C") else { return [] }
        var urls: [String] = []
        var pushes = false
        _ = ShellCommands.contains(in: script) { words in
            let command = Array(ShellCommands.commandWords(words))
            if let remote = OwnTokenUses.remoteSet(command) {
                urls.append(remote.url)
            } else if let push = OwnTokenUses.gitPush(command) {
                pushes = true
                if let url = push.url { urls.append(url) }
            }
            return false
        }
        guard pushes else { return [] }
        var found: [String] = []
        for url in urls where namesProject(url, project: project) {
            for name in credentialVariables(in: url) where !found.contains(name) { found.append(name) }
        }
        return found
    }

    /// Whether an address names the project itself: by GitLab's variable for its path, or by
    /// its path written out.
    static func namesProject(_ url: String, project: String) -> Bool {
        url.contains("CI_PROJECT_PATH") || project.contains("/") && url.lowercased().contains(project.lowercased())
    }

    /// The variables in an address's credentials (between `://` and `@`), GitLab's own left out.
    static func credentialVariables(in url: String) -> [String] {
        guard let scheme = url.range(of: "://"), let at = url[scheme.upperBound...].firstIndex(of: "@") else { return [] }
        let credentials = url[scheme.upperBound..<at]
        var names: [String] = []
        var rest = credentials[...]
        while let dollar = rest.firstIndex(of: "$") {
            var name = rest[rest.index(after: dollar)...]
            if name.first == "{" { name = name.dropFirst() }
            let word = name.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
            if !word.isEmpty, !word.hasPrefix("CI_"), !names.contains(String(word)) { names.append(String(word)) }
            rest = name[word.endIndex...]
        }
        return names
    }
}
