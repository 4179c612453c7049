import FirebreakEngine
import FirebreakImport
import FirebreakModel

/// Imports the small repositories under `Tests/FirebreakImportTests/Fixtures`.
public enum ImportFixtures {
    public static func path(_ name: String) -> String {
        PackagePaths.path("Tests/FirebreakImportTests/Fixtures/\(name)")
    }

    public static func load(_ name: String) throws -> ImportResult {
        try InputLoader.load(path: path(name))
    }

    /// Runs a bundled scenario on an imported fixture.
    public static func run(_ scenario: String, on name: String) throws -> BlastRadius {
        try Examples.run(scenario, on: load(name).model)
    }
}
