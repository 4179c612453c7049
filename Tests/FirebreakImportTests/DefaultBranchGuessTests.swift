import FirebreakImport
import FirebreakModel
import FirebreakTestSupport
import Testing

/// Without a context file, the default branch is the one the pipeline files name: it decides
/// which runs are protected ones.
@Suite struct DefaultBranchGuessTests {
    static func defaultBranch(_ files: [String: String]) throws -> (branch: String, statement: String) {
        let repository = try ScratchRepository(files: files)
        let model = try InputLoader.load(path: repository.root).model
        let statement = model.assumptions.first { $0.subject == model.repository.id && $0.statement.hasPrefix("no context file") }?.statement ?? ""
        return (model.repository.defaultBranch, statement)
    }

    static func workflow(_ on: String, steps: String = "      - run: make") -> String {
        "on:\n\(on)\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n\(steps)\n"
    }

    @Test func workflowsThatNameMasterAndNeverMainMakeItTheDefault() throws {
        let found = try Self.defaultBranch([".github/workflows/ci.yml": Self.workflow("  push:\n    branches: [master]")])
        #expect(found.branch == "master")
        #expect(found.statement.contains("default branch is 'master' (the branch its pipeline files name"))
        let listed = try Self.defaultBranch([".github/workflows/ci.yml": Self.workflow("  push:\n    branches:\n      - master")])
        #expect(listed.branch == "master")
    }

    /// cli/cli's default branch is `trunk`, which its workflows name.
    @Test func workflowsThatNameTrunkAndNeitherOtherMakeItTheDefault() throws {
        let found = try Self.defaultBranch([".github/workflows/ci.yml": Self.workflow("  push:\n    branches: [trunk]")])
        #expect(found.branch == "trunk")
        #expect(found.statement.contains("default branch is 'trunk' (the branch its pipeline files name"))
        #expect(try Self.defaultBranch([".github/workflows/ci.yml": Self.workflow("  push:\n    branches: [trunk, master]")]).branch == "master")
        #expect(try Self.defaultBranch([".github/workflows/ci.yml": Self.workflow("  push:\n    branches: [trunk, main]")]).branch == "main")
    }

    @Test func aGitLabRuleThatComparesTheBranchToMasterDoesToo() throws {
        let found = try Self.defaultBranch([".gitlab-ci.yml": """
            build:
              script: [make]
              rules:
                - if: $CI_COMMIT_BRANCH == "master"
            """])
        #expect(found.branch == "master")
    }

    @Test func aCheckoutOfAnotherRepositorysMasterOrProseSaysNothing() throws {
        let checkout = Self.workflow("  push:", steps: "      - uses: actions/checkout@v4\n        with: {repository: acme/tools, ref: master}\n      - run: echo master is fine")
        #expect(try Self.defaultBranch([".github/workflows/ci.yml": checkout]).branch == "main")
        let both = try Self.defaultBranch([".github/workflows/ci.yml": Self.workflow("  push:\n    branches: [main, master]")])
        #expect(both.branch == "main", "main named too: GitHub's default stands")
        #expect(!both.statement.contains("pipeline files name"))
        // An action's `branch:` input names a branch of wherever the action writes.
        let input = Self.workflow("  push:\n    branches: [master]", steps: "      - uses: acme/cla@v2\n        with:\n          branch: 'main'")
        #expect(try Self.defaultBranch([".github/workflows/cla.yml": input]).branch == "master")
        // A longer key about branches does name this repository's; so does GitLab's `branch@project`.
        let variable = Self.workflow("  push:", steps: "      - run: make\n        env:\n          DEFAULT_BRANCH: \"master\"")
        #expect(try Self.defaultBranch([".github/workflows/ci.yml": variable]).branch == "master")
        let project = try Self.defaultBranch([".gitlab-ci.yml": "build:\n  script: [make]\n  only:\n    - master@acme/app\n"])
        #expect(project.branch == "master")
    }

    /// Home Assistant OS's default branch is `dev`: its workflows compare the ref to it and name
    /// no `main`, `master` or `trunk`.
    @Test func aRefComparedToDevMakesItTheDefaultWhenNoUsualNameIs() throws {
        let compared = Self.workflow("  push:", steps: "      - run: make\n        if: github.ref == 'refs/heads/dev'")
        let found = try Self.defaultBranch([".github/workflows/ci.yml": compared])
        #expect(found.branch == "dev")
        #expect(found.statement.contains("default branch is 'dev' (the branch its pipeline files name"))
        let gitlab = try Self.defaultBranch([".gitlab-ci.yml": "build:\n  script: [make]\n  rules:\n    - if: $CI_COMMIT_BRANCH == \"develop\"\n"])
        #expect(gitlab.branch == "develop")
        // A channel or an environment called dev is not a branch; `master` named outranks it.
        let channel = Self.workflow("  workflow_dispatch:\n    inputs:\n      channel:\n        type: choice\n        options:\n          - dev\n          - stable")
        #expect(try Self.defaultBranch([".github/workflows/ci.yml": channel]).branch == "main")
        let both = Self.workflow("  push:\n    branches: [master]", steps: "      - run: make\n        if: github.ref == 'refs/heads/dev'")
        #expect(try Self.defaultBranch([".github/workflows/ci.yml": both]).branch == "master")
        let longer = Self.workflow("  push:", steps: "      - run: make\n        if: github.ref == 'refs/heads/devel-next'")
        #expect(try Self.defaultBranch([".github/workflows/ci.yml": longer]).branch == "main")
    }

    @Test func aContextFileDecides() throws {
        let found = try Self.defaultBranch([
            ".github/workflows/ci.yml": Self.workflow("  push:\n    branches: [master]"),
            "firebreak.context.yml": "firebreak: 1\nrepository: {name: acme/app, defaultBranch: trunk}\n",
        ])
        #expect(found.branch == "trunk")
    }
}
