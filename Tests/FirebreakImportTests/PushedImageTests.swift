@testable import FirebreakImport
import FirebreakEngine
import FirebreakModel
import FirebreakTestSupport
import Testing

/// An image the pipeline pushes under a tag and another job runs by that tag is code whoever
/// writes it runs there: the build that pushes it, or anyone holding the registry's token.
@Suite struct PushedImageTests {
    @Test func aRepositoryIsTheNameATagOrDigestFollowsOnItsRegistry() {
        #expect(PushedImages.repository("docker.io/acme/app:1.2") == "acme/app")
        #expect(PushedImages.repository("acme/app") == "acme/app")
        #expect(PushedImages.repository("docker://ghcr.io/acme/app@sha256:abc") == "ghcr.io/acme/app")
        #expect(PushedImages.repository("library/ubuntu:24.04") == "ubuntu")
        #expect(PushedImages.repository("localhost:5000/app:dev") == "localhost:5000/app")
    }

    @Test func aPushedNameWithAnExpressionFitsTheImagesItMayName() {
        #expect(PushedImages.fits(pushed: "acme/${{ matrix.image }}:latest", image: "acme/app-cuda"))
        #expect(PushedImages.fits(pushed: "ghcr.io/acme/app:$VERSION", image: "ghcr.io/acme/app:main"))
        #expect(!PushedImages.fits(pushed: "acme/app:latest", image: "other/app"))
        // A name that starts with an unknown registry or owner could be any image: it fits none.
        #expect(!PushedImages.fits(pushed: "${{ env.REGISTRY }}/app:latest", image: "acme/app"))
        #expect(!PushedImages.fits(pushed: "$IMAGE", image: "acme/app"))
    }

    @Test func theImageABuildPushesRunsWithTheSecretsOfTheJobThatRunsIt() throws {
        func model(image: String) throws -> PipelineModel {
            let repository = try ScratchRepository(files: [
                ".github/workflows/images.yml": SampleWorkflow.oneJob("push", on: "{push: {branches: [main]}}", permissions: "{}", env: "{OWNER: acme}", steps: [
                    "uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683",
                    "uses: docker/login-action@74a5d142397b4f367a81961eba4e8cd7edddf772\nwith: {username: acme, password: \"${{ secrets.DOCKERHUB_TOKEN }}\"}",
                    "uses: docker/build-push-action@263435318d21b8e681c14492fe198d362a7d2c83\nwith: {push: true, tags: \"${{ env.OWNER }}/ci-${{ matrix.flavour }}:latest\"}",
                ]),
                ".github/workflows/nightly.yml": SampleWorkflow.oneJob("slow-tests", on: "{schedule: [{cron: \"0 3 * * *\"}]}", permissions: "{}",
                                                                       container: "{image: \(image)}", steps: [
                    "run: pytest --slow\nenv: {HF_TOKEN: \"${{ secrets.HF_TOKEN }}\"}",
                ])])
            return try InputLoader.load(path: repository.root).model
        }
        let tagged = try model(image: "acme/ci-gpu")
        let image = try #require(tagged.artifacts["image:acme/ci-gpu"])
        #expect(image.store?.name == "container-registry")
        #expect(tagged.jobs["images/push"]?.produces.map(\.name) == ["image:acme/ci-gpu"])
        #expect(tagged.jobs["nightly/slow-tests"]?.consumes.map { "\($0.artifact.name) \($0.use.rawValue)" } == ["image:acme/ci-gpu run"])
        let tampered = try Examples.run("artifact-tampering", on: tagged)
        #expect(tampered.reaches("read secret:HF_TOKEN"), "whoever writes the registry runs code in the nightly job")
        // The pipeline's own image is no third party's: its tag moves only for whoever holds the registry.
        #expect(tagged.jobs["nightly/slow-tests"]?.steps.contains { $0.kind == .image } == false)
        #expect(try Examples.run("compromised-third-party-action", on: tagged).footholds.isEmpty)
        // The control: an image pinned by digest is the one image, which no push replaces.
        let pinned = try model(image: "acme/ci-gpu@sha256:\(String(repeating: "a", count: 64))")
        #expect(pinned.jobs["nightly/slow-tests"]?.consumes.isEmpty == true)
        let elsewhere = try model(image: "nvidia/cuda:12.4.0-runtime-ubuntu22.04")
        #expect(try Examples.run("compromised-third-party-action", on: elsewhere).reaches("read secret:HF_TOKEN"), "another owner's image is a third party's")
        #expect(try !Examples.run("artifact-tampering", on: pinned).reaches("read secret:HF_TOKEN"))
    }
}
