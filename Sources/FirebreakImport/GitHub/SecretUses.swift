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

    /// The secret node that stands for all of a repository's secrets when their names are unknown.
    static let everySecretName = "(every-repository-secret)"

    mutating func merge(_ other: SecretUses) {
        for (name, location) in other.names where names[name] == nil { names[name] = location }
        if everySecret == nil { everySecret = other.everySecret }
    }

    /// Adds what `expression` reads; `matrix` gives the literal values of each matrix key.
    mutating func collect(_ expression: ActionsExpression, at location: SourceLocation, matrix: [String: [String]]) {
        walk(expression, at: location, matrix: matrix)
    }

    private mutating func walk(_ node: ActionsExpression, at location: SourceLocation, matrix: [String: [String]]) {
        switch node {
        case .property(.context("secrets"), let name):
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
    private mutating func add(_ name: String, at location: SourceLocation) {
        let name = name.uppercased()
        // GitHub's own job token is not a stored secret.
        guard name != "GITHUB_TOKEN", names[name] == nil else { return }
        names[name] = location
    }
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
                for field in item.entries { result["\(entry.key.lowercased()).\(field.key.lowercased())", default: []] += field.value.texts }
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
