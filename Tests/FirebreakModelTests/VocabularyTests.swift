import FirebreakModel
import Testing

@Suite struct VocabularyTests {
    @Test func nodeIDsRoundTrip() {
        #expect(NodeID(parsing: "resource:prod-cluster") == NodeID(.resource, "prod-cluster"))
        #expect(NodeID(parsing: "repository:acme/shop")?.name == "acme/shop")
        #expect(NodeID(parsing: "galaxy:x") == nil)
        #expect(NodeID(parsing: "job:") == nil)
        #expect(NodeID(.job, "build").description == "job:build")
    }

    @Test func pinStateIsInferredFromTheVersion() {
        #expect(Step.inferPin(uses: "actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683", kind: .action) == .digest)
        #expect(Step.inferPin(uses: "actions/checkout@v4", kind: .action) == .tag)
        #expect(Step.inferPin(uses: "dtolnay/rust-toolchain@stable", kind: .action) == .branch, "a name without a digit is taken as a branch")
        #expect(Step.inferPin(uses: "someone/tool@main", kind: .action) == .branch)
        #expect(Step.inferPin(uses: "node@sha256:abcd", kind: .image) == .digest)
        #expect(Step.inferPin(uses: "node:20", kind: .image) == .tag)
        #expect(Step.inferPin(uses: "node", kind: .image) == .none)
        #expect(Step.inferPin(uses: "https://example.com/install.sh", kind: .script) == .none)
        // Upper-case hex is a commit too; forty full-width digits, a 39-digit id or a second `@` are not.
        #expect(Step.inferPin(uses: "org/action@11BD71901BBE5B1630CEEA73D27597364C9AF683", kind: .action) == .digest)
        #expect(Step.inferPin(uses: "org/action@" + String(repeating: "\u{FF11}", count: 40), kind: .action) == .branch)
        #expect(Step.inferPin(uses: "org/action@bd71901bbe5b1630ceea73d27597364c9af683", kind: .action) == .branch)
        #expect(Step.inferPin(uses: "ghcr.io/org/image@sha256:abcd@v1", kind: .image) == .digest, "a digest anywhere pins it")
        #expect(Step.inferPin(uses: "org/action@team@v2", kind: .action) == .tag, "the version is after the last @")
    }

    @Test func branchPatterns() {
        #expect(BranchPattern.matches("release/*", "release/1.2"))
        #expect(!BranchPattern.matches("release/*", "main"))
        #expect(BranchPattern.matches("*", "anything"))
        #expect(!BranchPattern.matches("main", "*"))
    }

    @Test func suggestionsFindLikelyTypos() {
        #expect(Suggestion.closest(to: "runsOnn", in: ["runsOn", "role"]) == "runsOn")
        #expect(Suggestion.closest(to: "zzzzzz", in: ["runsOn", "role"]) == nil)
    }

    @Test func trustPolicyRejectsPullRequestRefsUnlessItAcceptsAnyRef() {
        let location = SourceLocation(file: "t", line: 1, column: 1)
        let mainOnly = TrustPolicy(branches: ["main"], environments: [], events: [], location: location)
        #expect(mainOnly.admits(event: .push, branch: "main", environment: nil))
        #expect(!mainOnly.admits(event: .pullRequest, branch: nil, environment: nil))
        #expect(!mainOnly.admitsPullRequests)
        let anything = TrustPolicy(branches: [], environments: [], events: [], location: location)
        #expect(anything.admits(event: .pullRequest, branch: nil, environment: nil))
        #expect(anything.admitsPullRequests)
    }
}
