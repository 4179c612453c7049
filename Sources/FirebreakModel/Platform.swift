/// The CI platform whose semantics the model follows where platforms differ.
public enum Platform: String, CaseIterable, Sendable, Codable {
    /// GitHub Actions: a job receives only the secrets it references.
    case github
    /// GitLab CI: a CI/CD variable reaches every job its protection and environment scope admit.
    case gitlab
    /// Neither: secrets reach the jobs that list them.
    case generic

    /// Whether a secret reaches a job that does not reference it.
    public var exposesUnreferencedSecrets: Bool { self == .gitlab }
}
