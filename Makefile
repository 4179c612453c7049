# Firebreak: the two commands of the README, and what they need.
#   make demo   simulate the bundled example pipelines
#   make test   run the test suite
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# chromium: the HTML report's browser test opens the page in headless Chromium.
APT_PACKAGES := libgraphviz-dev graphviz pkg-config chromium

.PHONY: release-smoke demo test deps build bench docs pictures fuzz

deps:
	@if ! pkg-config --exists libgvc 2>/dev/null || ! command -v dot >/dev/null || ! command -v chromium >/dev/null; then \
		echo "installing system packages: $(APT_PACKAGES)"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $(APT_PACKAGES); \
	fi

build: deps
	$(SWIFT) build

demo: build
	@mkdir -p Output
	$(SWIFT) run --skip-build firebreak validate Scenarios/pipelines/skeleton-key.yml Scenarios/pipelines/hardened.yml
	$(SWIFT) run --skip-build firebreak simulate Scenarios/pipelines/skeleton-key.yml Scenarios/pipelines/hardened.yml
	$(SWIFT) run --skip-build firebreak render Scenarios/pipelines/skeleton-key.yml --scenario malicious-fork-pr
	$(SWIFT) run --skip-build firebreak render Scenarios/pipelines/hardened.yml --scenario malicious-fork-pr
	$(SWIFT) run --skip-build firebreak render Scenarios/pipelines/hardened.yml --scenario compromised-build-step
	$(SWIFT) run --skip-build firebreak render Scenarios/pipelines/skeleton-key.yml --compare Scenarios/pipelines/hardened.yml --scenario malicious-fork-pr
	$(SWIFT) run --skip-build firebreak report Scenarios/pipelines/skeleton-key.yml -o Output/skeleton-key-report.html

test: deps
	$(SWIFT) test
	$(MAKE) release-smoke

# The release build simulates every bundled pipeline and test repository without crashing: the
# optimiser once turned a capture into a use after free that no debug test could see.
release-smoke: deps
	$(SWIFT) build -c release --product firebreak
	@for input in Scenarios/pipelines/*.yml Tests/FirebreakImportTests/Fixtures/*/; do \
		.build/release/firebreak simulate "$$input" --format json > /dev/null 2> .build/release-smoke.err; status=$$?; \
		if [ $$status -gt 2 ]; then cat .build/release-smoke.err; echo "release build failed (exit $$status) on $$input"; exit 1; fi; \
	done; echo "release build: every bundled pipeline and test repository simulated"

bench: deps
	$(SWIFT) run -c release firebreak-bench

# Mutation fuzzing of every reader of untrusted text (release build). A crash leaves its input
# in Output/fuzz/READER-current.txt: keep it as a regression fixture.
FUZZ_EXECUTIONS ?= 100000
fuzz: deps
	$(SWIFT) build -c release --product firebreak-bench
	@# The repository readers write a scratch repository per execution: on tmpfs they run 3-4 times faster.
	@for reader in model context scenario workflow gitlab baseline; do \
		TMPDIR=$$([ -d /dev/shm ] && echo /dev/shm || echo $${TMPDIR:-/tmp}) \
			.build/release/firebreak-bench fuzz $$reader $(FUZZ_EXECUTIONS) || exit 1; \
	done

docs: build
	$(SWIFT) run --skip-build firebreak explain --markdown > docs/rules.md

# The picture the README shows (checked in).
pictures: build
	$(SWIFT) run --skip-build firebreak render Scenarios/pipelines/skeleton-key.yml --scenario malicious-fork-pr -o docs/images/skeleton-key-malicious-fork-pr.png
	$(SWIFT) run --skip-build firebreak render Scenarios/pipelines/hardened.yml --scenario compromised-build-step -o docs/images/hardened-compromised-build-step.png
	$(SWIFT) run --skip-build firebreak render Scenarios/pipelines/skeleton-key.yml --scenario malicious-fork-pr --focus secret:DB_PASSWORD --large -o docs/images/skeleton-key-db-password-large.png
	rm -rf .build/fixed-skeleton-key && $(SWIFT) run --skip-build firebreak fix Scenarios/pipelines/skeleton-key.yml --apply .build/fixed-skeleton-key > /dev/null
	$(SWIFT) run --skip-build firebreak render Scenarios/pipelines/skeleton-key.yml --compare .build/fixed-skeleton-key/skeleton-key.yml --scenario malicious-fork-pr -o docs/images/skeleton-key-fixed-malicious-fork-pr.png
