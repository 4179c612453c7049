import FirebreakModel

/// GitLab's long-lived access tokens, as the model builder declares them.
extension ModelBuilder {
    /// A project, group or personal access token a CI/CD variable holds, found in the address a
    /// script pushes the project to (`GitLabPushTokens`): it writes the repository (it may do
    /// more; what, only its owner knows).
    mutating func addGitLabPushToken(for variable: String, at location: SourceLocation) -> Reference {
        let name = "gitlab-token:\(variable)"
        guard model.identities[name] == nil else { return Reference(name, at: location) }
        model.identities[name] = Identity(name: name, kind: .personalToken, lifetime: .static, owner: nil,
                                          grants: [Grant(target: model.repository.id, level: .write, location: location)],
                                          trust: nil, criticality: nil, location: location)
        assume(NodeID(.identity, name),
               "CI/CD variable '\(variable)' is put into the address a script pushes this project to, so it holds a long-lived access token that writes this repository (and perhaps more)",
               settle: "declare it under `identities:` in \(InputLoader.contextFileName) with its real `grants:`, and let the secret `carries:` it", at: location)
        return Reference(name, at: location)
    }
}
