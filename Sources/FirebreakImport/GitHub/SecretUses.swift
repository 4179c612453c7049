import FirebreakModel
import Yams

/// The secrets an expression reads, from its syntax tree: `secrets.X`, `secrets['X']`,
/// `secrets[matrix.k]` over a literal matrix, and the whole context (`toJSON(secrets)`, a
/// computed index) as every secret.
struct SecretUses: Hashable, Sendable {
    /// Names read, each with where it was first read.
    var names: [String: SourceLocation] = [:]
    /// Where the whole `secrets` context (every secret) is read, if it is.
    var everySecret: SourceLocation?
    /// Names read as `secrets.X || secrets.GITHUB_TOKEN` (or `|| github.token`): a token the
    /// workflow does without when it is not set. `readAlone`: names read some other way.
    var readWithFallback: Set<String> = []
    var readAlone: Set<String> = []

    /// The secret node that stands for all of a repository's secrets when their names are unknown.
    static let everySecretName = Secret.everyRepositorySecret

    mutating func merge(_ other: SecretUses) {
        for (name, location) in other.names where names[name] == nil { names[name] = location }
        if everySecret == nil { everySecret = other.everySecret }
        readWithFallback.formUnion(other.readWithFallback)
        readAlone.formUnion(other.readAlone)
    }

    /// Adds what `expression` reads; `matrix` gives the literal values of each matrix key.
    mutating func collect(_ expression: ActionsExpression, at location: SourceLocation, matrix: [String: [String]]) {
        walk(expression, at: location, matrix: matrix)
    }

    private mutating func walk(_ node: ActionsExpression, at location: SourceLocation, matrix: [String: [String]]) {
        switch node {
        case .binary(.or, .property(.context("secrets"), let name), let fallback) where Self.isJobToken(fallback):
            add(name, at: location, withFallback: true)
        case .property(.context("secrets"), let name), .index(.context("secrets"), .literal(.string(let name))):
            add(name, at: location)
        case .index(.context("secrets"), let index):
            if case .literal(.string(let name)) = index {
                add(name, at: location)
            } else if let path = index.contextPath, path.count == 2, path[0] == "matrix", let values = matrix[path[1]], !values.isEmpty {
                for value in values { add(value, at: location) }
            } else {
                everySecret = everySecret ?? location
            }
            walk(index, at: location, matrix: matrix)
        case .context("secrets"):
            everySecret = everySecret ?? location
        case .literal, .context: break
        case .property(let base, _), .filter(let base), .not(let base): walk(base, at: location, matrix: matrix)
        case .index(let base, let index):
            walk(base, at: location, matrix: matrix)
            walk(index, at: location, matrix: matrix)
        case .call(_, let arguments): for argument in arguments { walk(argument, at: location, matrix: matrix) }
        case .binary(_, let lhs, let rhs):
            walk(lhs, at: location, matrix: matrix)
            walk(rhs, at: location, matrix: matrix)
        }
    }

    /// Files a secret by its name in capitals: GitHub's secret names are not case-sensitive
    /// (`secrets.docker_hub_password` is `DOCKER_HUB_PASSWORD`), and GitHub keeps them in capitals.
    private mutating func add(_ name: String, at location: SourceLocation, withFallback: Bool = false) {
        let name = name.uppercased()
        // GitHub's own job token is not a stored secret.
        guard name != "GITHUB_TOKEN" else { return }
        if withFallback { readWithFallback.insert(name) } else { readAlone.insert(name) }
        if names[name] == nil { names[name] = location }
    }

    /// `secrets.GITHUB_TOKEN` or `github.token`: the job's own token. `passed`: secrets (in
    /// capitals) that a calling workflow filled with its job's token.
    static func isJobToken(_ expression: ActionsExpression, passed: Set<String> = []) -> Bool {
        switch expression {
        case .property(.context("secrets"), let name), .index(.context("secrets"), .literal(.string(let name))):
            let name = name.uppercased()
            return name == "GITHUB_TOKEN" || passed.contains(name)
        case .property(.context("github"), let name): return name.lowercased() == "token"
        default: return false
        }
    }

    /// Whether every read of the secret falls back to the job's own token.
    func alwaysFallsBack(_ name: String) -> Bool { readWithFallback.contains(name) && !readAlone.contains(name) }
}

extension Yams.Node {
    /// The literal values of a job's `strategy.matrix`, key by key (include entries too); a key
    /// whose values are mappings files each of their keys under `key.sub` (`config.runner`).
    var matrixValues: [String: [String]] {
        guard let matrix = value("strategy")?.value("matrix") else { return [:] }
        var result: [String: [String]] = [:]
        for entry in matrix.entries where entry.key != "include" && entry.key != "exclude" {
            result[entry.key.lowercased(), default: []] += entry.value.texts
            for item in entry.value.items where item.isMapping {
                for field in item.entries {
                    let key = "\(entry.key.lowercased()).\(field.key.lowercased())"
                    result[key, default: []] += field.value.texts
                    // A mapping value (`runner: {group: gpu}`) by its fields too.
                    for inner in field.value.entries { result["\(key).\(inner.key.lowercased())", default: []] += inner.value.texts }
                }
            }
        }
        for include in matrix.value("include")?.items ?? [] {
            for entry in include.entries {
                result[entry.key.lowercased(), default: []] += entry.value.texts
                for field in entry.value.entries { result["\(entry.key.lowercased()).\(field.key.lowercased())", default: []] += field.value.texts }
            }
        }
        // A matrix computed from an expression has no literal values.
        return result.filter { !$0.value.contains { $0.contains("${{") } }
    }
}
