import FirebreakModel
import Testing

/// How firmly a `uses:` or an include is pinned, read from its ref: a commit or digest is
/// fixed, a version is taken as a tag, any other name as a branch (which moves on every push).
@Suite struct PinStateTests {
    @Test(arguments: [
        ("0123456789abcdef0123456789abcdef01234567", PinState.digest), ("sha256:4f2b", .digest),
        ("v4", .tag), ("V2.1.0", .tag), ("1.2.0", .tag), ("2024-05-01", .tag),
        ("main", .branch), ("stable", .branch), ("glenn-jocher-patch-2", .branch), ("releases/v1", .branch), ("fix-42", .branch),
        ("refs/tags/stable", .tag), ("refs/tags/v1.2.3", .tag), ("refs/heads/v2", .branch), ("", .none),
    ])
    func aRefIsADigestAVersionTagOrABranch(ref: String, pin: PinState) {
        #expect(PinState.infer(fromVersion: ref) == pin)
    }

    @Test func aStepsRefIsReadAfterItsLastAt() {
        #expect(Step.inferPin(uses: "acme/actions/format@fix-patch-2", kind: .action) == .branch)
        #expect(Step.inferPin(uses: "acme/actions/format@v3", kind: .action) == .tag)
        #expect(Step.inferPin(uses: "acme/actions/format", kind: .action) == .none)
    }

    /// A model's package step without a `pin:` is read from its version: exact holds, a
    /// dist-tag moves, none or a range is the newest (a scope's `@` is no version).
    @Test func aPackageStepsPinIsReadFromItsVersion() {
        #expect(Step.inferPin(uses: "pip:twine==5.1.1", kind: .package) == .digest)
        #expect(Step.inferPin(uses: "npm:@node-core/utils@5.16.2", kind: .package) == .digest)
        #expect(Step.inferPin(uses: "npm:npm@latest", kind: .package) == .tag)
        #expect(Step.inferPin(uses: "npm:@node-core/utils", kind: .package) == .none)
        #expect(Step.inferPin(uses: "pip:twine>=5", kind: .package) == .none)
    }
}
