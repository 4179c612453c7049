/// The actions that write with a GitHub token, and what a github-script script writes with the
/// client it is handed: the steps without a shell script that use the job's token.
extension OwnTokenUses {
    /// The writes a github-script script makes with its client, each permission once with the
    /// first call that needs it: an Octokit call whose namespace and verb write (`issues.createComment`
    /// issues, `pulls.merge` contents, `repos.createRelease` contents, `checks.create` checks), or
    /// the client handed to the repository's own code (`require('./scripts/release')`), taken to
    /// write contents.
    static func scriptWrites(in script: String) -> [(scope: String, what: String)] {
        var found: [(scope: String, what: String)] = []
        func add(_ scope: String, _ what: String) { if !found.contains(where: { $0.scope == scope }) { found.append((scope, what)) } }
        let writing = ["create", "update", "delete", "remove", "add", "set", "lock", "unlock", "merge", "upload", "generate", "rerun",
                       "reRun", "cancel", "approve", "enable", "disable", "request", "dismiss", "submit"]
        for namespace in octokitNamespaces {
            var rest = Substring(script)
            while let found = rest.range(of: namespace + ".") {
                let method = rest[found.upperBound...].prefix { $0.isLetter }
                rest = rest[found.upperBound...]
                guard writing.contains(where: { method.hasPrefix($0) }) else { continue }
                // A merge of a pull request or a branch writes the repository's contents.
                add(method.hasPrefix("merge") ? "contents" : octokitScope(namespace, String(method)), "\(namespace).\(method)")
            }
        }
        let ownModule = ["require('./", "require(\"./", "require(`./", "require(`${process.env.GITHUB_WORKSPACE}"].contains { TextSearch.contains(script, $0) }
        if ownModule, TextSearch.contains(script, "github") { add("contents", "its client handed to the repository's own script") }
        return found
    }

    /// Octokit's namespaces whose writes need a permission of the job's token.
    static let octokitNamespaces = ["issues", "pulls", "checks", "actions", "git", "reactions", "repos"]

    /// The permission a write in an Octokit namespace needs, by the method where one namespace
    /// spans several (`repos.createCommitStatus` statuses, `repos.createDeployment` deployments).
    static func octokitScope(_ namespace: String, _ method: String) -> String {
        switch namespace {
        case "issues", "reactions": "issues"
        case "pulls": "pull-requests"
        case "checks": "checks"
        case "actions": "actions"
        case "repos" where method.contains("CommitStatus"): "statuses"
        case "repos" where method.contains("Deployment"): "deployments"
        case "repos" where method.contains("Pages"): "pages"
        default: "contents"
        }
    }

    /// An action that writes with a GitHub token: the input it takes the token in (nil: the
    /// environment's `GITHUB_TOKEN`, or the clone's credential), whether it falls back to the
    /// job's own when none is given (the action's documented default), and what it writes.
    struct Writer {
        var action: String
        var input: String?
        var defaultsToOwnToken: Bool
        var scopes: [String]
        /// Whether it pushes through the clone's Git configuration (what checkout kept).
        var usesClone = false
        /// Actions of a family (`action` ending in `-`) that are not of it: they write nothing.
        var excluding: [String] = []

        /// The action itself, or one of a family named by a prefix ending in `-`.
        func matches(_ uses: String) -> Bool {
            uses == action || action.hasSuffix("-") && uses.hasPrefix(action) && !excluding.contains(uses)
        }
    }

    static let writers: [Writer] = [
        Writer(action: "softprops/action-gh-release", input: "token", defaultsToOwnToken: true, scopes: ["contents"]),
        Writer(action: "mikepenz/action-gh-release", input: "token", defaultsToOwnToken: true, scopes: ["contents"]),
        Writer(action: "ncipollo/release-action", input: "token", defaultsToOwnToken: true, scopes: ["contents"]),
        Writer(action: "svenstaro/upload-release-action", input: "repo_token", defaultsToOwnToken: true, scopes: ["contents"]),
        Writer(action: "googleapis/release-please-action", input: "token", defaultsToOwnToken: true, scopes: ["contents", "pull-requests"]),
        Writer(action: "peter-evans/create-pull-request", input: "token", defaultsToOwnToken: true, scopes: ["contents", "pull-requests"]),
        Writer(action: "peter-evans/create-or-update-comment", input: "token", defaultsToOwnToken: true, scopes: ["issues", "pull-requests"]),
        Writer(action: "marocchino/sticky-pull-request-comment", input: "GITHUB_TOKEN", defaultsToOwnToken: true, scopes: ["pull-requests"]),
        Writer(action: "thollander/actions-comment-pull-request", input: "github-token", defaultsToOwnToken: true, scopes: ["pull-requests"]),
        Writer(action: "ad-m/github-push-action", input: "github_token", defaultsToOwnToken: true, scopes: ["contents"]),
        Writer(action: "jamesives/github-pages-deploy-action", input: "token", defaultsToOwnToken: true, scopes: ["contents"]),
        Writer(action: "peaceiris/actions-gh-pages", input: "github_token", defaultsToOwnToken: false, scopes: ["contents"]),
        Writer(action: "step-security/publish-action", input: "github-token", defaultsToOwnToken: true, scopes: ["contents"]),
        Writer(action: "actions/publish-immutable-action", input: "github-token", defaultsToOwnToken: true, scopes: ["packages"]),
        Writer(action: "actions/stale", input: "repo-token", defaultsToOwnToken: true, scopes: ["issues", "pull-requests"]),
        Writer(action: "actions/labeler", input: "repo-token", defaultsToOwnToken: true, scopes: ["pull-requests"]),
        Writer(action: "actions/first-interaction", input: "repo-token", defaultsToOwnToken: false, scopes: ["issues", "pull-requests"]),
        // The suggester reviews pull requests; the other reporters may also post checks.
        Writer(action: "reviewdog/action-suggester", input: "github_token", defaultsToOwnToken: true, scopes: ["pull-requests"]),
        // Every reporter of reviewdog's, not its installer.
        Writer(action: "reviewdog/action-", input: "github_token", defaultsToOwnToken: true, scopes: ["pull-requests", "checks"],
               excluding: ["reviewdog/action-setup"]),
        Writer(action: "github/codeql-action/upload-sarif", input: "token", defaultsToOwnToken: true, scopes: ["security-events"]),
        Writer(action: "github/codeql-action/analyze", input: "token", defaultsToOwnToken: true, scopes: ["security-events"]),
        Writer(action: "actions/attest-build-provenance", input: "github-token", defaultsToOwnToken: true, scopes: ["attestations"]),
        Writer(action: "actions/attest", input: "github-token", defaultsToOwnToken: true, scopes: ["attestations"]),
        Writer(action: "actions/deploy-pages", input: "token", defaultsToOwnToken: true, scopes: ["pages"]),
        Writer(action: "ko-build/setup-ko", input: nil, defaultsToOwnToken: true, scopes: ["packages"]),
        Writer(action: "actions/create-release", input: nil, defaultsToOwnToken: false, scopes: ["contents"]),
        Writer(action: "actions/upload-release-asset", input: nil, defaultsToOwnToken: false, scopes: ["contents"]),
        Writer(action: "goreleaser/goreleaser-action", input: nil, defaultsToOwnToken: false, scopes: ["contents"]),
        Writer(action: "changesets/action", input: nil, defaultsToOwnToken: false, scopes: ["contents", "pull-requests"]),
        Writer(action: "release-drafter/release-drafter", input: nil, defaultsToOwnToken: false, scopes: ["contents", "pull-requests"]),
        Writer(action: "stefanzweifel/git-auto-commit-action", input: nil, defaultsToOwnToken: false, scopes: ["contents"], usesClone: true),
        Writer(action: "endbug/add-and-commit", input: nil, defaultsToOwnToken: false, scopes: ["contents"], usesClone: true),
    ]
}
