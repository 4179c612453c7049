/// Gradle's and Maven's publishing, read from a command's tasks and goals wherever they stand
/// among its options: `./gradlew -DallModules publishApachePublicationToMavenRepository`,
/// `mvn -B -P release deploy`. The phrases `JobRoles` looks for want the task right after the
/// tool, which these commands seldom write.
enum BuildToolPublishing {
    /// The phrase a publishing command stands for (`gradle publish`, `mvn deploy`), nil for any other.
    ///
    /// Gradle's maven-publish plugin names its tasks `publish`, `publishAllPublicationsTo<Repo>Repository`
    /// and `publish<Publication>PublicationTo<Repo>Repository`; `publishToMavenLocal` and the
    /// tasks to `MavenLocal` copy into the machine's own repository and publish nothing. Plugins'
    /// tasks that start with `publish` (`publishPlugins`, `publishToSonatype`,
    /// `publishAndReleaseToMavenCentral`) upload too. A task may be written with its project's
    /// path (`:core:publish`). Maven's `deploy` phase, or a plugin's `deploy` goal
    /// (`nexus-staging:deploy`), and `release:perform` upload.
    static func phrase(of command: ArraySlice<Substring>) -> String? {
        guard let program = command.first?.split(separator: "/").last else { return nil }
        let arguments = command.dropFirst().filter { !$0.hasPrefix("-") }
        switch program {
        case "gradle", "gradlew":
            let publishes = arguments.contains { argument in
                let task = argument.split(separator: ":").last ?? argument
                return task.hasPrefix("publish") && !task.contains("MavenLocal")
            }
            return publishes ? "gradle publish" : nil
        case "mvn", "mvnw":
            let deploys = arguments.contains { $0 == "deploy" || $0.hasSuffix(":deploy") || $0 == "release:perform" }
            return deploys ? "mvn deploy" : nil
        default:
            return nil
        }
    }

    /// The programs `phrase(of:)` reads, as a script may name them.
    static let programs: [Substring] = ["gradle", "gradlew", "./gradlew", "mvn", "mvnw", "./mvnw"]
}
