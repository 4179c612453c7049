import FirebreakEngine
@testable import FirebreakImport
import FirebreakModel
import FirebreakReport
import FirebreakTestSupport
import Testing
import Foundation

/// One small GitLab project per construct, each with the outcome a reviewer expects.
@Suite struct GitLabImportTests {
    /// A job that runs make's test target, past make's options (`-j$JOBS`, `-C tests`), runs
    /// tests: a compromised test dependency poisons the cache it saves. Automake's `TESTS=""`
    /// builds the test programs and runs none: that job builds.
    @Test func makeCheckPastItsOptionsIsATestRunUnlessTestsAreEmptied() throws {
        let repository = try ScratchRepository(files: [".gitlab-ci.yml": """
            default:
              cache: {key: deps, paths: [.cache/]}
            check:
              script: [./configure, make -j$CHECKJOBS check]
            check-dir:
              script: [setarch i686 -- make -j$BUILDJOBS -C tests check SUBDIRS=. TESTS="tls-pthread dtls-pthread"]
            build-only:
              script: [./configure, make -j$BUILDJOBS check TESTS=""]
            in-tests-folder:
              script: [make -C tests]
            lint:
              script: [./scripts/lint.sh]
            deps:
              script: [apt-get install -y autoconf make check, echo make check]
            distcheck:
              script:
                - FLAGS="--enable-a --enable-b" make distcheck -j16
            keywords:
              script:
                - if ! make check; then exit 1; fi
            sudo:
              script: [sudo -E make check]
            loop:
              script: ["for d in lib tools; do make -C $d check; done"]
            eatmydata:
              script: [eatmydata make check]
            """])
        let model = try InputLoader.load(path: repository.root).model
        #expect(model.jobs["check"]?.role == .test)
        #expect(model.jobs["check-dir"]?.role == .test)
        #expect(model.jobs["build-only"]?.role == .build)
        #expect(model.jobs["in-tests-folder"]?.role == .build, "a folder named tests is not a target")
        #expect(model.jobs["deps"]?.role != .test, "make and check as packages to install, or words echoed")
        #expect(model.jobs["distcheck"]?.role == .test, "after an assignment whose quoted value holds spaces")
        for job in ["keywords", "sudo", "loop", "eatmydata"] { #expect(model.jobs[job]?.role == .test, "\(job)") }
        let poisoning = try Examples.run("cache-poisoning", on: model)
        #expect(poisoning.footholds.contains(Fact(.exec, NodeID(.job, "check"), .full)))
        #expect(!poisoning.footholds.contains(Fact(.exec, NodeID(.job, "build-only"), .full)))
        // The tests build first and run what they built: a hostile build step has the test job too.
        let building = try Examples.run("compromised-build-step", on: model)
        #expect(building.footholds.contains(Fact(.exec, NodeID(.job, "check"), .full)))
        #expect(!building.footholds.contains(Fact(.exec, NodeID(.job, "lint"), .full)), "a job that neither builds nor tests")
    }

    /// A `parallel: matrix:` job's copies are named with their values (`docs: [fedora, gcc]`), and
    /// `needs:` may name one copy (GitLab Docs, "parallel:matrix"): the pages job that asks for a
    /// copy's artifacts publishes the matrix job's output.
    @Test func needsNamingOneCopyOfAMatrixJobTakesThatJobsArtifacts() throws {
        func model(needing name: String) throws -> PipelineModel {
            let repository = try ScratchRepository(files: [".gitlab-ci.yml": """
                stages: [build, deploy]
                docs:
                  stage: build
                  parallel:
                    matrix:
                      - DISTRO: [fedora, debian]
                        CC: [gcc]
                  script: [meson setup build, meson compile -C build, cp -r build/docs docs-html]
                  artifacts: {paths: [docs-html]}
                pages:
                  stage: deploy
                  needs: ["\(name)"]
                  script: [mv docs-html public]
                  artifacts: {paths: [public]}
                """])
            return try InputLoader.load(path: repository.root).model
        }
        let copy = try model(needing: "docs: [fedora, gcc]")
        #expect(copy.jobs["pages"]?.consumes.map(\.artifact.name) == ["docs artifacts", "pages artifacts"], "the copy's output, and its own")
        #expect(copy.jobs["pages"]?.needs.map(\.name) == ["docs"])
        #expect(try Examples.run("compromised-build-step", on: copy).crownJewels.contains(NodeID(.resource, "gitlab-pages")))
        let other = try model(needing: "lint: [fedora]")
        #expect(other.jobs["pages"]?.consumes.map(\.artifact.name) == ["pages artifacts"], "a copy of no job here: only its own output")
    }

    /// An AWS key every job that uses it points at another endpoint (`aws --endpoint-url`,
    /// s3cmd's `host_base`) opens that provider's S3-compatible storage, not an AWS account; one
    /// job that uses it with the AWS tools' default endpoint makes it an AWS key.
    @Test func anAWSKeyUsedOnlyWithAnotherEndpointOpensThatStorage() throws {
        func model(_ third: String) throws -> PipelineModel {
            let repository = try ScratchRepository(files: [".gitlab-ci.yml": """
                upload-windows:
                  script:
                    - aws --endpoint-url https://rgw.example.org s3 cp build.zip s3://artifacts/
                upload-macos:
                  script:
                    - |
                      echo "[default]" > ~/.s3cfg
                      echo "access_key = ${AWS_ACCESS_KEY_ID}" >> ~/.s3cfg
                      echo "secret_key = ${AWS_SECRET_ACCESS_KEY}" >> ~/.s3cfg
                      echo "host_base = rgw.example.org" >> ~/.s3cfg
                      s3cmd put build.dmg s3://artifacts/
                upload-linux:
                  script: ["\(third)"]
                """])
            return try InputLoader.load(path: repository.root).model
        }
        let storage = try model("aws --endpoint-url=https://rgw.example.org s3 cp build.tar s3://artifacts/")
        #expect(storage.resources["s3-compatible-storage"] != nil && storage.resources["aws-account"] == nil)
        #expect(storage.identities["s3-key:AWS_SECRET_ACCESS_KEY"] != nil)
        #expect(storage.secrets["AWS_ACCESS_KEY_ID"].map { $0.carries == nil && $0.criticality == .low } == true,
                "the key's id, used with its secret key, is an identifier: the key counts once")
        #expect(storage.assumptions.contains { $0.subject == NodeID(.secret, "AWS_SECRET_ACCESS_KEY") && $0.statement.contains("S3-compatible storage") })
        let aws = try model("aws s3 cp build.tar s3://artifacts/")
        #expect(aws.resources["aws-account"] != nil && aws.resources["s3-compatible-storage"] == nil,
                "the AWS CLI reads the project's key from the environment without naming it")
        let both = try model("aws --endpoint-url https://rgw.example.org s3 ls && aws s3 cp build.tar s3://prod/")
        #expect(both.resources["aws-account"] != nil, "one command of the job uses AWS's own endpoint")
        let service = try model("aws --endpoint-url http://minio:9000 s3 cp build.tar s3://artifacts/")
        #expect(service.resources["s3-compatible-storage"] != nil, "a service's host, one label")
        let unknown = try model("aws --endpoint-url $S3_ENDPOINT s3 cp build.tar s3://artifacts/")
        #expect(unknown.resources["aws-account"] != nil, "an endpoint the file does not give may be AWS's")
        let lone = try InputLoader.load(path: try ScratchRepository(files: [".gitlab-ci.yml": """
            upload:
              script: ['echo "$AWS_ACCESS_KEY_ID" > key-id']
            """]).root).model
        #expect(lone.secrets["AWS_ACCESS_KEY_ID"]?.carries?.name == "aws-key:AWS_ACCESS_KEY_ID",
                "the control: with no secret key beside it, the id stands for the key")
    }

    /// GitLab keeps a cache on the machine of the runner that saved it unless the runners share a
    /// distributed cache: a test job on one runner poisons what a release job on another restores
    /// only on that assumption, which the hop states; on the same machine it needs none. A runner
    /// that starts a fresh machine for each job (GitLab's shared runners) keeps none for the next
    /// job: there too the cache reaches the release only through a distributed one, stated.
    @Test func aCachePlantedOnAnotherRunnerIsRestoredOnAStatedAssumption() throws {
        func restore(testTags: String, releaseTags: String = "[builder]") throws -> Derivation? {
            let repository = try ScratchRepository(files: [".gitlab-ci.yml": """
                default:
                  cache: {key: deps, paths: [vendor/]}
                test:
                  tags: \(testTags)
                  script: [pip install -r requirements.txt, pytest]
                release:
                  tags: \(releaseTags)
                  rules: [{if: $CI_COMMIT_TAG}]
                  script: [pip install build twine, python -m build, twine upload dist/*]
                """])
            let model = try InputLoader.load(path: repository.root).model
            return try Examples.run("cache-poisoning", on: model).facts.derivation(of: Fact(.exec, NodeID(.job, "release")))
        }
        let elsewhere = try #require(try restore(testTags: "[freebsd]"))
        #expect(elsewhere.caveats.contains { $0.hasPrefix("assumed: cache 'deps (protected)' is one cache across the runners") })
        let same = try #require(try restore(testTags: "[builder]"))
        #expect(!same.caveats.contains { $0.hasPrefix("assumed: cache") }, "one persistent machine: \(same.caveats)")
        let shared = try #require(try restore(testTags: "[]", releaseTags: "[]"))
        #expect(shared.caveats.contains { $0.hasPrefix("assumed: cache 'deps (protected)' outlives the machine that saved it") && $0.hasSuffix("'gitlab-shared' starts a fresh machine for each job, which keeps no cache for the next unless that one is shared") },
                "\(shared.caveats)")
        // Two runners share the key; the test job on the release's own runner plants it with no sharing.
        let repository = try ScratchRepository(files: [".gitlab-ci.yml": """
            default:
              cache: {key: deps, paths: [vendor/]}
            test-freebsd:
              tags: [freebsd]
              script: [pip install -r requirements.txt, pytest]
            test-linux:
              tags: [builder]
              script: [pip install -r requirements.txt, pytest]
            release:
              tags: [builder]
              rules: [{if: $CI_COMMIT_TAG}]
              script: [pip install build twine, python -m build, twine upload dist/*]
            """])
        let model = try InputLoader.load(path: repository.root).model
        #expect(model.assumptions.contains { $0.statement.hasPrefix("cache 'deps (protected)' is one cache across the runners") })
        let release = try #require(try Examples.run("cache-poisoning", on: model).facts.derivation(of: Fact(.exec, NodeID(.job, "release"))))
        #expect(!release.caveats.contains { $0.contains("one cache across the runners") }, "\(release.caveats)")
    }

    /// A variable an earlier job writes into its dotenv report is the pipeline's own, passed on to
    /// the jobs after it (GitLab Docs, *Pass an environment variable to another job*): no CI/CD
    /// secret. A variable the file names nowhere else still is one.
    @Test func aDotenvReportsVariableIsNoSecret() throws {
        let repository = try ScratchRepository(files: [".gitlab-ci.yml": """
            stages: [build, upload]
            build:
              stage: build
              script:
                - make
                - echo "BUILD_JOB_ID=$CI_JOB_ID" >> build.env
              artifacts:
                reports: {dotenv: build.env}
            container:
              stage: build
              script:
                - |
                  docker run -e REGISTRY_PASSWORD=$REGISTRY_PASSWORD builder ./build.sh > build.log
                  echo "IMAGE_TAG=$CI_COMMIT_SHORT_SHA" | tee -a .env
              artifacts:
                reports: {dotenv: .env}
            upload:
              stage: upload
              script:
                - curl --form token=$SCAN_TOKEN https://scan.example/upload?build=$BUILD_JOB_ID&tag=$IMAGE_TAG
                - echo "$REGISTRY_PASSWORD" | docker login -u ci --password-stdin registry.example.org
            """])
        let model = try InputLoader.load(path: repository.root).model
        #expect(model.secrets["BUILD_JOB_ID"] == nil, "the build job's dotenv report defines it")
        #expect(model.secrets["IMAGE_TAG"] == nil, "written through tee, in a block")
        #expect(model.secrets["SCAN_TOKEN"] != nil, "the control: a variable the file does not define is a CI/CD variable")
        #expect(model.secrets["REGISTRY_PASSWORD"] != nil, "the control: a line of the same block that writes elsewhere defines nothing")
    }

    /// An environment whose `url:` is a public registry's package page (Docker Hub, PyPI, npm,
    /// ...) is where its jobs publish: what they deliver is a release others install, a crown
    /// jewel whatever the environment is called. Another page is a target like any other.
    @Test func anEnvironmentWhoseURLIsARegistryPagePublishesThere() throws {
        let repository = try ScratchRepository(files: [".gitlab-ci.yml": """
            stages: [build, release]
            images:
              stage: build
              script: [make images]
              artifacts: {paths: [out/]}
            stable images:
              stage: release
              dependencies: [images]
              environment:
                name: stable/docker_images
                url: https://hub.docker.com/r/acme/app/tags/
              script: [echo "$HUB_PASSWORD" | docker login -u acme --password-stdin, ./pusher out/ acme/app]
            docs site:
              stage: release
              dependencies: [images]
              environment:
                name: stable/docs
                url: https://docs.acme.example/
              script: [./upload-docs out/]
            canary images:
              stage: release
              dependencies: [images]
              environment: {name: canary/docker_images}
              script: [./pusher out/ acme/app:canary]
            latest images:
              stage: release
              dependencies: [images]
              environment: {name: canary/docker_images, url: "https://hub.docker.com/r/acme/app"}
              script: [./pusher out/ acme/app:latest]
            """])
        let model = try InputLoader.load(path: repository.root).model
        #expect(model.resources["stable/docker_images target"]?.criticality == .critical)
        #expect(model.assumptions.contains { $0.subject == NodeID(.resource, "stable/docker_images target") && $0.statement.contains("Docker Hub") })
        #expect(model.resources["stable/docs target"]?.criticality == .high, "the control: a site that is no registry's page")
        #expect(model.resources["canary/docker_images target"]?.criticality == .critical, "a later job's url names the page: whichever job is read first")
    }

    /// The job token pushes only to the project's own registry: an image a job pushes with it is
    /// the project's, however the pipeline spells it (a file variable, a script's assignment), and
    /// the jobs that run it run what any job token may push there.
    @Test func anImagePushedWithTheJobsRegistryCredentialsIsTheProjects() throws {
        func model(login: String) throws -> PipelineModel {
            let repository = try ScratchRepository(files: [".gitlab-ci.yml": """
                variables:
                  CI_IMAGE: registry.example.org/acme/app/ci
                stages: [images, build]
                build-image:
                  stage: images
                  script:
                    - \(login)
                    - IMG="$CI_IMAGE:$IMAGE_TAG"
                    - buildah build -t $IMG .
                    - buildah push $IMG
                dist:
                  stage: build
                  image: $CI_IMAGE:latest
                  script: [meson dist]
                """])
            return try InputLoader.load(path: repository.root).model
        }
        let own = try model(login: "echo \"$CI_REGISTRY_PASSWORD\" | buildah login $CI_REGISTRY -u $CI_REGISTRY_USER --password-stdin")
        #expect(own.jobs["dist"]?.consumes.map(\.artifact.name) == ["image registry.example.org/acme/app/ci:latest"])
        #expect(own.jobs["dist"]?.steps.isEmpty == true, "no third party's image")
        #expect(try Examples.run("artifact-tampering", on: own).reaches("exec job:dist"))
        let elsewhere = try model(login: "buildah login -u $BOT_USER -p $BOT_PASSWORD registry.example.org")
        #expect(elsewhere.jobs["dist"]?.consumes.isEmpty == true, "pushed with other credentials: whose it is is unknown")
        let both = try model(login: "buildah login -u $CI_REGISTRY_USER -p $CI_REGISTRY_PASSWORD $CI_REGISTRY && buildah login -u $V -p $W registry.example.org")
        #expect(both.jobs["dist"]?.consumes.isEmpty == true, "signed in to another registry too")
        let repository = try ScratchRepository(files: [".gitlab-ci.yml": """
            variables:
              IMG: registry.example.org/acme/app/builder
            stages: [images, build]
            build-image:
              stage: images
              script:
                - docker login -u $CI_REGISTRY_USER -p $CI_REGISTRY_PASSWORD $CI_REGISTRY
                - export IMG="$IMG:$CI_COMMIT_SHA"
                - docker image push --platform linux/amd64 $IMG
            dist:
              stage: build
              image: registry.example.org/acme/app/builder:latest
              script: [meson dist]
            """])
        #expect(try InputLoader.load(path: repository.root).model.jobs["dist"]?.consumes.map(\.artifact.name) == ["image registry.example.org/acme/app/builder:latest"],
                "an exported assignment over the file's variable, docker image push past an option's value")
    }

    /// A CI/CD variable the job hands cargo in `CARGO_REGISTRY_TOKEN` is crates.io's upload token,
    /// whatever script uploads; one handed in another variable says nothing of where it goes.
    @Test func aVariableHandedToCargosOwnVariableIsTheCratesIoToken() throws {
        func model(_ variable: String) throws -> PipelineModel {
            let repository = try ScratchRepository(files: [".gitlab-ci.yml": """
                publish:
                  rules: [{if: $CI_COMMIT_TAG}]
                  variables: {\(variable): $CRATES_KEY}
                  script: [./publish.py]
                """])
            return try InputLoader.load(path: repository.root).model
        }
        let cargo = try model("CARGO_REGISTRY_TOKEN")
        #expect(cargo.jobs["publish"]?.role == .release)
        #expect(cargo.identities["registry-token:CRATES_KEY"]?.grants.map(\.target) == [NodeID(.resource, "crates.io")])
        let other = try model("UPLOAD_KEY")
        #expect(other.jobs["publish"]?.role != .release && other.resources["crates.io"] == nil)
    }

    /// An input that names a job of the pipeline hands the included jobs that job (a release
    /// component given the job that builds the tarball): the stand-in job needs it and takes its
    /// artifacts in, and the assumption says so; an input naming no job hands nothing.
    @Test func aComponentsInputThatNamesAJobHandsItThatJob() throws {
        let repository = try ScratchRepository(files: [".gitlab-ci.yml": """
            include:
              - component: gitlab.example.org/acme/templates/release@main
                inputs: {dist-job-name: dist, tarball-path: dist/app.tar.xz, stage: deploy}
            stages: [build, deploy]
            dist:
              stage: build
              script: [meson dist]
              artifacts: {paths: [dist/]}
            """])
        let model = try InputLoader.load(path: repository.root).model
        let included = try #require(model.jobs["included:component:gitlab.example.org/acme/templates/release@main"])
        #expect(included.needs.map(\.name) == ["dist"])
        #expect(included.consumes.map(\.artifact.name) == ["dist artifacts"])
        #expect(model.assumptions.contains { $0.subject == included.id && $0.statement.contains("its inputs hand it job 'dist', whose artifacts it is taken to take in") })
    }

    @Test func aProjectVariableReachesEveryJobEvenOneThatNeverUsesIt() throws {
        let model = try ImportFixtures.load("gitlab-variables").model
        #expect(model.platform == .gitlab)
        #expect(model.secrets["DEPLOY_TOKEN"] != nil)
        #expect(model.assumptions.contains { $0.statement.contains("CI/CD variable 'DEPLOY_TOKEN'") })
        let result = try Examples.run("compromised-build-step", on: model)
        #expect(result.reaches("read secret:DEPLOY_TOKEN"))
        let hop = try #require(result.asset(NodeID(.secret, "DEPLOY_TOKEN"))?.path.last)
        #expect(hop.rule == "job-secrets")
        #expect(hop.why.hasSuffix("for its whole run without naming it (GitLab hands a job every variable its ref and environment may have): any step can read it"),
                "GitLab puts it in the script's environment: \(hop.why)")
    }

    @Test func unlessItIsProtectedAndTheBuildRunsOnUnprotectedRefs() throws {
        let model = try ImportFixtures.load("gitlab-protected").model
        #expect(model.secrets["DEPLOY_TOKEN"]?.protectedBranchesOnly == true)
        #expect(model.jobs["build"]?.triggers.map(\.name) == ["gitlab merge_request"])
        let result = try Examples.run("compromised-build-step", on: model)
        #expect(result.reaches("exec job:build"))
        #expect(!result.reaches("read secret:DEPLOY_TOKEN"))
        // `$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH` holds for pushes to main, for schedules on
        // main and for a pipeline someone runs by hand on main: never for a merge request or a tag.
        #expect(model.jobs["deploy"]?.triggers.map(\.name) == ["gitlab push main", "gitlab schedule", "gitlab web"])
    }

    @Test func anIncludeWithoutAPinnedRefIsAThirdPartyFoothold() throws {
        let model = try ImportFixtures.load("gitlab-includes").model
        #expect(model.jobs["compile"]?.definition?.name == "ci/build.yml")
        let project = try #require(model.definitions["project:platform/ci-templates//templates/release.yml@v3.0.0"])
        #expect(project.pin == .tag)
        #expect(model.definitions["component:gitlab.com/acme/components/scan@main"]?.pin == .branch)
        let result = try Examples.run("compromised-third-party-action", on: model)
        #expect(result.footholds.contains(Fact(.edit, project.id)))
        #expect(result.reaches("exec job:included:project:platform/ci-templates//templates/release.yml@v3.0.0"))
        #expect(result.reaches("read secret:NPM_TOKEN"))
    }

    @Test func anIncludePinnedToACommitIsNot() throws {
        let model = try ImportFixtures.load("gitlab-includes-pinned").model
        let include = try #require(model.definitions.values.first { $0.isExternal })
        #expect(include.pin == .digest)
        let result = try Examples.run("compromised-third-party-action", on: model)
        #expect(!result.reaches("read secret:RELEASE_TOKEN"))
        #expect(model.secrets["NOTHING"] == nil, "variables defined in the file are configuration, not secrets")
    }

    @Test func variablesRulesSetOrCompareAndThoseAParentPassesDownAreNoSecrets() throws {
        let repository = try ScratchRepository(files: [
            ".gitlab-ci.yml": """
                variables: {BUILDER_REGISTRY: registry.example.com/builders}
                workflow:
                  rules:
                    - if: $CI_PIPELINE_SOURCE == "schedule"
                      variables: {PIPELINE_KIND: nightly}
                    - when: always
                build:
                  script: [echo $PIPELINE_KIND $EDITION $RELEASE_SWITCH, deploy --token $DEPLOY_TOKEN --dsn $SENTRY_DSN]
                  rules:
                    - if: $RELEASE_SWITCH == "true" && $DEPLOY_TOKEN && $SENTRY_DSN
                      variables: {EDITION: ee}
                child:
                  trigger: {include: child.yml}
                """,
            "child.yml": "package:\n  script: [pull $BUILDER_REGISTRY/image, upload --key $UPLOAD_API_KEY]\n",
        ])
        let model = try InputLoader.load(path: repository.root).model
        for setting in ["PIPELINE_KIND", "EDITION", "RELEASE_SWITCH", "BUILDER_REGISTRY"] {
            #expect(model.secrets[setting] == nil, "\(setting) is given a value or compared by the pipeline itself")
        }
        #expect(model.secrets["DEPLOY_TOKEN"] != nil, "a credential stays one, compared in a rule or not")
        #expect(model.secrets["SENTRY_DSN"] != nil, "a rule that tests only that it is set says nothing of what it holds")
        #expect(model.secrets["UPLOAD_API_KEY"] != nil)
    }

    @Test func aReferenceToAHiddenKeyGivesAJobItsTagsAndItsCache() throws {
        let repository = try ScratchRepository(files: [".gitlab-ci.yml": """
            .amd64-tags: [distribution-runner, amd64]
            .tag-cache: {key: pkg-cache, paths: [cache]}
            build:
              tags: !reference [.amd64-tags]
              cache: [!reference [.tag-cache]]
              script: [make]
            """])
        let imported = try InputLoader.load(path: repository.root)
        #expect(!imported.diagnostics.contains { $0.message.contains("names nothing") }, "\(imported.diagnostics)")
        let build = try #require(imported.model.jobs["build"])
        #expect(build.runsOn?.name == "self-hosted:amd64,distribution-runner")
        #expect(build.savesCaches.map(\.name) == ["pkg-cache (protected)", "pkg-cache (unprotected)"])
    }

    @Test func saasTagsSelectGitLabsHostedRunnersAndOtherTagsAPersistentPool() throws {
        let repository = try ScratchRepository(files: [".gitlab-ci.yml": """
            hosted:
              script: [make test]
              tags: [saas-linux-small-amd64]
            own:
              script: [make test]
              tags: [windows]
            """])
        let model = try InputLoader.load(path: repository.root).model
        let hosted = try #require(model.jobs["hosted"]?.runsOn.flatMap { model.runners[$0.name] })
        #expect(hosted.hosting == .hosted && hosted.lifecycle == .ephemeral)
        let own = try #require(model.jobs["own"]?.runsOn.flatMap { model.runners[$0.name] })
        #expect(own.hosting == .selfHosted && own.lifecycle == .persistent)
        let runner = try Examples.run("compromised-runner", on: model)
        #expect(runner.footholds.map(\.node) == [own.id], "only the self-hosted pool is a compromised runner's foothold")
    }

    @Test func aManualJobBehindAProtectedEnvironmentNeedsItsApprovers() throws {
        let model = try ImportFixtures.load("gitlab-environment").model
        let job = try #require(model.jobs["deploy-production"])
        #expect(job.environment?.name == "production")
        #expect(job.role == .deploy)
        // One maintainer alone cannot approve their own deployment...
        let insider = try Examples.run("insider-self-approval", on: model)
        #expect(!insider.reaches("read secret:PROD_DB_PASSWORD"))
        // ...but with self-review allowed, they can.
        var lax = model
        lax.environments["production"]?.preventSelfReview = false
        let alone = try Examples.run("insider-self-approval", on: lax)
        #expect(alone.reaches("approve environment:production"))
        #expect(alone.reaches("read secret:PROD_DB_PASSWORD"))
    }

    @Test func cacheKeysAreExpandedPerJobAndAnEntryWithoutFilesCachesNothing() throws {
        let imported = try ImportFixtures.load("gitlab-cache-keys")
        #expect(!imported.hasErrors, "\(imported.diagnostics)")
        let model = imported.model
        let job = { (name: String) in try #require(model.jobs[name]) }
        // `key: $CI_JOB_NAME-pip` from `default:` gives each job its own cache.
        #expect(try job("unit-tests").savesCaches.map(\.name) == ["unit-tests-pip (protected)", "unit-tests-pip (unprotected)"])
        #expect(try job("upload").restoresCaches.map(\.name) == ["upload-pip (protected)", "upload-pip (unprotected)"],
                "a tag pipeline, on an unprotected tag; one run by hand, perhaps for a protected branch")
        // `cache: {}` replaces the default whole and names no files; `inherit: default: [image]` takes the image only.
        #expect(try job("docs").restoresCaches.isEmpty && job("docs").savesCaches.isEmpty)
        #expect(try job("lint").restoresCaches.isEmpty && job("lint").steps.map(\.uses) == ["python:3.12"])
        // `inherit: default: false` takes nothing from `default:`; `${NAME}` is expanded like `$NAME`.
        #expect(try job("audit").steps.isEmpty)
        #expect(try job("audit").restoresCaches.map(\.name) == ["test-audit (protected)", "test-audit (unprotected)"])
        // A key written the same in two jobs is one cache.
        #expect(try job("publish").restoresCaches.map(\.name).contains("shared-wheels (protected)"))
        // A compromised test job: the test saves no cache, so this is no cache-poisoning scenario.
        let testJob = Scenario(id: "hostile-test", title: "A test dependency turns hostile", narrative: "", attacker: "",
                               footholds: [FootholdSelector(target: .jobs, conditions: ["role": ["test"]], pick: .all, level: .write,
                                                            why: "a test dependency runs the attacker's code", location: .implicit("test"))],
                               references: [], location: .implicit("test"))
        let poisoning = Simulation(model: model).run(testJob)
        #expect(poisoning.reaches("exec job:publish"), "the test job saves the cache the publishing job restores")
        #expect(!poisoning.reaches("exec job:upload"), "no test job saves upload's own cache")
    }

    @Test func everyJobMayPushToTheProjectsRegistryAndJobsRunningItsImagesRunWhatWasPushed() throws {
        let model = try ImportFixtures.load("gitlab-project-registry").model
        let registry = NodeID(.resource, "gitlab-container-registry")
        #expect(model.jobs.values.allSatisfy { $0.token?.contains { $0.target == registry && $0.level == .write } == true },
                "CI_REGISTRY_USER is a per-job user with read-write access")
        #expect(model.assumptions.contains { $0.subject == registry })
        let image = "image $CI_REGISTRY_IMAGE/ci:latest"
        #expect(model.artifacts[image]?.store?.name == registry.name)
        #expect(model.artifacts.keys.allSatisfy { !$0.contains("build-images") }, "another project's path under $CI_REGISTRY is not this registry")
        // The rules give the project's path, so its registry's address written out is this registry too.
        #expect(model.jobs["e2e"]?.consumes.map(\.artifact.name) == ["image registry.gitlab.com/acme/widgets/ci:latest"],
                "not acme/other's image")
        // A job that inherits no variables, a value not expanded further, `$$`, and a value too long to put in.
        let variables = try ScratchRepository(files: [".gitlab-ci.yml": """
            variables:
              BASE: registry.example.org/acme
              RAW: {value: "$BASE/raw:1", expand: false}
              HUGE: \(String(repeating: "x", count: 2_000))
              PART: \(String(repeating: "y", count: 200))
              FAN: $PART$PART$PART$PART$PART$PART$PART$PART
            alone:
              inherit: {variables: false}
              image: $BASE/alone:1
              script: [make]
            raw:
              image: $RAW
              script: [make]
            escaped:
              image: registry.example.org/$$BASE/esc:1
              script: [make]
            huge:
              image: $HUGE:1
              script: [make]
            fan:
              image: $FAN$FAN$FAN$FAN:1
              script: [make]
            """])
        let images = try InputLoader.load(path: variables.root).model.jobs.mapValues { $0.steps.map(\.uses) }
        #expect(images["alone"] == ["$BASE/alone:1"], "inherit: variables: false takes none of the file's")
        #expect(images["raw"] == ["$BASE/raw:1"], "expand: false: the value as written")
        #expect(images["escaped"] == ["registry.example.org/$BASE/esc:1"], "$$ is a literal $")
        #expect(images["huge"] == ["$HUGE:1"], "a name longer than 1 KB is not made")
        #expect(images["fan"] == ["$FAN$FAN$FAN$FAN:1"], "nor one that fans out past it")
        // The runner puts the file's variables into an image's name, a variable naming another in turn.
        #expect(model.jobs["docs"]?.consumes.map(\.artifact.name) == ["image registry.gitlab.com/acme/widgets/ci:docs"])
        // The project's own images are no third party's code; another project's are.
        let thirdParty = try Examples.run("compromised-third-party-action", on: model)
        #expect(Set(thirdParty.footholds.map(\.node.name)) == ["ci-image", "e2e", "lint"],
                "docker:27, acme/other's database and $CI_REGISTRY/acme/build-images, not the project's ci images")
        // A compromised test job: the test saves no cache, so this is no cache-poisoning scenario.
        let testJob = Scenario(id: "hostile-test", title: "A test dependency turns hostile", narrative: "", attacker: "",
                               footholds: [FootholdSelector(target: .jobs, conditions: ["role": ["test"]], pick: .all, level: .write,
                                                            why: "a test dependency runs the attacker's code", location: .implicit("test"))],
                               references: [], location: .implicit("test"))
        let poisoning = Simulation(model: model).run(testJob)
        #expect(poisoning.facts.has(.write, NodeID(.artifact, image)))
        #expect(poisoning.reaches("exec job:package"), "the tag pipeline runs the image the test job replaced")
        #expect(!poisoning.reaches("exec job:sign"), "an image pinned by digest cannot be replaced")
        // The hop into the registry rests on an assumption, and says so; settled, it does not.
        let push = Fact(.access, registry, .write)
        #expect(poisoning.facts.derivation(of: push)?.caveats.contains { $0.hasPrefix("assumed: the project's container registry") } == true)
        var settled = model
        settled.assumptions.removeAll { $0.subject == registry }
        #expect(Simulation(model: settled).run(testJob).facts.derivation(of: push)?.caveats.contains { $0.hasPrefix("assumed:") } == false)
        let plain = try ImportFixtures.load("gitlab-structure").model
        #expect(plain.resources[registry.name] == nil, "a pipeline that never names its registry gets none")
    }

    /// GitLab Docs, "Protected container repositories": by default anyone with the Developer
    /// role pushes images to the project's registry. Someone who pushes a branch holds it from
    /// the start, so their pipeline's job token reaching it is no escalation.
    @Test func aDeveloperHoldsTheProjectsRegistryWithoutThePipeline() throws {
        let model = try ImportFixtures.load("gitlab-project-registry").model
        let registry = NodeID(.resource, "gitlab-container-registry")
        #expect(model.resources[registry.name]?.writableByPushers == true)
        #expect(model.assumptions.contains { $0.subject == registry && $0.statement.contains("anyone with the Developer role") })
        let insider = try Examples.run("poisoned-pipeline-definition", on: model)
        // The rewritten file's jobs run whatever its rules say, in GitLab's words.
        let first = try #require(model.jobs.values.map(\.id).sorted().first)
        let rewritten = try #require(insider.facts.derivation(of: Fact(.exec, first, .unprotected)))
        #expect(rewritten.why.hasSuffix("whatever the file's `rules:` said)"), "\(rewritten.why)")
        let held = try #require(insider.reached.first { $0.node == registry })
        #expect(held.foothold, "their own access, not the pipeline's")
        #expect(!insider.crownJewels.contains(registry))
        #expect(insider.facts.derivation(of: Fact(.access, registry, .write))?.why.contains("with their own credentials") == true)
        // What they may push there is assumed (no protection rule known): the start says so, and
        // so does every path from it.
        #expect(insider.facts.derivation(of: Fact(.access, registry, .write))?.caveats
            .contains { $0.hasPrefix("assumed: the project's container registry is enabled") } == true)
        // A protection rule that keeps Developers out, said in the context file: the job token
        // of the pipeline they start is how they reach it.
        let pipeline = try String(contentsOfFile: ImportFixtures.path("gitlab-project-registry") + "/.gitlab-ci.yml", encoding: .utf8)
        let repository = try ScratchRepository(files: [".gitlab-ci.yml": pipeline, "firebreak.context.yml": """
            firebreak: 1
            resources:
              gitlab-container-registry: {type: registry, criticality: critical, writableByPushers: false}
            """])
        let protected = try InputLoader.load(path: repository.root).model
        #expect(protected.resources[registry.name]?.writableByPushers == false)
        let through = try Examples.run("poisoned-pipeline-definition", on: protected)
        #expect(through.reached.contains { $0.node == registry && !$0.foothold })
        #expect(through.facts.derivation(of: Fact(.access, registry, .write))?.rule == "identity-grants")
        // An outsider's scenario does not start with it.
        let thirdParty = try Examples.run("compromised-third-party-action", on: model)
        #expect(!thirdParty.footholds.contains { $0.node == registry })
    }

    /// The project's path is the one its rules tell it from its forks by, in a job's rules or a
    /// template's, compared equal or not: an image at that path on a registry is the project's.
    @Test func aTemplatesProjectPathComparisonMakesTheAddressTheProjectsRegistry() throws {
        func consumed(_ condition: String) throws -> [String] {
            let repository = try ScratchRepository(files: [".gitlab-ci.yml": """
                .origin-only:
                  rules:
                    - if: \(condition)
                      when: never
                    - when: on_success
                build:
                  image: registry.example.org/acme/app/builder:v4
                  script: [make]
                """])
            return try InputLoader.load(path: repository.root).model.jobs["build"]?.consumes.map(\.artifact.name) ?? []
        }
        #expect(try consumed(#"$CI_PROJECT_PATH != "acme/app""#) == ["image registry.example.org/acme/app/builder:v4"])
        #expect(try consumed(#"$CI_PROJECT_PATH == "ACME/app" && $CI_COMMIT_TAG"#) == ["image registry.example.org/acme/app/builder:v4"])
        // The control: another project's path names another project's images.
        #expect(try consumed(#"$CI_PROJECT_PATH != "acme/other""#).isEmpty)
    }

    /// A variable that only names a job's image or environment is how the runner finds them,
    /// printed in the job log: not a credential. One the script reads may be.
    @Test func aVariableNamingOnlyTheImageOrEnvironmentIsNoSecret() throws {
        let repository = try ScratchRepository(files: [".gitlab-ci.yml": """
            deploy:
              image: ${BUILDER}
              environment: {name: review/$SLOT, url: "https://$PREVIEW_SITE"}
              script: [./deploy.sh --token "$DEPLOY_TOKEN"]
            """])
        let model = try InputLoader.load(path: repository.root).model
        #expect(model.secrets.keys.sorted() == ["DEPLOY_TOKEN"], "\(model.secrets.keys.sorted())")
    }

    /// GitLab Docs, "Run pipelines in the parent project for merge requests from a forked
    /// project": a pipeline that reads the merge request's source project is written for forks'
    /// merge requests, which a maintainer may run here. Taken to run in the fork (the default),
    /// and said where the outsider's scenario stops.
    @Test func aPipelineWrittenForForkMergeRequestsSaysWhereTheyAreTakenToRun() throws {
        let pipeline = """
            test:
              script:
                - git fetch "$CI_MERGE_REQUEST_SOURCE_PROJECT_URL" "$CI_MERGE_REQUEST_SOURCE_BRANCH_NAME"
                - make check
              rules:
                - if: $CI_PIPELINE_SOURCE == "merge_request_event"
            """
        let repository = try ScratchRepository(files: [".gitlab-ci.yml": pipeline])
        let model = try InputLoader.load(path: repository.root).model
        let assumption = try #require(model.assumptions.first { $0.statement.hasPrefix("the pipeline reads the merge request's source project") })
        #expect(assumption.location.line == 3)
        let text = SimulationText(model: model, results: [try Examples.run("malicious-fork-pr", on: model)],
                                  assumptions: Simulation(model: model).assumptions).text
        #expect(text.contains("nothing beyond where it starts: actor:anyone\n    note: assumed: the pipeline reads the merge request's source project"), "\(text)")
        // Said to run here, the fork's code does: nothing left to assume.
        let parent = try ScratchRepository(files: [".gitlab-ci.yml": pipeline,
                                                   "firebreak.context.yml": "firebreak: 1\nrepository: {name: acme/app, forkPullRequests: {secrets: true}}\n"])
        let settled = try InputLoader.load(path: parent.root).model
        #expect(!settled.assumptions.contains { $0.statement.hasPrefix("the pipeline reads the merge request's source project") })
        #expect(try Examples.run("malicious-fork-pr", on: settled).reaches("exec job:test untrusted"), "the fork's code runs here")
    }

    @Test func theHopIntoAVariableSaysWhenItsScopeIsAssumed() throws {
        let model = try ImportFixtures.load("gitlab-cache-keys").model
        let token = Fact(.read, NodeID(.secret, "PYPI_TOKEN"))
        let hop = try #require(try Examples.run("compromised-build-step", on: model).facts.derivation(of: token))
        #expect(hop.rule == "job-secrets")
        #expect(hop.caveats.contains { $0.hasPrefix("assumed: CI/CD variable 'PYPI_TOKEN' is neither protected nor environment-scoped") })
        // Settled (here by taking the assumption away), the hop has nothing to say.
        var settled = model
        settled.assumptions.removeAll { $0.subject == token.node }
        let plain = try #require(try Examples.run("compromised-build-step", on: settled).facts.derivation(of: token))
        #expect(!plain.caveats.contains { $0.hasPrefix("assumed:") })
    }

    @Test func aLocalIncludeThatClimbsOutIsAnError() throws {
        let imported = try ImportFixtures.load("gitlab-escape")
        let error = try #require(imported.diagnostics.first { $0.severity == .error })
        #expect(error.message.contains("climbs out of the repository"))
        #expect(error.location.line == 2)
        #expect(imported.model.jobs["build"] != nil)
    }

    @Test func extendsDefaultsAnchorsReferencesRulesCachesAndArtifacts() throws {
        let imported = try ImportFixtures.load("gitlab-structure")
        #expect(!imported.hasErrors, "\(imported.diagnostics)")
        let model = imported.model
        let test = try #require(model.jobs["test"])
        #expect(test.runsOn?.name == "linux-pool")
        // Merge requests and tags; a pipeline run by hand may be for a tag too.
        #expect(Set(test.triggers.map(\.name)) == ["gitlab merge_request", "gitlab tag", "gitlab web"])
        #expect(test.steps.map(\.uses) == ["node:20"])
        #expect(Set(test.savesCaches.map(\.name)) == ["npm (protected)", "npm (unprotected)"],
                "merge requests and unprotected tags share the unprotected cache; a pipeline run by hand may be for a protected branch")
        #expect(model.secrets["SHARED_SECRET"] != nil, "a !reference into an included file is followed")
        #expect(model.secrets["NODE_ENV"] == nil && model.secrets["IMAGE"] == nil)
        let release = try #require(model.jobs["release"])
        #expect(release.oidc)
        #expect(release.steps.first?.pin == .digest)
        #expect(release.restoresCaches.map(\.name) == ["npm (unprotected)"], "a tag is unprotected unless a rule protects it, so its pipeline uses the unprotected cache")
        #expect(release.consumes.map(\.artifact.name) == ["test artifacts"])
        #expect(model.edges.contains { $0.kind == .trusts && $0.from == NodeID(.identity, "release-role") && $0.to == release.id })
        // A compromised test job: the test saves no cache, so this is no cache-poisoning scenario.
        let testJob = Scenario(id: "hostile-test", title: "A test dependency turns hostile", narrative: "", attacker: "",
                               footholds: [FootholdSelector(target: .jobs, conditions: ["role": ["test"]], pick: .all, level: .write,
                                                            why: "a test dependency runs the attacker's code", location: .implicit("test"))],
                               references: [], location: .implicit("test"))
        let poisoning = Simulation(model: model).run(testJob)
        #expect(poisoning.facts.best(.exec, NodeID(.job, "release")) == .unprotected, "the release's tag pipeline, on an unprotected tag")
        let fork = try Examples.run("malicious-fork-pr", on: model)
        #expect(!fork.reaches("exec job:test untrusted"), "by default a fork's merge request pipeline runs in the fork project")
        #expect(!fork.reaches("read secret:NPM_PUBLISH_TOKEN"), "a fork's merge request pipeline gets no variables")
        var parentRuns = model
        parentRuns.repository.forkPullRequestsGetSecrets = true
        let inParent = try Examples.run("malicious-fork-pr", on: parentRuns)
        #expect(inParent.reaches("exec job:test untrusted"), "a parent project that runs fork pipelines itself runs the fork's code")
        #expect(inParent.reaches("read secret:SHARED_SECRET"), "...with its unprotected variables")
        parentRuns.secrets["SHARED_SECRET"]?.protectedBranchesOnly = true
        #expect(!(try Examples.run("malicious-fork-pr", on: parentRuns).reaches("read secret:SHARED_SECRET")),
                "a merge request pipeline never receives a protected variable")
    }

    @Test func aRepositoryWithBothPlatformsYieldsOneModel() throws {
        let model = try ImportFixtures.load("gitlab-mixed").model
        #expect(model.jobs["lint"] != nil)
        #expect(model.jobs["ci/test"] != nil)
        #expect(model.definitions[".gitlab-ci.yml"] != nil && model.definitions[".github/workflows/ci.yml"] != nil)
        // Each platform's secrets reach its own jobs only.
        let secretsOf = { (job: String) in Set(model.jobs[job].map { model.exposedSecrets(to: $0).map(\.secret.name) } ?? []) }
        #expect(secretsOf("lint") == ["REGISTRY_TOKEN"], "a CI/CD variable reaches every GitLab job, never a GitHub secret")
        #expect(secretsOf("ci/publish") == ["GH_PUBLISH_TOKEN"], "a GitHub job receives the secrets it names, never a GitLab variable")
        #expect(secretsOf("ci/test").isEmpty)
        // Runners serve their own platform's jobs.
        #expect(model.runners["self-hosted:docker"]?.platform == .gitlab)
        #expect(model.runners["github-hosted"]?.platform == .github)
    }
}

/// `rules: if:` evaluated on each kind of pipeline with GitLab's predefined variables.
@Suite struct GitLabRulesTests {
    @Test(arguments: [
        ("$CI_PIPELINE_SOURCE == \"merge_request_event\"", "mr"),
        ("$CI_PIPELINE_SOURCE != \"merge_request_event\"", "*,tag,schedule,web"),
        ("$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH", "$CI_DEFAULT_BRANCH,schedule,web"),
        // The default branch's name is the model's, unknown here: it might be "release".
        ("$CI_COMMIT_BRANCH == \"release\" || $CI_COMMIT_TAG", "$CI_DEFAULT_BRANCH,release,tag,schedule,web"),
        ("$CI_COMMIT_TAG =~ /^v\\d+/", "tag,web"),
        ("$CI_COMMIT_BRANCH && $CI_COMMIT_BRANCH != $CI_DEFAULT_BRANCH", "*,web"),
        ("$CI_MERGE_REQUEST_IID && $CI_MERGE_REQUEST_TARGET_BRANCH_NAME == \"main\"", "mr"),
        ("$CI_PIPELINE_SOURCE == \"schedule\"", "schedule"),
        ("($CI_PIPELINE_SOURCE == \"push\" && $CI_COMMIT_REF_PROTECTED == \"true\")", "*,tag,protected,protected-tags"),
        ("$CI_COMMIT_TAG && $CI_COMMIT_REF_PROTECTED == \"true\"", "tag,web,protected-tags"),
        ("$CI_COMMIT_BRANCH == (", "everything"),
    ])
    func admits(_ row: (String, String)) {
        let runs = GitLabRuns.condition(row.0)
        var kinds = runs.branches
        if runs.tags { kinds.append("tag") }
        if runs.mergeRequests { kinds.append("mr") }
        if runs.schedules { kinds.append("schedule") }
        if runs.manual { kinds.append("web") }
        if runs.protectedOnly { kinds.append("protected") }
        if runs.protectedTagsOnly { kinds.append("protected-tags") }
        let expected = row.1 == "everything" ? ["*", "tag", "mr", "schedule", "web"] : row.1.split(separator: ",").map(String.init)
        #expect(kinds == expected, "\(row.0)")
    }
}

/// Names a script sets itself are not CI/CD variables (GitLab Docs: "CI/CD variables"; the
/// shell and PowerShell set the rest).
@Suite struct GitLabVariableTests {
    @Test func matrixKeysLoopsArraysAndPowerShellNamesAreNotSecrets() throws {
        let model = try ImportFixtures.load("gitlab-nonsecrets").model
        #expect(model.secrets.keys.sorted() == ["DEPLOY_TARGETS", "UPLOAD_TOKEN"])
    }

    /// A prefix GitLab or a tool uses does not make a password theirs: only the credentials
    /// GitLab documents as predefined are left out.
    @Test func credentialsNamedLikePredefinedVariablesAreStillSecrets() throws {
        let ci = """
        release:
          script:
            - docker login -u bot -p "$DOCKER_HUB_PASSWORD" && docker login -p "$CI_REGISTRY_PASSWORD_CANONICAL"
            - echo "$CI_JOB_TOKEN $CI_REGISTRY_PASSWORD $CI_PROJECT_PATH $DOCKER_HOST $GITLAB_USER_LOGIN $CI_DEPLOY_KEY"
        """
        let repository = try ScratchRepository(files: [".gitlab-ci.yml": ci])
        let model = try InputLoader.load(path: repository.root).model
        #expect(model.secrets.keys.sorted() == ["CI_DEPLOY_KEY", "CI_REGISTRY_PASSWORD_CANONICAL", "DOCKER_HUB_PASSWORD"])
    }

    /// A CI/CD variable is found where the job names it: a script's line and column, inside a
    /// block too, or the job's own variable set from it; the job's header only when neither.
    @Test func aProjectVariableIsPlacedWhereTheJobNamesIt() throws {
        let repository = try ScratchRepository(files: [".gitlab-ci.yml": """
            .bridge:
              variables:
                GITLAB_TOKEN: $BRIDGE_TOKEN
              script:
                - mage bridge
            bridge:
              extends: .bridge
            scan:
              script:
                - |
                  mkdir -p /opt
                  curl --form token=$SCAN_TOKEN https://scan.example.com/upload
            """])
        let model = try InputLoader.load(path: repository.root).model
        let bridge = try #require(model.secrets["BRIDGE_TOKEN"]).location
        #expect((bridge.line, bridge.column) == (3, 20), "\(bridge)")
        let scan = try #require(model.secrets["SCAN_TOKEN"]).location
        #expect((scan.line, scan.column) == (12, 26), "\(scan)")
    }
}

@Suite struct HostileCIFileTests {
    /// Nine levels of ten aliases would be a billion script lines if followed; the file is refused
    /// with a located error once its expansion passes the bound (an unbounded walk would not end).
    @Test func aliasBombInAScriptIsBounded() throws {
        var lines = ["x0: &x0 [a, a, a, a, a, a, a, a, a, a]"]
        for level in 1...8 {
            lines.append("x\(level): &x\(level) [" + Array(repeating: "*x\(level - 1)", count: 10).joined(separator: ", ") + "]")
        }
        lines.append("build:\n  script: *x8")
        let file = try temporaryFile(named: ".gitlab-ci.yml", contents: lines.joined(separator: "\n") + "\n")
        let imported = try InputLoader.load(path: (file as NSString).deletingLastPathComponent)
        #expect(imported.model.jobs["build"] == nil)
        #expect(imported.diagnostics.contains { $0.severity == .error && $0.message.contains("expands through its aliases") && $0.location.line == 1 })
    }

    @Test func aliasBombInAWorkflowIsBounded() throws {
        var lines = ["x0: &x0 [a, a, a, a, a, a, a, a, a, a]"]
        for level in 1...8 {
            lines.append("x\(level): &x\(level) [" + Array(repeating: "*x\(level - 1)", count: 10).joined(separator: ", ") + "]")
        }
        lines.append("on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    env: {BOMB: *x8}\n    steps: [{run: make}]")
        let folder = (try temporaryFile(named: ".keep", contents: "") as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: "\(folder)/.github/workflows", withIntermediateDirectories: true)
        try (lines.joined(separator: "\n") + "\n").write(toFile: "\(folder)/.github/workflows/bomb.yml", atomically: true, encoding: .utf8)
        let imported = try InputLoader.load(path: folder)
        #expect(imported.model.jobs["bomb/build"] == nil)
        #expect(imported.diagnostics.contains { $0.severity == .error && $0.message.contains("expands through its aliases") })
    }

    /// Every CI/CD variable reaches every job, but the model does not copy all of them into every
    /// job: 3,000 jobs naming 3,000 variables took 149 s and 3.8 GB before.
    @Test func manyJobsWithDistinctVariablesStayLinear() throws {
        let text = (0..<3000).map { "job\($0):\n  script: [\"make VAR=$VAR_\($0)\"]" }.joined(separator: "\n") + "\n"
        let file = try temporaryFile(named: ".gitlab-ci.yml", contents: text)
        let model = try InputLoader.load(path: (file as NSString).deletingLastPathComponent).model
        #expect(model.secrets.count == 3000)
        #expect(model.jobs.values.map(\.secrets.count).reduce(0, +) <= 3000)
        let job = try #require(model.jobs["job0"])
        #expect(model.exposedSecrets(to: job).count == 3000, "GitLab hands every unprotected variable to every job")
    }

    /// One included file under several spellings is read once.
    @Test func oneIncludeUnderManySpellingsIsOneFile() throws {
        let root = (try temporaryFile(named: ".gitlab-ci.yml", contents: """
            include:
              - local: ./ci/x.yml
              - local: .//ci/x.yml
              - local: ci//./x.yml
              - local: /ci/x.yml
            main:
              script: [make]
            """) as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: root + "/ci", withIntermediateDirectories: true)
        try "x:\n  script: [make]\n".write(toFile: root + "/ci/x.yml", atomically: true, encoding: .utf8)
        let result = try InputLoader.load(path: root)
        #expect(!result.hasErrors, "\(result.diagnostics)")
        #expect(result.model.definitions.keys.filter { $0.hasSuffix("x.yml") } == ["ci/x.yml"])
        #expect(result.model.jobs["x"] != nil)
    }
}

/// GitLab's YAML reader keeps the later of two entries with the same key and merges each
/// repeated `<<`; the import reads such a file the same way instead of refusing it.
@Suite struct GitLabDuplicateKeyTests {
    @Test func theLaterEntryHoldsAndEachOverriddenOneIsAWarning() throws {
        let result = try ImportFixtures.load("gitlab-duplicates")
        #expect(!result.diagnostics.contains { $0.severity == .error }, "\(result.diagnostics)")
        let warnings = result.diagnostics.filter { $0.severity == .warning && $0.message.contains("appears again later") }
        #expect(warnings.map(\.location.line).sorted() == [12, 15], "the first script of build and the first release job")
        let model = result.model
        // build's later script uses BUILD_UPLOAD_TOKEN; the second release job replaces the first.
        #expect(model.secrets["BUILD_UPLOAD_TOKEN"] != nil)
        #expect(model.secrets["SECOND_RELEASE_TOKEN"] != nil && model.secrets["RELEASE_TOKEN"] == nil)
        let release = try #require(model.jobs["release"])
        #expect(release.triggers.map(\.name) != ["gitlab tag"], "the first release's merged rules went with it")
    }

    @Test func aRepeatedMergeKeyMergesBoth() throws {
        let text = """
            .a: &a {image: docker:24}
            .b: &b {rules: [{if: $CI_COMMIT_TAG}]}
            job:
              <<: *a
              <<: *b
              script: [./publish.sh]
            """
        let (documents, warnings) = try YAMLSource.parseDocumentsKeepingLastDuplicate(text, file: "ci.yml")
        #expect(warnings.count == 1 && warnings[0].message.contains("merges more than once") && warnings[0].help?.contains("<<: [*first, *second]") == true)
        let job = try #require(documents.last?.value("job"))
        #expect(job.gitlabEntries.map(\.key).sorted() == ["image", "rules", "script"])
    }

    @Test func aGitHubWorkflowWithADuplicateKeyIsStillRefused() throws {
        let repository = try ScratchRepository(files: [".github/workflows/ci.yml": """
            on: push
            jobs:
              build: {runs-on: ubuntu-latest, steps: [{run: make}]}
              build: {runs-on: ubuntu-latest, steps: [{run: make test}]}
            """])
        let result = try InputLoader.load(path: repository.root)
        #expect(result.diagnostics.contains { $0.severity == .error && $0.message.contains("duplicate name 'build'") },
                "GitHub refuses a workflow with a duplicate key: \(result.diagnostics)")
    }
}

/// A remote include whose URL names a full commit serves what that commit holds: its owner
/// cannot change it. One whose URL names a branch can be.
@Suite struct GitLabRemoteIncludePinTests {
    @Test func aCommitInTheURLPinsARemoteInclude() throws {
        let pinned = "https://gitlab.freedesktop.org/freedesktop/ci-templates/-/raw/a4eb2bbf5e0f1e2d3c4b5a69788796a5b4c3d2e1/templates/fedora.yml"
        let moving = "https://gitlab.freedesktop.org/freedesktop/ci-templates/-/raw/main/templates/ci-fairy.yml"
        let repository = try ScratchRepository(files: [".gitlab-ci.yml": """
            include:
              - remote: '\(pinned)'
              - remote: '\(moving)'
            build:
              script: [make]
            """])
        let model = try InputLoader.load(path: repository.root).model
        #expect(model.definitions["remote:\(pinned)"]?.pin == .digest)
        #expect(model.definitions["remote:\(moving)"]?.pin == PinState.none)
        let result = try Examples.run("compromised-third-party-action", on: model)
        #expect(result.footholds.contains { $0.node.name.contains("ci-fairy") })
        #expect(!result.footholds.contains { $0.node.name.contains("fedora") })
    }
}

/// GitLab's own templates ship with the GitLab release: no third party moves them. Scanners and
/// pipeline rules add no job that runs the code; Auto DevOps, deploy and Pages templates do.
@Suite struct GitLabTemplateIncludeTests {
    @Test func gitLabsTemplatesAreNotAThirdPartysAndWorkflowTemplatesDefineNoJob() throws {
        let repository = try ScratchRepository(files: [".gitlab-ci.yml": """
            include:
              - template: Security/SAST.gitlab-ci.yml
              - template: Workflows/Branch-Pipelines.gitlab-ci.yml
              - template: Auto-DevOps.gitlab-ci.yml
              - project: vendor/ci
                file: release.yml
                ref: main
            default: {tags: [docker]}
            build:
              script: [make]
            """])
        let model = try InputLoader.load(path: repository.root).model
        #expect(model.jobs["included:project:vendor/ci/release.yml@main"]?.runsOn?.name == model.jobs["build"]?.runsOn?.name,
                "an included job takes the file's default tags as the others do")
        #expect(model.jobs.keys.filter { $0.hasPrefix("included:template:") } == ["included:template:Auto-DevOps.gitlab-ci.yml"],
                "scanners and pipeline rules add no job that runs the code; Auto DevOps deploys it")
        #expect(model.definitions["template:Auto-DevOps.gitlab-ci.yml"]?.pin == .digest, "it moves only with the GitLab release")
        // Neither file is fetched: that their jobs are unknown is said, GitLab's template's too
        // (Auto DevOps builds, publishes and deploys); the scanners' and pipeline rules' are not.
        let unread = model.assumptions.filter { $0.statement.contains("adds are not read") }
        #expect(unread.compactMap(\.subject).sorted() == [NodeID(.job, "included:project:vendor/ci/release.yml@main"),
                                                  NodeID(.job, "included:template:Auto-DevOps.gitlab-ci.yml")].sorted())
        #expect(unread.contains { $0.statement.hasPrefix("the jobs that GitLab's template 'Auto-DevOps.gitlab-ci.yml' adds are not read") })
        let result = try Examples.run("compromised-third-party-action", on: model)
        #expect(result.footholds.map(\.node.name).filter { $0.hasPrefix("included:") } == ["included:project:vendor/ci/release.yml@main"])
    }
}

/// GitLab publishes a project's Pages site from whatever ref runs its `pages` job: a Developer
/// who rewrites the job's rules on a branch publishes the site.
@Suite struct GitLabPagesTests {

    /// GitLab publishes the `pages` job's `public` folder: what the job takes in from earlier
    /// jobs is what the site serves. The build's output, copied into the documentation another
    /// job produces, is published two jobs from the build.
    @Test func whatThePagesJobTakesInIsPublishedAndABuildsOutputReachesItThroughTheDocs() throws {
        // The docs job copies the build's output (`needs: [build]`), or builds its own (`needs: []`).
        func pipeline(reference needs: String, _ script: String) throws -> PipelineModel {
            let repository = try ScratchRepository(files: [".gitlab-ci.yml": """
                stages: [build, docs, deploy]
                build:
                  stage: build
                  script: [meson setup _build, ninja -C _build]
                  artifacts: {paths: [_build]}
                reference:
                  stage: docs
                  needs: \(needs)
                  script: [\(script)]
                  artifacts: {paths: [references]}
                pages:
                  stage: deploy
                  needs: [reference]
                  script: [mv references public]
                  artifacts: {paths: [public]}
                """])
            return try InputLoader.load(path: repository.root).model
        }
        let model = try pipeline(reference: "[build]", "cp -r _build/doc/html references")
        let site = NodeID(.resource, "gitlab-pages")
        #expect(model.jobs["pages"]?.consumes.map { "\($0.artifact.name) \($0.use.rawValue) \($0.deploysTo?.name ?? "-")" } == ["reference artifacts deploy gitlab-pages", "pages artifacts deploy gitlab-pages"])
        let result = try Examples.run("compromised-build-step", on: model)
        let hop = try #require(result.facts.derivation(of: Fact(.write, NodeID(.artifact, "reference artifacts"))))
        #expect(hop.rule == "artifact-pass-through")
        #expect(hop.caveats.contains { $0.hasPrefix("assumed: job 'reference' passes what it takes from 'build artifacts' on") })
        #expect(result.crownJewels.contains(site), "the build's output, through the docs job, is the site")
        #expect(result.facts.derivation(of: Fact(.access, site, .deploy))?.rule == "artifact-deploy")
        // A docs job that builds its own pages from the repository takes nothing in from the build.
        let apart = try Examples.run("compromised-build-step", on: try pipeline(reference: "[]", "mkdocs build -d references"))
        #expect(!apart.reaches("write artifact:reference artifacts"))
        #expect(!apart.crownJewels.contains(site))
        // A pages job that builds its site itself, handed every earlier stage's artifacts unasked,
        // does not publish them.
        let unasked = try ScratchRepository(files: [".gitlab-ci.yml": """
            build:
              stage: build
              script: [make]
              artifacts: {paths: [bin]}
            pages:
              stage: deploy
              script: [mkdocs build --site-dir public]
              artifacts: {paths: [public]}
            """])
        let own = try InputLoader.load(path: unasked.root).model
        #expect(own.jobs["pages"]?.consumes.map(\.use) == [.data, .deploy], "its own output only is deployed")
        #expect(!(try Examples.run("compromised-build-step", on: own).crownJewels.contains(site)))
        // ... but one whose build wrote `public/`, handed over unasked, publishes it.
        let built = try ScratchRepository(files: [".gitlab-ci.yml": """
            build:
              stage: build
              script: [npm ci, npm run build -- --outDir public]
              artifacts: {paths: [public]}
            pages:
              stage: deploy
              script: [echo publishing]
              artifacts: {paths: [public]}
            """])
        let site2 = try InputLoader.load(path: built.root).model
        #expect(site2.jobs["pages"]?.consumes.map(\.use) == [.deploy, .deploy])
        #expect(try Examples.run("compromised-build-step", on: site2).crownJewels.contains(site))
    }

    @Test func thePagesJobDeploysTheSiteAndABranchRewriteReachesIt() throws {
        let repository = try ScratchRepository(files: [".gitlab-ci.yml": """
            pages:
              stage: deploy
              script: [mkdocs build -d public]
              artifacts: {paths: [public]}
              rules:
                - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
            docs:
              stage: test
              script: [mkdocs build -d site]
            """])
        let model = try InputLoader.load(path: repository.root).model
        #expect(model.resources["gitlab-pages"]?.production == true)
        #expect(model.jobs["pages"]?.role == .deploy)
        #expect(model.jobs["docs"]?.token?.contains { $0.target == NodeID(.resource, "gitlab-pages") } == false)
        let result = try Examples.run("poisoned-pipeline-definition", on: model)
        #expect(result.crownJewels.contains(NodeID(.resource, "gitlab-pages")))
        // The run deploys what it made: no token does, and the site stays (no time limit on it).
        let site = try #require(result.asset(NodeID(.resource, "gitlab-pages")))
        #expect(site.path.last?.rule == "artifact-deploy" && !site.path.contains { $0.rule == "job-token" } && !site.timeBounded, "\(site.path)")
        #expect(model.jobs["pages"]?.token?.contains { $0.target == NodeID(.resource, "gitlab-pages") } == false)
        // The rewrite drops the job's rules too: the hop says the branch's push starts it.
        let rewritten = try #require(site.path.first { $0.rule == "poisoned-pipeline" })
        #expect(rewritten.why.contains("triggers included"), "\(rewritten.why)")
        // No GitLab setting makes one job's token read-only: the advisor does not propose it.
        let advice = FixAdvisor(model: model, scenarios: try Examples.library().scenarios).advise()
        #expect(!advice.candidates.contains { $0.change.kind == .readOnlyToken })
        #expect(advice.remaining.contains { $0.crownJewel == NodeID(.resource, "gitlab-pages") && $0.uncontrolled })
    }
}

/// GitLab takes the first rule that matches: a `when: never` rule for tags keeps tag pipelines
/// from the rules after it, whether written in the job or spliced in with `!reference`.
@Suite struct GitLabRuleOrderTests {
    @Test func aNeverRuleForTagsKeepsTheJobOutOfTagPipelines() throws {
        let repository = try ScratchRepository(files: [".gitlab-ci.yml": """
            .filter-rules:
              rules:
                - if: $CI_COMMIT_TAG
                  when: never
            .only-default:
              rules:
                - !reference [.filter-rules, rules]
                - when: on_success
            build:
              extends: .only-default
              script: [make]
            inline:
              rules:
                - if: $CI_COMMIT_TAG
                  when: never
                - when: always
              script: [make check]
            release:
              rules:
                - if: $CI_COMMIT_TAG
              script: [make release]
            whole:
              rules: !reference [.only-default, rules]
              script: [make docs]
            """])
        let model = try InputLoader.load(path: repository.root).model
        func events(_ job: String) -> Set<Trigger.Event> { Set(model.jobs[job]?.triggers.compactMap { model.triggers[$0.name]?.event } ?? []) }
        #expect(!events("build").contains(.tag))
        #expect(events("build").contains(.push))
        #expect(!events("inline").contains(.tag))
        #expect(events("whole").contains(.push) && !events("whole").contains(.tag), "a whole rules list taken from another key")
        #expect(events("release").contains(.tag) && !events("release").contains(.push))
    }

    /// `except:` takes pipelines away from `only:` or from its default of branches and tags
    /// (GitLab Docs, *`only` and `except`*); `only: [branches]` matches every pipeline whose ref
    /// is a branch, scheduled ones too. What cannot be taken away exactly (a branch from every
    /// branch, a condition on variables) stays.
    @Test func exceptTakesPipelinesAwayFromOnlyOrItsDefault() throws {
        let repository = try ScratchRepository(files: [".gitlab-ci.yml": """
            nightly-free:
              except: [schedules]
              script: [make]
            lint:
              except:
                refs: [tags]
              script: [make lint]
            branches-only:
              only: [branches]
              script: [make check]
            branch-jobs:
              only: [branches]
              except: [schedules, main]
              script: [make check]
            by-variable:
              except:
                variables: [$SKIP_BUILD]
              script: [make]
            release:
              only: [/^v\\d+\\.\\d+$/]
              except: [branches]
              script: [make release]
            everywhere:
              script: [make]
            """])
        let model = try InputLoader.load(path: repository.root).model
        func events(_ job: String) -> Set<Trigger.Event> { Set(model.jobs[job]?.triggers.compactMap { model.triggers[$0.name]?.event } ?? []) }
        #expect(!events("nightly-free").contains(.schedule) && events("nightly-free").isSuperset(of: [.push, .tag]))
        #expect(!events("lint").contains(.tag) && events("lint").isSuperset(of: [.push, .schedule]))
        #expect(events("branches-only").isSuperset(of: [.push, .schedule]) && !events("branches-only").contains(.tag),
                "a scheduled pipeline's ref is a branch")
        #expect(events("branch-jobs").contains(.push) && !events("branch-jobs").contains(.schedule),
                "a branch taken from every branch leaves the others' pushes")
        #expect(events("release") == [.tag], "a regular expression matches tags' names too: GitLab's own tag-only example")
        #expect(events("by-variable") == events("everywhere") && events("everywhere").isSuperset(of: [.push, .tag, .schedule]),
                "the control: a condition on a variable may not match, and nothing is taken away")
    }

    /// Any condition a `when: never` rule surely matches keeps those pipelines from later rules:
    /// unprotected refs (`$CI_COMMIT_REF_PROTECTED == "false"`) leave only protected branches
    /// and tags; a condition that may or may not match (a project path) keeps nothing; one with
    /// no condition ends the list. Rules written with YAML merge keys are read as GitLab reads them.
    @Test func aNeverRuleKeepsWhatItSurelyMatchesFromLaterRules() throws {
        let repository = try ScratchRepository(files: [".gitlab-ci.yml": """
            .if-merge-request: &if-merge-request
              if: $CI_PIPELINE_SOURCE == "merge_request_event"
            publish:
              rules:
                - if: $CI_COMMIT_REF_PROTECTED == "false"
                  when: never
                - when: on_success
              script: [make publish]
            open:
              rules:
                - when: on_success
              script: [make publish]
            forks:
              rules:
                - if: $CI_PROJECT_PATH != "acme/app"
                  when: never
                - when: on_success
              script: [make check]
            off:
              rules:
                - when: never
                - if: $CI_COMMIT_BRANCH
              script: [make nothing]
            reviews:
              rules:
                - <<: *if-merge-request
              script: [make review]
            """])
        let model = try InputLoader.load(path: repository.root).model
        func triggers(_ job: String) -> [Trigger] { model.jobs[job]?.triggers.compactMap { model.triggers[$0.name] } ?? [] }
        func events(_ job: String) -> Set<Trigger.Event> { Set(triggers(job).map(\.event)) }
        // Only protected refs: no merge request, no unprotected tag, no side branch.
        #expect(!events("publish").contains(.mergeRequest))
        #expect(triggers("publish").filter { $0.event == .tag }.allSatisfy(\.protectedTagsOnly) && events("publish").contains(.tag))
        func pushBranches(_ job: String) -> [String]? { triggers(job).first { $0.event == .push }?.branches }
        #expect(pushBranches("publish") == [model.repository.defaultBranch], "pushes to the protected default branch only")
        #expect(events("open").contains(.mergeRequest) && pushBranches("open") == [], "the control: no never rule, every branch")
        #expect(events("forks").contains(.mergeRequest), "a project path is not known: the rule may not match")
        #expect(model.jobs["off"] == nil || triggers("off").isEmpty, "a never rule with no condition matches every pipeline")
        #expect(events("reviews") == [.mergeRequest], "the merged `if:` is the rule's")
    }

    /// What a never rule may not match keeps nothing: a schedule may run for any branch, an
    /// external pull request's variables are not a merge request's, an input is filled in from
    /// what Firebreak does not see, and rules named from a project it does not fetch may run the job.
    @Test func aNeverRuleThatMayNotMatchKeepsNothing() throws {
        let repository = try ScratchRepository(files: [".gitlab-ci.yml": """
            spec:
              inputs:
                run_me: {default: "true"}
            ---
            nightly:
              rules:
                - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
                  when: never
                - if: $CI_PIPELINE_SOURCE == "schedule"
              script: [make nightly]
            mirrored:
              rules:
                - if: $CI_EXTERNAL_PULL_REQUEST_IID
                  when: never
                - when: always
              script: [make check]
            wanted:
              rules:
                - if: '"$[[ inputs.run_me ]]" != "true"'
                  when: never
                - when: on_success
              script: [make it]
            elsewhere:
              rules: !reference [.rules-from-another-project, rules]
              script: [make deploy]
            """])
        let model = try InputLoader.load(path: repository.root).model
        func events(_ job: String) -> Set<Trigger.Event> { Set(model.jobs[job]?.triggers.compactMap { model.triggers[$0.name]?.event } ?? []) }
        #expect(events("nightly") == [.schedule], "a schedule for another branch still runs it")
        #expect(events("mirrored").contains(.mergeRequest))
        #expect(events("wanted").contains(.push) && events("wanted").contains(.mergeRequest))
        #expect(events("elsewhere").contains(.push), "rules Firebreak cannot see may run the job")
    }
}

/// References that each name several others would make a list far larger than the file: the
/// import visits a bounded number of items and goes on.
@Suite struct GitLabReferenceBoundTests {
    @Test func nestedReferencesToManyListsAreReadWithinABound() throws {
        var text = ".r0:\n  rules:\n    - if: $CI_COMMIT_BRANCH\n"
        for level in 1...8 {
            text += ".r\(level):\n  rules:\n" + String(repeating: "    - !reference [.r\(level - 1), rules]\n", count: 10)
        }
        text += "job:\n  script: [make]\n  rules: !reference [.r8, rules]\n  cache:\n    - !reference [.r8, rules]\n"
        let repository = try ScratchRepository(files: [".gitlab-ci.yml": text])
        let model = try InputLoader.load(path: repository.root).model
        #expect(model.jobs["job"] != nil)
    }
}
