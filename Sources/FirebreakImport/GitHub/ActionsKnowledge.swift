import FirebreakModel
import Foundation

/// Shell and action facts the GitHub importer uses beside the expression module.
enum ActionsKnowledge {
    /// Shell commands that execute files of the checked-out repository.
    static let buildTool = Patterns.regex(
        #"(?m)(^|[\s;&|(])(npm|npx|yarn|pnpm|pip3?|python3?|make|gradle|\./gradlew|mvn|\./mvnw|cargo|go|pytest|tox|nox|bundle|rake|composer|pre-commit|docker|bash|sh|node|ruby|php|dotnet|swift|cmake|meson|ninja|poetry|uv|hatch|pdm|\./[A-Za-z0-9_./-]+)\b"#)

    /// Actions that check the commenter's or author's permission before going on.
    static func isPermissionCheck(_ uses: String) -> Bool {
        let lowered = uses.lowercased()
        return lowered.contains("check-user-permission") || lowered.contains("permission-check") || lowered.contains("is-organization-member")
            || lowered.contains("actions-team-membership")
    }
}
