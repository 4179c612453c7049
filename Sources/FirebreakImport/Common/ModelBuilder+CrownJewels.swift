import FirebreakModel
import Foundation

extension ModelBuilder {
    /// Crown jewels from evidence, where no context file says otherwise, each stated as an
    /// assumption with its evidence: the secrets a publishing job uses, the secrets of jobs that
    /// deploy to a production environment, and write access to a repository others consume
    /// (an action run by tag, or a project whose releases a job publishes). A secret whose name
    /// says it only reads (`_RO`) publishes nothing, whatever job holds it.
    mutating func markCrownJewels(context: PipelineModel?) {
        // A context file's secret keeps the criticality it gives; for a GitHub job whatever its
        // case (names there are not case-sensitive; GitLab's variables are). One it declares
        // without one (to say where it lives: an environment, protected branches) is weighed
        // from the evidence as any other.
        let declared = Set(context?.secrets.filter { $0.value.criticality != nil }.keys.map { $0 } ?? [])
        let declaredInCapitals = Set(declared.map { $0.uppercased() })
        func isDeclared(_ secret: String, by job: Job) -> Bool {
            job.platform == .gitlab ? declared.contains(secret) : declaredInCapitals.contains(secret.uppercased())
        }
        for name in model.jobs.keys.sorted() {
            guard let job = model.jobs[name] else { continue }
            let production = job.environment.flatMap { model.environments[$0.name] }.map(\.production) ?? false
            guard job.role == .release || production else { continue }
            let why = job.role == .release ? "is used by publishing job '\(name)', so it is taken to publish releases"
                : "is used by job '\(name)' in production environment '\(job.environment?.name ?? "")', so it is taken to deploy to production"
            let names = Set(job.secrets.map(\.name))
            for reference in job.secrets where !isDeclared(reference.name, by: job) && reference.name != SecretUses.everySecretName {
                if let key = Self.privateKey(besideCertificate: reference.name, among: names) {
                    ratePublicHalf(reference.name, key: key, job: name, at: reference.location)
                    continue
                }
                // A secret the evidence rates low (a setting, an access key's id, a login's user name) is no credential, whatever job holds it.
                guard var secret = model.secrets[reference.name], secret.carries == nil, secret.criticality != .critical, secret.criticality != .low,
                      !Self.namesASetting(secret.name), !Self.namesAChatService(secret.name), !JobRoles.namesAReadOnlyCredential(secret.name),
                      !(job.role == .release && JobRoles.namesATestAccount(secret.name)) else { continue }
                revalue(&secret, as: .critical, because: "secret '\(secret.name)' \(why): a crown jewel", at: reference.location)
            }
        }
        guard context == nil || context?.repository.criticality == nil, model.repository.criticality == nil else { return }
        if ["action.yml", "action.yaml"].contains(where: { RepositoryFile.exists($0, under: root) }) {
            model.repository.criticality = .critical
            assume(model.repository.id, "the repository is an action others run by tag: whoever can write it moves the tags and runs code in every workflow that uses it, so write access is a crown jewel",
                   settle: "set `criticality:` under `repository:` in \(InputLoader.contextFileName)", at: model.repository.location, valuation: true)
        } else if let publisher = model.jobs.values.filter({ $0.role == .release }).min(by: { (releaseRank($0), $0.name) < (releaseRank($1), $1.name) }) {
            model.repository.criticality = .critical
            assume(model.repository.id, "the repository's releases are published for others (job '\(publisher.name)'): whoever writes its default branch or release tags ships code to them with the next release, so write access is a crown jewel",
                   settle: "set `criticality:` under `repository:` in \(InputLoader.contextFileName)", at: publisher.location, valuation: true)
        }
    }

    /// The private key a job holds beside a certificate of the same name (`RAUC_CERTIFICATE`
    /// beside `RAUC_PRIVATE_KEY` or `RAUC_KEY`): then the certificate is the key pair's public
    /// half, which anyone may read. A certificate kept with only a password beside it
    /// (`MAC_CERTS`, `MAC_CERTS_PASSWORD`) is a bundle that holds its private key.
    static func privateKey(besideCertificate name: String, among names: Set<String>) -> String? {
        let upper = name.uppercased()
        guard let suffix = ["_CERTIFICATE", "_CERT", "_CRT"].first(where: { upper.hasSuffix($0) }) else { return nil }
        let prefix = String(name.dropLast(suffix.count))
        return names.sorted().first { other in
            other.count > prefix.count && other.uppercased().hasPrefix(prefix.uppercased())
                && ["_PRIVATE_KEY", "_KEY"].contains(String(other.dropFirst(prefix.count)).uppercased())
        }
    }

    /// Rates a certificate held beside its private key as the public half it is: low, said once.
    private mutating func ratePublicHalf(_ name: String, key: String, job: String, at location: SourceLocation) {
        guard var secret = model.secrets[name], secret.carries == nil, secret.criticality == .high else { return }
        revalue(&secret, as: .low, because: "secret '\(name)' is the certificate beside private key '\(key)' in job '\(job)': the key pair's public half, which anyone may read, so it counts as low",
                at: location)
    }

    /// Rates a secret that names a credential handed over beside it (`CredentialIdentifier`) as
    /// the identifier it is: low, said where the two are handed over. A context file's rating
    /// stands, and so does a secret found to carry a key (handed over alone, it stands for the key).
    mutating func rate(_ identifier: CredentialIdentifier, context: PipelineModel?) {
        guard context?.secrets[identifier.secret]?.criticality == nil, var secret = model.secrets[identifier.secret], secret.carries == nil,
              secret.criticality != .low, !secret.committed else { return }
        revalue(&secret, as: .low, because: identifier.statement, at: identifier.location)
    }

    /// Rates a secret found in the files anew from evidence, and says why where the evidence is:
    /// what it was taken to be before (high, its use unknown) no longer holds, so its statement
    /// drops that clause (keeping "what it opens is unknown" for a crown jewel): one hop must not
    /// say both.
    mutating func revalue(_ secret: inout Secret, as criticality: Criticality, because statement: String, at location: SourceLocation) {
        secret.criticality = criticality
        model.secrets[secret.name] = secret
        reword(assumptionAbout: secret.id, ending: Self.opensUnknown + Self.countsAsHigh, as: criticality == .critical ? Self.opensUnknown : "")
        assume(secret.id, statement, settle: "declare its `criticality:` under `secrets:` in \(InputLoader.contextFileName)", at: location)
    }

    /// How surely a publishing job's runs are releases others take, most surely first (0): one a
    /// published release starts, then one a tag starts, then one a push, a schedule or a person
    /// starts, then one only pull requests and other events start (a preview, a staging deploy).
    /// The job the assumption names is the surest, so that the reader checks the release, not a
    /// preview.
    private func releaseRank(_ job: Job) -> Int {
        let events = Set(job.triggers.compactMap { model.triggers[$0.name]?.event })
        if events.contains(.release) { return 0 }
        if events.contains(.tag) { return 1 }
        return events.contains(.push) || events.contains(.schedule) || events.contains(.manual) ? 2 : 3
    }
}
