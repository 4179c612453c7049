import FirebreakModel
import Testing

/// Jobs and identities keep their fields in one shared box, yet behave as values: a changed
/// copy leaves the original alone, and equality and hashing look at the fields.
@Suite struct SharedFieldsTests {
    let at = SourceLocation(file: "model.yml", line: 3, column: 5)

    @Test func changingACopiedIdentityLeavesTheOriginal() {
        let original = Identity(name: "deployer", kind: .cloudRole, lifetime: .shortLived, owner: nil,
                                grants: [Grant(target: NodeID(.resource, "cluster"), level: .deploy, location: at)],
                                trust: nil, criticality: nil, location: at)
        var copy = original
        #expect(copy == original)
        copy.grants.append(Grant(target: NodeID(.resource, "registry"), level: .write, location: at))
        copy.lifetime = .static
        #expect(original.grants.count == 1)
        #expect(original.lifetime == .shortLived)
        #expect(copy.grants.count == 2)
        #expect(copy != original)
    }

    @Test func identitiesWithEqualFieldsAreEqualAndHashAlike() {
        func make() -> Identity {
            Identity(name: "builder", kind: .staticKey, lifetime: .static, owner: Reference("alice", at: at), grants: [],
                     trust: nil, criticality: .high, location: at)
        }
        let (a, b) = (make(), make())
        #expect(a == b)
        #expect(Set([a, b]).count == 1)
        var renamed = b
        renamed.name = "signer"
        #expect(Set([a, renamed]).count == 2)
    }

    @Test func changingACopiedJobLeavesTheOriginal() {
        let original = Job(name: "build", role: .build, secrets: [Reference("KEY", at: at)], location: at)
        var copy = original
        copy.secrets.removeAll()
        copy.oidc = true
        #expect(original.secrets.map(\.name) == ["KEY"])
        #expect(!original.oidc)
        #expect(copy != original)
        #expect(copy.name == original.name)
    }
}
