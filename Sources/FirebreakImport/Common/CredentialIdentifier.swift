import FirebreakModel

/// A secret that names a credential rather than being one, handed to a tool beside the secret
/// that is: an access key's id beside its secret key (AWS General Reference, *AWS security
/// credentials*: a request is signed with both, and the id names the key as a user name does),
/// a registry login's user name beside its password (`docker/login-action`'s `username:` and
/// `password:`; for Amazon ECR, the key's id and secret key). It authenticates nothing alone: it
/// is rated low, and the credential counts once, at the secret that holds it.
struct CredentialIdentifier: Sendable {
    enum Role: Sendable {
        case accessKeyID
        case userName
    }

    /// The secret that holds the identifier.
    var secret: String
    /// The secret that holds the credential it names.
    var credential: String
    var role: Role
    /// Where the identifier is handed over.
    var location: SourceLocation

    /// What is said of the identifier's secret.
    var statement: String {
        let names = switch role {
        case .accessKeyID: "the id of the access key whose secret key '\(credential)' holds"
        case .userName: "the user name of the login whose password or token '\(credential)' holds"
        }
        return "'\(secret)' holds \(names), handed to the tool with it: an identifier, like a user name, that authenticates nothing without the credential, so it counts as low; the credential counts once, where it is held"
    }
}
