import Foundation

/// Environment variables that hand a job a static cloud key by their well-known names, read the
/// same way on both platforms: the AWS CLI and SDKs read `AWS_ACCESS_KEY_ID` and
/// `AWS_SECRET_ACCESS_KEY`, Google's `GOOGLE_APPLICATION_CREDENTIALS`, Azure's and Terraform's
/// `AZURE_CLIENT_SECRET` and `ARM_CLIENT_SECRET`.
enum CloudKeyVariables {
    /// The cloud a variable of this name opens, nil for any other name.
    static func cloud(of name: String) -> String? {
        switch name {
        case "AWS_SECRET_ACCESS_KEY", "AWS_ACCESS_KEY_ID": awsAccount
        case "GOOGLE_APPLICATION_CREDENTIALS", "GCP_SERVICE_ACCOUNT_KEY", "GCLOUD_SERVICE_KEY": "gcp-project"
        case "ARM_CLIENT_SECRET", "AZURE_CLIENT_SECRET": "azure-subscription"
        default: nil
        }
    }

    /// What an AWS key opens where the step points the AWS tools at another endpoint
    /// (`AWS_ENDPOINT_URL`, `--endpoint-url`, s3cmd's `--host` or `host_base`): another
    /// provider's S3-compatible object storage (Cloudflare R2, MinIO, Ceph), not an AWS account.
    static let compatibleStorage = "s3-compatible-storage"
    /// What an AWS key opens otherwise.
    static let awsAccount = "aws-account"

    /// The cloud an AWS key opens, given the variables the key is used with (the workflow's,
    /// the job's and the step's) and the scripts that use it: another provider's storage only
    /// where every use points the AWS tools at an endpoint that is not AWS's own
    /// (`amazonaws.com`): each `aws` command's `--endpoint-url` or `AWS_ENDPOINT_URL`, each
    /// `s3cmd` command's `--host` or the `host_base` its configuration is written with. A use
    /// with no endpoint, or one the variables do not give (`--endpoint-url "$S3_ENDPOINT"`),
    /// may be AWS itself.
    static func awsCloud(env: [String: String], scripts: [String]) -> String {
        var elsewhere = false, aws = false
        func judge(_ written: String?) {
            guard var endpoint = written?.trimmingCharacters(in: ["\"", "'"]) else { aws = true; return }
            // A whole endpoint given by a variable the key's variables set.
            if endpoint.hasPrefix("$") {
                endpoint = env[endpoint.trimmingCharacters(in: ["$", "{", "}"])] ?? ""
            }
            // Another provider's host written out (`https://${{ secrets.ACCOUNT }}.r2.cloudflarestorage.com`);
            // an endpoint that is all variables may be AWS's own, unless the variable's name
            // says whose it is (`${{ secrets.R2_ENDPOINT }}`).
            if TextSearch.contains(endpoint, "amazonaws.com") {
                aws = true
            } else if writesAHost(endpoint) || names(ofVariablesIn: (written ?? "") + " " + endpoint).contains(where: namesOtherProvider) {
                elsewhere = true
            } else {
                aws = true
            }
        }
        let configured = ["AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL"].lazy.compactMap { env[$0] }.first
        if let configured { judge(configured) }
        for script in scripts where TextSearch.contains(script, "aws") || TextSearch.contains(script, "s3cmd") {
            // s3cmd's configuration file, as the script writes it: `host_base = rgw.example.org`.
            let written = TextSplit.words(script).map { $0.trimmingCharacters(in: ["\"", "'"]) }
            let hostBase = written.indices.lazy.compactMap { place -> String? in
                if written[place].hasPrefix("host_base=") { return String(written[place].dropFirst("host_base=".count)) }
                guard written[place] == "host_base", place + 1 < written.count else { return nil }
                return written[place + 1] == "=" ? (place + 2 < written.count ? written[place + 2] : nil) : written[place + 1]
            }.first
            _ = ShellCommands.contains(in: script) { words in
                guard var place = ShellCommands.commandPlace(in: words) else { return false }
                // Past the shell's keywords (`do s3cmd put …`, `then aws s3 cp …`).
                while place + 1 < words.count, ShellCommands.keywords.contains(words[place]) { place += 1 }
                // `aws --version`, `aws configure`: no request is made.
                let subcommand = place + 1 < words.count ? words[place + 1] : ""
                guard !["--version", "help", "configure", "--help"].contains(subcommand) else { return false }
                switch words[place] {
                case "aws": judge(option("--endpoint-url", in: words) ?? configured)
                case "s3cmd": judge(option("--host", in: words) ?? hostBase)
                default: break
                }
                return false
            }
        }
        return elsewhere && !aws ? compatibleStorage : awsAccount
    }

    /// Whether an endpoint writes out a host of its own, variables aside (`http://minio:9000`,
    /// `https://${{ secrets.ID }}.r2.cloudflarestorage.com`); one made only of variables does not.
    private static func writesAHost(_ endpoint: String) -> Bool {
        var text = Substring(endpoint), kept = ""
        while let dollar = text.firstIndex(of: "$") {
            kept += text[..<dollar]
            let rest = text[text.index(after: dollar)...]
            let closing = rest.hasPrefix("{{") ? "}}" : rest.hasPrefix("{") ? "}" : nil
            if let closing, let end = rest.range(of: closing) {
                text = rest[end.upperBound...]
            } else {
                text = rest.drop { $0.isLetter || $0.isNumber || $0 == "_" }
            }
        }
        kept += text
        let address = kept.range(of: "://").map { kept[$0.upperBound...] } ?? Substring(kept)
        let host = address.prefix { $0 != "/" && $0 != ":" }
        return host.contains { $0.isLetter || $0.isNumber }
    }

    /// Words in a variable's name that say it is for another provider's S3-compatible storage.
    private static let otherProviders: Set<Substring> = ["R2", "CLOUDFLARE", "MINIO", "B2", "BACKBLAZE", "WASABI", "CEPH", "RGW",
                                                          "DIGITALOCEAN", "SPACES", "LINODE", "SCALEWAY", "HETZNER", "OVH", "GCS"]

    /// Whether a variable's name has a word naming another provider's storage (`R2_OS_ARTIFACTS_ENDPOINT`, `MINIO_URL`).
    private static func namesOtherProvider(_ name: Substring) -> Bool {
        NameWords.of(name).contains { otherProviders.contains($0) }
    }

    /// The names of the variables an endpoint is written with: the last part of each context
    /// path a workflow expression reads, from its syntax tree (`${{ secrets.R2_ENDPOINT }}`,
    /// `vars.`, `env.`), and the shell's `$NAME` or `${NAME}` outside the expressions.
    private static func names(ofVariablesIn endpoint: String) -> [Substring] {
        let expressions = (try? ExpressionTemplate.expressions(in: endpoint)) ?? []
        let read = expressions.compactMap { try? ExpressionParser.parse($0.text) }.flatMap(\.contextPaths).compactMap(\.last)
        var shell = endpoint
        for expression in expressions { shell = TextSearch.replacing("${{\(expression.text)}}", with: "", in: shell) }
        return (read + GitLabVariables.referenced(in: [shell]).referenced.sorted()).map { Substring($0) }
    }

    /// An option's value among a command's words: `--name value` or `--name=value`. A value
    /// that opens a workflow expression the shell's spaces split (`${{ secrets.R2_ENDPOINT }}`)
    /// runs to the word that closes it.
    private static func option(_ name: String, in words: [Substring]) -> String? {
        for (place, word) in words.enumerated() {
            let start: (place: Int, text: Substring)
            if word == name {
                guard place + 1 < words.count else { return "" }
                start = (place + 1, words[place + 1])
            } else if word.hasPrefix(name + "=") {
                start = (place, word.dropFirst(name.count + 1))
            } else {
                continue
            }
            var value = String(start.text), next = start.place + 1
            while value.contains("${{"), !value.contains("}}"), next < words.count {
                value += " " + words[next]
                next += 1
            }
            return value
        }
        return nil
    }

    /// What is assumed of a key read as another provider's storage, and how to settle it: an SDK
    /// Firebreak does not read could still use it with AWS's own endpoint.
    static func compatibleStorageStatement(_ secret: String) -> String {
        "AWS key '\(secret)' opens another provider's S3-compatible storage, not an AWS account: every use Firebreak reads points the AWS tools at another endpoint, written out or held by a variable or secret whose name says whose (R2, MinIO, ...)"
    }
    static let compatibleStorageSettle = "declare what it opens under `secrets:` in firebreak.context.yml (`carries:` an identity whose grants say so)"

    /// The variable holding the secret half of the key pair whose other half a variable of this
    /// name holds: an access key's id is no credential without it, and the two are one key.
    static func secretHalf(of name: String) -> String? {
        name == "AWS_ACCESS_KEY_ID" ? "AWS_SECRET_ACCESS_KEY" : nil
    }

    /// The static key identity a secret holding a key for `cloud` stands for.
    static func identity(holding secret: String, for cloud: String) -> String {
        let prefix = switch cloud {
        case awsAccount: "aws"
        case "gcp-project": "gcp"
        case compatibleStorage: "s3"
        default: "azure"
        }
        return "\(prefix)-key:\(secret)"
    }
}
