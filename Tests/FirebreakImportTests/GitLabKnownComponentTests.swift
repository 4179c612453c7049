import FirebreakEngine
import FirebreakImport
import FirebreakModel
import FirebreakReport
import FirebreakTestSupport
import Testing

/// A component Firebreak knows (GNOME's release-service) adds the job its published file
/// describes: on a protected tag it delivers the dist job's tarball to the release service, which
/// is what a compromised build reaches; an unknown component stays one job whose steps are unknown.
@Suite struct GitLabKnownComponentTests {
    static func model(component: String = "gitlab.gnome.org/GNOME/citemplates/release-service@master") throws -> PipelineModel {
        let repository = try ScratchRepository(files: [".gitlab-ci.yml": """
            include:
              - component: \(component)
                inputs:
                  dist-job-name: dist
                  tarball-artifact-path: _build/meson-dist/app.tar.xz
            dist:
              stage: build
              rules:
                - if: $CI_COMMIT_TAG
              script:
                - meson setup _build
                - meson dist -C _build
              artifacts:
                paths: [_build/meson-dist]
            """])
        return try InputLoader.load(path: repository.root).model
    }

    @Test func theReleaseServiceDeliversTheDistJobsTarball() throws {
        let model = try Self.model()
        let release = try #require(model.jobs["release-service"])
        #expect(release.needs.map(\.name) == ["dist"])
        let delivery = try #require(release.consumes.first)
        #expect(delivery.artifact.name == "dist artifacts" && delivery.use == .deploy && delivery.deploysTo?.name == "gnome-release-service")
        #expect(release.triggers.compactMap { model.triggers[$0.name] }.allSatisfy { $0.event == .tag && $0.protectedTagsOnly })
        #expect(release.steps.contains { $0.uses == "registry.gitlab.com/gitlab-org/release-cli:latest" && $0.pin == .tag })
        #expect(model.resources["gnome-release-service"]?.criticality == .critical)
        #expect(model.assumptions.contains { $0.subject == release.id && $0.statement.contains("may do more") && $0.location.line == 2 })
        // A compromised build step in the dist job ships the release.
        let result = try Examples.run("compromised-build-step", on: model)
        #expect(result.crownJewels.contains(NodeID(.resource, "gnome-release-service")))
        // The report says the component was taken from what Firebreak read, not that it is unknown.
        let text = SimulationText(model: model, results: [result], assumptions: []).text.replacingOccurrences(of: "\n", with: " ")
        #expect(text.contains("taken as GNOME/citemplates templates/release-service.yml describes it"), "\(text)")
        #expect(!text.contains("whose steps are unknown"))
    }

    @Test func theInstancesOwnAddressNamesItToo() throws {
        let model = try Self.model(component: "$CI_SERVER_FQDN/GNOME/citemplates/release-service@25.5")
        #expect(model.jobs["release-service"] != nil)
    }

    @Test func anUnknownComponentStaysOneJobWhoseStepsAreUnknown() throws {
        // The control: another project's component of the same name is not GNOME's.
        let model = try Self.model(component: "gitlab.example.org/acme/templates/release-service@1.0")
        #expect(model.jobs["release-service"] == nil)
        #expect(model.resources["gnome-release-service"] == nil)
        #expect(model.jobs.keys.contains { $0.hasPrefix("included:") })
    }

    /// The dist job may come from an include whose jobs are not read (GNOME's gnomeos-basic-ci
    /// component defines `build-gnomeos`): it is taken, and said, to build the tarball from the
    /// repository's code, so a compromised build still reaches the release service.
    @Test func aDistJobFromAnIncludeNotReadIsTakenToBuildTheTarball() throws {
        func model(defining dist: String) throws -> PipelineModel {
            let repository = try ScratchRepository(files: [".gitlab-ci.yml": """
                include:
                  - project: 'acme/ci-templates'
                    file: 'fedora.yml'
                  - component: gitlab.gnome.org/GNOME/citemplates/release-service@master
                    inputs: {dist-job-name: "build-gnomeos"}
                  - component: gitlab.gnome.org/GNOME/citemplates/gnomeos-basic-ci@master
                \(dist)
                test:
                  script: [meson test]
                """])
            return try InputLoader.load(path: repository.root).model
        }
        let unread = try model(defining: "")
        let dist = try #require(unread.jobs["build-gnomeos"])
        #expect(dist.definition?.name == "component:gitlab.gnome.org/GNOME/citemplates/gnomeos-basic-ci@master", "the include that shares its name")
        #expect(dist.role == .build && dist.runsRepositoryCode)
        #expect(unread.jobs["release-service"]?.consumes.map(\.artifact.name) == ["build-gnomeos artifacts"])
        let statement = try #require(unread.assumptions.first { $0.subject == dist.id })
        #expect(statement.statement.contains("is defined in none of the files read") && statement.location.line == 4, "\(statement)")
        let result = try Examples.run("compromised-build-step", on: unread)
        let release = try #require(result.asset(NodeID(.resource, "gnome-release-service")))
        #expect(release.crownJewel && release.path.contains { hop in hop.caveats.contains { $0.contains("is defined in none of the files read") } },
                "the path says it rests on the stand-in")
        // The control: a dist job the file defines is the one taken in, and nothing is assumed of it.
        let defined = try model(defining: """
            build-gnomeos:
              script: [meson dist -C _build]
              artifacts: {paths: [_build/meson-dist]}
            """)
        #expect(defined.jobs["build-gnomeos"]?.definition?.name == ".gitlab-ci.yml")
        #expect(!defined.assumptions.contains { $0.statement.contains("is defined in none of the files read") })
    }
}
