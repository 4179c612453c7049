/// Commands that install third-party packages or build with them: their install scripts, build
/// scripts, plugins and build backends run in the job (npm's `postinstall`, a crate's
/// `build.rs`, a Gradle plugin, a Python build backend). A job that ships what it built this way
/// runs its dependencies' code with its publishing credentials. Go runs no install scripts and
/// `go build` runs none of the modules' code ("How Go Mitigates Supply Chain Attacks", the Go
/// blog, 2022), but `go test`, `go run` and `go generate` run it in the job. Cargo compiles and
/// runs each crate's build script and procedural macros to check, lint or document a package as
/// to build it (the Cargo book, "Build Scripts"); `cargo fetch`, `cargo update` and `cargo fmt`
/// compile nothing.
enum PackageInstalls {
    static let commands = CommandPhrases([
        "npm ci", "npm install", "npm i", "npm rebuild", "npx", "yarn", "pnpm install", "pnpm i", "bun install",
        "pip install", "pip3 install", "python -m pip", "python3 -m pip", "python -m build", "python3 -m build",
        "poetry install", "poetry build", "uv sync", "uv pip", "uv build", "pdm install", "hatch build", "pipx run",
        "cargo build", "cargo publish", "cargo test", "cargo install", "cargo check", "cargo clippy", "cargo doc", "cargo run",
        "cargo bench", "cargo nextest", "bundle install", "gem install",
        "composer install", "mvn", "./mvnw", "gradle", "./gradlew", "dotnet restore", "dotnet build", "dotnet pack",
        "go test", "go run", "go generate",
    ])

    /// Whether the script installs or builds with third-party packages: one of the commands where
    /// a command starts, so that `apt-get install gradle` or `echo npm ci` is not one.
    static func occur(in script: String) -> Bool { commands.occur(in: ShellWords(script), atCommandStart: true) }
}
