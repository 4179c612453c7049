import Foundation

/// Which `$NAMES` in a GitLab job are CI/CD variables set outside the file.
enum GitLabVariables {
    static let reference = Patterns.regex(#"\$\{?([A-Z][A-Z0-9_]+)\}?"#)
    static let assignment = Patterns.regex(#"(?:^|[\s;&|(])(?:export\s+|local\s+|readonly\s+)?([A-Z][A-Z0-9_]+)="#)
    /// Names a shell or PowerShell line sets: loops, `read -ra`, `mapfile`, `declare -a`, `$env:X =`.
    static let loop = Patterns.regex(#"(?:\bfor|\bread|\bmapfile|\breadarray|\bdeclare|\btypeset|\blocal)(?:\s+-[A-Za-z]+)*\s+([A-Z][A-Z0-9_]+)"#)
    static let powerShellAssignment = Patterns.regex(#"\$(?:env:)?([A-Za-z_][A-Za-z0-9_]*)\s*=[^=]"#)

    /// PowerShell's automatic variables, which look like `$NAMES` but are set by the shell.
    static let powerShellAutomatic: Set<String> = [
        "LASTEXITCODE", "ERROR", "ERRORACTIONPREFERENCE", "PSVERSIONTABLE", "PSSCRIPTROOT", "PSHOME", "PID", "HOST", "NULL", "TRUE",
        "FALSE", "ARGS", "INPUT", "MATCHES", "PROFILE", "PWD", "HOME", "PSITEM", "_",
    ]

    /// The credentials GitLab itself hands a job (GitLab Docs: predefined CI/CD variables).
    static let predefinedCredentials: Set<String> = [
        "CI_JOB_TOKEN", "CI_BUILD_TOKEN", "CI_JOB_JWT", "CI_JOB_JWT_V1", "CI_JOB_JWT_V2", "CI_REGISTRY_PASSWORD",
        "CI_DEPENDENCY_PROXY_PASSWORD", "CI_DEPLOY_PASSWORD", "CI_REPOSITORY_URL",
    ]

    /// Whether a name reads like a credential: a user-defined variable however it starts
    /// (`DOCKER_HUB_PASSWORD`, `CI_REGISTRY_PASSWORD_CANONICAL`), unless GitLab predefines it.
    static func looksLikeCredential(_ name: String) -> Bool {
        ["PASSWORD", "PASSWD", "TOKEN", "SECRET", "CREDENTIAL", "AUTH_CONFIG", "PRIVATE_KEY"].contains { name.contains($0) }
            || ["_KEY", "_PAT"].contains { name.hasSuffix($0) || name.contains($0 + "_") }
    }

    /// Predefined by GitLab or the runner, or set by common images and tools. A name that reads
    /// like a credential counts as predefined only when GitLab documents it: a prefix such as
    /// `CI_` or `DOCKER_` does not make a password GitLab's.
    static func isPredefined(_ name: String) -> Bool {
        if powerShellAutomatic.contains(name) { return true }
        if looksLikeCredential(name) { return predefinedCredentials.contains(name) }
        for prefix in ["CI_", "GITLAB_", "FF_", "RUNNER_", "CHAT_", "TRIGGER_", "DOCKER_", "KUBERNETES_", "BASH", "LC_", "NPM_CONFIG_", "PIP_", "CARGO_", "RUSTUP_", "JAVA_", "MAVEN_", "GRADLE_", "PYTHON", "NODE_", "HOMEBREW_"] where name.hasPrefix(prefix) {
            return true
        }
        return [
            "HOME", "PATH", "PWD", "OLDPWD", "USER", "SHELL", "HOSTNAME", "TERM", "LANG", "TMPDIR", "TMP", "TEMP", "IFS", "RANDOM",
            "SECONDS", "UID", "EUID", "OSTYPE", "PPID", "DEBIAN_FRONTEND", "TZ", "CC", "CXX", "CFLAGS", "CXXFLAGS", "LDFLAGS",
            "PKG_CONFIG_PATH", "LD_LIBRARY_PATH", "MAKEFLAGS", "JOBS", "NPROC", "EDITOR", "PAGER", "DISPLAY", "XDG_RUNTIME_DIR",
            "ARCH", "OS", "VERSION", "CHANGELOG", "ANDROID_HOME", "ANDROID_SDK_ROOT", "SSL_CERT_FILE", "CI", "GIT_DEPTH",
            "GIT_STRATEGY", "GIT_SUBMODULE_STRATEGY", "GIT_CLONE_PATH", "ARTIFACT_COMPRESSION_LEVEL", "CACHE_COMPRESSION_LEVEL",
            "TRANSFER_METER_FREQUENCY", "SECURE_FILES_DOWNLOAD_PATH", "GOPATH", "GOFLAGS", "GOCACHE", "GOOS", "GOARCH",
            "GOTOOLCHAIN", "GOPROXY", "GOPRIVATE", "GONOSUMDB", "GOMODCACHE", "GOBIN", "GOROOT",
        ].contains(name)
    }

    /// Names a text references, less those it assigns itself.
    static func referenced(in texts: [String]) -> (referenced: Set<String>, assigned: Set<String>) {
        var referenced = Set<String>(), assigned = Set<String>()
        for text in texts where text.contains("$") || text.contains("=") {
            referenced.formUnion(Patterns.captures(reference, in: text))
            assigned.formUnion(Patterns.captures(assignment, in: text))
            assigned.formUnion(Patterns.captures(loop, in: text))
            assigned.formUnion(Patterns.captures(powerShellAssignment, in: text).map { $0.uppercased() == $0 ? $0 : $0.uppercased() })
        }
        return (referenced, assigned)
    }
}
