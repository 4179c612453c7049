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
    /// (`AWS_ENDPOINT_URL`, `--endpoint-url`, s3cmd's `host_base`): another
    /// provider's S3-compatible object storage (Cloudflare R2, MinIO, Ceph), not an AWS account.
    static let compatibleStorage = "s3-compatible-storage"
    /// What an AWS key opens otherwise.
    static let awsAccount = "aws-account"

    /// The cloud an AWS key opens, given the variables the key is used with (the workflow's,
    /// the job's and the step's) and the scripts that use it: another provider's storage where
    /// the AWS tools are pointed at an endpoint that is not AWS's own (`amazonaws.com`).
    static func awsCloud(env: [String: String], scripts: [String]) -> String {
        var endpoints: [String] = ["AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_S3"].compactMap { env[$0] }
        for script in scripts where TextSearch.contains(script, "--endpoint-url") || TextSearch.contains(script, "host_base") {
            // Words as written, quotes around them dropped (`echo "host_base = rgw.example.org"`).
            let words = TextSplit.words(script).map { $0.trimmingCharacters(in: ["\"", "'"]) }
            for (place, word) in words.enumerated() {
                let next = place + 1 < words.count ? words[place + 1] : ""
                if word == "--endpoint-url" { endpoints.append(next) }
                if word.hasPrefix("--endpoint-url=") { endpoints.append(String(word.dropFirst("--endpoint-url=".count))) }
                // s3cmd's configuration file: `host_base = rgw.example.org`.
                if word == "host_base" { endpoints.append(next == "=" && place + 2 < words.count ? words[place + 2] : next) }
                if word.hasPrefix("host_base=") { endpoints.append(String(word.dropFirst("host_base=".count))) }
            }
        }
        return endpoints.contains { !TextSearch.contains($0, "amazonaws.com") } ? compatibleStorage : awsAccount
    }

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
