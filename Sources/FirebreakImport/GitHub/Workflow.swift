import FirebreakModel
import Yams

/// A GitHub Actions workflow as Firebreak reads it: the parts that decide who can run what
/// with which privileges, each with its node for locations.
struct Workflow {
    /// One event of the workflow's `on:`.
    struct Event {
        var name: String
        var branches: [String]
        var tagsOnly: Bool
        /// Whether the event filters on tags (`tags:` or `tags-ignore:`): a run for a pushed tag.
        var tags = false
        /// The `tags:` patterns (empty: any tag, or only `tags-ignore:` given).
        var tagPatterns: [String] = []
        /// A `push` with no branch or tag filter, which GitHub runs for every tag as well as
        /// every branch.
        var unfiltered = false
        /// `types:`: the activity types that start it (empty: the event's defaults).
        var types: [String]
        var location: SourceLocation
    }

    /// A `permissions:` block: `read-all`, `write-all`, `{}` or scopes.
    struct Permissions {
        var all: String?
        var scopes: [String: String]
        var location: SourceLocation
        /// Where each scope is written (`id-token: write`), for the evidence of what it grants.
        var scopeLocations: [String: SourceLocation] = [:]

        /// Where `scope` is written, else where the permissions are (`write-all`).
        func location(of scope: String) -> SourceLocation { scopeLocations[scope] ?? location }

        func level(_ scope: String) -> String? {
            if let all { return all == "write-all" ? "write" : all == "read-all" ? "read" : nil }
            return scopes[scope]
        }

        /// The token scopes GitHub knows: the GITHUB_TOKEN's permissions and the OIDC token's `id-token`.
        static let knownScopes = (TokenUse.scopes.union(["id-token"])).sorted()

        /// These permissions inside a reusable workflow called with `caller`'s: GitHub lets a
        /// called workflow's token be "the same or more restrictive" than the caller's, so each
        /// scope gets the lower of the two levels.
        func capped(by caller: Permissions?) -> Permissions {
            guard let caller else { return self }
            let rank = ["read": 1, "write": 2]
            var capped: [String: String] = [:]
            for scope in Self.knownScopes {
                let own = level(scope).flatMap { rank[$0] } ?? 0, theirs = caller.level(scope).flatMap { rank[$0] } ?? 0
                switch min(own, theirs) {
                case 2: capped[scope] = "write"
                case 1: capped[scope] = "read"
                default: break
                }
            }
            return Permissions(all: nil, scopes: capped, location: location, scopeLocations: scopeLocations)
        }
    }

    struct Step {
        var uses: String?
        var run: String?
        var with: [String: (text: String, node: Yams.Node)]
        var condition: String?
        /// `env:` of the step: name -> value text.
        var env: [String: String]
        var continueOnError: Bool
        var node: Yams.Node
        var location: SourceLocation
    }

    struct Job {
        var id: String
        var name: String?
        var node: Yams.Node
        var location: SourceLocation
        var runsOn: Yams.Node?
        var environment: (name: String, location: SourceLocation)?
        var permissions: Permissions?
        var needs: [String]
        var condition: String?
        /// Where the job's `if:` is written.
        var conditionLocation: SourceLocation?
        /// `env:` of the job: name -> value text.
        var env: [String: String]
        var steps: [Step]
        /// A reusable workflow the job calls.
        var uses: (text: String, location: SourceLocation)?
        var secretsInherit: Bool
        /// `secrets:` passed to a reusable workflow: callee name -> the caller's text.
        var passedSecrets: [String: String]
        var images: [(text: String, location: SourceLocation)]
    }

    var path: String
    var file: String
    var root: Yams.Node
    var location: SourceLocation
    var events: [Event]
    var permissions: Permissions?
    /// `env:` of the workflow: name -> value text.
    var env: [String: String]
    var jobs: [Job]

    /// The prefix of its jobs' and triggers' names, when the importer chose one
    /// (`GitHubImport.namePrefixes(of:)`): the file's whole name where its stem would be another
    /// file's name too.
    var chosenPrefix: String?

    /// The prefix of its jobs' and triggers' names: the file name without its extension, unless
    /// the importer chose another.
    var namePrefix: String { chosenPrefix ?? Self.stem(of: path) }

    /// A workflow file's name, without its folder.
    static func fileName(of path: String) -> String { path.split(separator: "/").last.map(String.init) ?? path }

    /// A workflow file's name without its extension.
    static func stem(of path: String) -> String {
        let name = fileName(of: path)
        for suffix in [".yaml", ".yml"] where name.hasSuffix(suffix) { return String(name.dropLast(suffix.count)) }
        return name
    }

    /// Whether the workflow can only be called by others.
    var isCallOnly: Bool { !events.isEmpty && events.allSatisfy { $0.name == "workflow_call" } }
}
