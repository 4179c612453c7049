import FirebreakEngine
import FirebreakImport
import FirebreakModel
import FirebreakTestSupport
import Testing

/// A GitHub service container runs beside the job with only its own `env:`: a hostile database
/// image answers the job's queries but does not run in the job. One that runs privileged, with
/// the host's volumes, or with a secret handed to it does reach what the job holds.
@Suite struct ServiceContainerTests {
    static func model(service: String) throws -> PipelineModel {
        let repository = try ScratchRepository(files: [".github/workflows/ci.yml": """
            on: {push: {branches: [main]}}
            permissions: {contents: write}
            jobs:
              integration:
                runs-on: ubuntu-latest
                services:
                  db:
            \(service.split(separator: "\n").map { "          " + $0 }.joined(separator: "\n"))
                steps:
                  - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683
                  - run: make integration
            """])
        return try InputLoader.load(path: repository.root).model
    }

    @Test func aPlainServiceImageIsNotAFootholdInTheJob() throws {
        let model = try Self.model(service: "image: postgres:16\noptions: --cap-add=IPC_LOCK --health-cmd pg_isready")
        let result = try Examples.run("compromised-third-party-action", on: model)
        #expect(result.footholds.isEmpty, "every action is pinned and the service only answers queries")
    }

    @Test func aPrivilegedServiceOrOneHandedASecretIs() throws {
        for service in ["image: postgres:16\noptions: --privileged", "image: postgres:16\nenv: {POSTGRES_PASSWORD: \"${{ secrets.DB_PASSWORD }}\"}"] {
            let model = try Self.model(service: service)
            let result = try Examples.run("compromised-third-party-action", on: model)
            #expect(result.footholds.contains(Fact(.exec, NodeID(.job, "ci/integration"))), "\(service)")
        }
    }
}
