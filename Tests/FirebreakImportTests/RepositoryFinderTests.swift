import FirebreakImport
import FirebreakTestSupport
import Foundation
import Testing

/// The repositories below a folder: found through symbolic links to them (a folder of linked
/// checkouts), never by searching down a link (a link back up must not loop), each once.
struct RepositoryFinderTests {
    static let pipeline = "on: push\njobs:\n  test: {runs-on: ubuntu-latest, steps: [{run: make test}]}\n"

    @Test func aLinkToARepositoryIsTheRepositoryAndNoSearchGoesDownALink() throws {
        let checkouts = try ScratchRepository(named: "checkouts", files: [
            "api/.github/workflows/ci.yml": Self.pipeline,
            "team/web/.gitlab-ci.yml": "test:\n  script: [make test]\n",
        ])
        let org = try ScratchRepository(named: "linked-org", files: ["own/.github/workflows/ci.yml": Self.pipeline])
        let manager = FileManager.default
        func link(_ name: String, to destination: String) throws {
            try manager.createSymbolicLink(atPath: (org.root as NSString).appendingPathComponent(name), withDestinationPath: destination)
        }
        try link("api", to: (checkouts.root as NSString).appendingPathComponent("api"))
        // A link to a folder that holds repositories, one back up to the organisation itself,
        // and a second name for a repository found where it is.
        try link("everything", to: checkouts.root)
        try link("loop", to: org.root)
        try link("alias", to: (org.root as NSString).appendingPathComponent("own"))
        let found = RepositoryFinder.repositories(under: org.root).map { String($0.dropFirst(org.root.count + 1)) }
        #expect(found == ["api", "own"])
    }
}
