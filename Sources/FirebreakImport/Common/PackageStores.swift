/// Where package managers keep what they download, and the setup actions that cache it: a job
/// that restores one from a cache and then builds (`make`, `docker build`) builds with those
/// packages, whatever command calls the package manager (a Makefile's `mvn`, a script's `npm`).
/// Go is left out: a Go build runs none of its modules' code (`PackageInstalls`).
enum PackageStores {
    /// Whether a cache step keeps a package manager's downloads: an `actions/cache` path under
    /// one of their folders, or a setup action's `cache:` naming its manager (or its own cache,
    /// as `gradle/actions/setup-gradle` and `Swatinem/rust-cache` keep Gradle's and Cargo's).
    static func kept(byAction action: String, with inputs: [String: String]) -> Bool {
        if action.hasPrefix("actions/cache") {
            let path = inputs["path"] ?? ""
            return folders.contains { path.contains($0) }
        }
        if action.hasPrefix("gradle/actions/setup-gradle") || action.hasPrefix("swatinem/rust-cache") { return true }
        if action.hasPrefix("actions/setup-"), let manager = inputs["cache"]?.lowercased() {
            return managers.contains(manager)
        }
        return false
    }

    /// Download folders of Maven, Gradle, npm, Yarn, pnpm, Cargo, pip, Bundler, NuGet, Composer and sbt.
    private static let folders = [".m2", ".gradle", ".npm", "node_modules", ".cache/yarn", ".yarn/cache", ".pnpm-store", ".cargo/registry",
                                  ".cargo/git", ".cache/pip", "vendor/bundle", ".nuget/packages", ".composer/cache", ".ivy2", ".sbt",
                                  ".cache/coursier"]

    /// What `actions/setup-java`, `setup-node`, `setup-python` and `setup-dotnet` take in `cache:`.
    private static let managers: Set<String> = ["maven", "gradle", "sbt", "npm", "yarn", "pnpm", "pip", "pipenv", "poetry", "nuget"]
}
