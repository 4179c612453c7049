import FirebreakEngine
import FirebreakImport
import FirebreakModel
import FirebreakTestSupport
import Testing

/// Whoever pushes creates tags: a tag on a commit of theirs runs the release jobs with that
/// commit's code, unless the tags are protected, and an environment admits the run only when
/// its deployment rules name such tags.
@Suite struct TagPushTests {
    static let release = """
        on:
          push:
            branches: [main]
            tags: ["v*"]
        permissions: {contents: read}
        jobs:
          publish:
            runs-on: ubuntu-latest
            environment: pypi
            steps:
              - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683
              - run: python -m build && twine upload dist/*
                env: {TWINE_PASSWORD: "${{ secrets.PYPI_TOKEN }}"}
        """

    static func load(context: String) throws -> PipelineModel {
        let repository = try ScratchRepository(files: [".github/workflows/release.yml": release, "firebreak.context.yml": context])
        return try InputLoader.load(path: repository.root).model
    }

    /// Every branch protected: branch protection covers refs/heads only, so tags stay open.
    static let people = "actors: {dev: {role: contributor}}\nbranches: {main: {requiredReviews: 1}, \"*\": {requiredReviews: 1}}\n"

    @Test func aContributorsTagRunsTheReleaseWhereTheEnvironmentAdmitsTags() throws {
        let model = try Self.load(context: """
            firebreak: 1
            repository: {name: acme/lib, visibility: private}
            \(Self.people)environments: {pypi: {allowedBranches: [main], allowedTags: ["v*"]}}
            secrets: {PYPI_TOKEN: {environment: pypi, criticality: critical}}
            """)
        #expect(model.triggers["release:push-tags"]?.branches == ["v*"], "the push's tag runs are a trigger of their own")
        let result = try Examples.run("poisoned-pipeline-definition", on: model)
        let start = Fact(.start, NodeID(.job, "release/publish"), .unprotected)
        let derivation = try #require(result.facts.derivation(of: start))
        #expect(derivation.rule == "tag-push")
        #expect(derivation.caveats.contains { $0.contains("tags are not protected") }, "no protected tags declared: said where used")
        #expect(result.reaches("read secret:PYPI_TOKEN"))
    }

    @Test func protectedTagsOrAnEnvironmentForBranchesOnlyStopIt() throws {
        let protected = try Self.load(context: """
            firebreak: 1
            repository: {name: acme/lib, visibility: private, protectedTags: ["v*"]}
            \(Self.people)environments: {pypi: {allowedBranches: [main], allowedTags: ["v*"]}}
            secrets: {PYPI_TOKEN: {environment: pypi, criticality: critical}}
            """)
        let blocked = try Examples.run("poisoned-pipeline-definition", on: protected)
        #expect(!blocked.facts.contains(Fact(.start, NodeID(.job, "release/publish"), .unprotected)))
        #expect(!blocked.reaches("read secret:PYPI_TOKEN"))

        let branchesOnly = try Self.load(context: """
            firebreak: 1
            repository: {name: acme/lib, visibility: private}
            \(Self.people)environments: {pypi: {allowedBranches: [main]}}
            secrets: {PYPI_TOKEN: {environment: pypi, criticality: critical}}
            """)
        let gated = try Examples.run("poisoned-pipeline-definition", on: branchesOnly)
        #expect(!gated.facts.contains(Fact(.start, NodeID(.job, "release/publish"), .unprotected)))
        #expect(!gated.reaches("read secret:PYPI_TOKEN"))
    }

    /// GitHub runs `on: push` with no branch or tag filter for every tag too: a contributor's tag
    /// runs it even where every branch is protected.
    @Test func anUnfilteredPushRunsForTheContributorsTag() throws {
        let repository = try ScratchRepository(files: [".github/workflows/release.yml": """
            on: push
            permissions: {contents: read}
            jobs:
              upload:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683
                  - run: python -m build && twine upload dist/*
                    env: {TWINE_PASSWORD: "${{ secrets.PYPI_TOKEN }}"}
            """, "firebreak.context.yml": "firebreak: 1\nrepository: {name: acme/lib, visibility: private}\n" + Self.people])
        let model = try InputLoader.load(path: repository.root).model
        #expect(model.triggers["release:push-tags"]?.event == .tag)
        let result = try Examples.run("poisoned-pipeline-definition", on: model)
        #expect(result.facts.derivation(of: Fact(.start, NodeID(.job, "release/upload"), .unprotected))?.rule == "tag-push")
        #expect(result.reaches("read secret:PYPI_TOKEN"))
    }

    // MARK: GitLab

    static let gitlab = """
        stages: [build, deploy]
        binaries:
          stage: build
          script: [make binaries]
          artifacts: {paths: [out/]}
        stable-s3:
          stage: deploy
          script: [aws s3 sync out/ s3://releases/]
          environment: stable
          needs: [binaries]
          rules:
            - if: $CI_COMMIT_TAG
        """

    static func gitlabModel(protectedTags: String?, rule: String = "$CI_COMMIT_TAG") throws -> PipelineModel {
        let tags = protectedTags.map { ", protectedTags: \($0)" } ?? ""
        let file = gitlab.replacingOccurrences(of: "- if: $CI_COMMIT_TAG", with: "- if: \(rule)")
        let repository = try ScratchRepository(files: [".gitlab-ci.yml": file, "firebreak.context.yml": """
            firebreak: 1
            repository: {name: acme/runner, visibility: private\(tags)}
            actors: {dev: {role: contributor}, lead: {role: maintainer}}
            """])
        return try InputLoader.load(path: repository.root).model
    }

    /// Artifacts belong to one pipeline: a branch pipeline's build output reaches the tag-only
    /// release job only in a tag pipeline the attacker starts, which protected tags rule out.
    @Test func aBranchPipelinesArtifactReachesATagOnlyReleaseOnlyThroughATagTheAttackerCreates() throws {
        let open = try Examples.run("poisoned-pipeline-definition", on: try Self.gitlabModel(protectedTags: nil))
        let deploy = try #require(open.facts.derivation(of: Fact(.access, NodeID(.resource, "stable target"), .deploy)))
        #expect(deploy.caveats.contains { $0.contains("tags are not protected") })
        // The attacker's tag run enters the release job's environment, whose rules no file gives.
        #expect(deploy.caveats.contains { $0.hasPrefix("assumed: environment 'stable' is not protected") },
                "\(deploy.caveats)")
        #expect(open.facts.derivation(of: Fact(.start, NodeID(.job, "stable-s3"), .unprotected))?.rule == "tag-push")

        let closed = try Examples.run("poisoned-pipeline-definition", on: try Self.gitlabModel(protectedTags: "[\"*\"]"))
        #expect(closed.facts.best(.exec, NodeID(.job, "binaries")) == .unprotected, "the branch pipeline still runs the attacker's build")
        #expect(!closed.facts.has(.access, NodeID(.resource, "stable target"), atLeast: .deploy))
        #expect(!closed.facts.contains(Fact(.start, NodeID(.job, "stable-s3"), .unprotected)))
    }

    /// A rule that requires a protected ref runs the job only for protected tags, which a
    /// Developer cannot create: GitLab sets `CI_COMMIT_REF_PROTECTED` to "true" only for them.
    @Test func aReleaseForProtectedTagsOnlyIsNotStartedByTheAttackersTag() throws {
        let model = try Self.gitlabModel(protectedTags: nil, rule: "$CI_COMMIT_TAG && $CI_COMMIT_REF_PROTECTED == \"true\"")
        #expect(model.triggers["gitlab protected tag"]?.protectedTagsOnly == true)
        let result = try Examples.run("poisoned-pipeline-definition", on: model)
        #expect(!result.facts.contains(Fact(.start, NodeID(.job, "stable-s3"), .unprotected)))
        #expect(!result.facts.has(.access, NodeID(.resource, "stable target"), atLeast: .deploy))

        // Its pipeline is a protected ref's: it restores the protected cache only.
        let cached = try ScratchRepository(files: [".gitlab-ci.yml": """
            release:
              script: [make release]
              cache: {key: deps, paths: [vendor/]}
              rules:
                - if: $CI_PIPELINE_SOURCE == "push" && $CI_COMMIT_TAG && $CI_COMMIT_REF_PROTECTED == "true"
            """])
        #expect(try InputLoader.load(path: cached.root).model.jobs["release"]?.restoresCaches.map(\.name) == ["deps (protected)"])
    }
}
