import FirebreakModel

/// GitHub's long-lived tokens, as the model builder declares them.
extension ModelBuilder {
    /// A long-lived GitHub token a secret holds, found where a step takes it as its token: it
    /// writes the repository (it may do more; what, only its owner knows). A step that suggests
    /// a read-only token does not make it one: the OpenSSF Scorecard action's "read-only" token
    /// may be a classic token with `public_repo`, which writes every public repository its owner can.
    /// `optional`: every read of the secret falls back to the job's own GITHUB_TOKEN (`secrets.X ||
    /// secrets.GITHUB_TOKEN`), so the workflow runs without it; it is still taken to be set, and the
    /// assumption says it may not be. `elsewhere`: the other repositories the steps name for it,
    /// when no step uses it for this one: it still may write this one (a classic token writes
    /// every repository its owner can; a fine-grained one, those it was given), which is taken.
    mutating func addGitHubToken(for secret: String, at location: SourceLocation, appKey: Bool = false, optional: Bool = false,
                                 elsewhere: [String] = []) -> Reference {
        let name = "github-token:\(secret)"
        guard model.identities[name] == nil else { return Reference(name, at: location) }
        model.identities[name] = Identity(name: name, kind: .personalToken, lifetime: .static, owner: nil,
                                          grants: [Grant(target: model.repository.id, level: .write, location: location)],
                                          trust: nil, criticality: nil, location: location)
        let statement: String
        if appKey {
            statement = "secret '\(secret)' is a GitHub App's private key, which mints the app's tokens whenever its holder likes: a credential that never expires and writes this repository (and perhaps more)"
        } else {
            let others = elsewhere.prefix(3).map { "'\($0)'" }.joined(separator: ", ") + (elsewhere.count > 3 ? " and \(elsewhere.count - 3) more" : "")
            statement = (elsewhere.isEmpty
                ? "secret '\(secret)' is handed to a step as its GitHub token, so it holds a long-lived personal or app token that writes this repository (and perhaps more)"
                : "secret '\(secret)' is handed to steps as their GitHub token for \(others) only; it is taken to write this repository too (a classic personal token writes every repository its owner can, a fine-grained one those it was given)")
                + (optional ? "; it may not be set at all: every read of it falls back to the job's own GITHUB_TOKEN" : "")
        }
        assume(NodeID(.identity, name), statement,
               settle: "declare it under `identities:` in \(InputLoader.contextFileName) with its real `grants:`, and let the secret `carries:` it", at: location)
        return Reference(name, at: location)
    }
}
