/// Environment variables that hand a job a static cloud key by their well-known names, read the
/// same way on both platforms: the AWS CLI and SDKs read `AWS_ACCESS_KEY_ID` and
/// `AWS_SECRET_ACCESS_KEY`, Google's `GOOGLE_APPLICATION_CREDENTIALS`, Azure's and Terraform's
/// `AZURE_CLIENT_SECRET` and `ARM_CLIENT_SECRET`.
enum CloudKeyVariables {
    /// The cloud a variable of this name opens, nil for any other name.
    static func cloud(of name: String) -> String? {
        switch name {
        case "AWS_SECRET_ACCESS_KEY", "AWS_ACCESS_KEY_ID": "aws-account"
        case "GOOGLE_APPLICATION_CREDENTIALS", "GCP_SERVICE_ACCOUNT_KEY", "GCLOUD_SERVICE_KEY": "gcp-project"
        case "ARM_CLIENT_SECRET", "AZURE_CLIENT_SECRET": "azure-subscription"
        default: nil
        }
    }

    /// What an AWS key opens where the step points the AWS tools at another endpoint
    /// (`AWS_ENDPOINT_URL`, `--endpoint-url`): another provider's S3-compatible object storage
    /// (Cloudflare R2, MinIO), not an AWS account.
    static let compatibleStorage = "s3-compatible-storage"

    /// The cloud an AWS key opens, given the step's variables and script.
    static func awsCloud(env: [String: String], script: String?) -> String {
        let elsewhere = env.keys.contains { $0 == "AWS_ENDPOINT_URL" || $0 == "AWS_ENDPOINT_URL_S3" }
            || (script.map { TextSearch.contains($0, "--endpoint-url") } ?? false)
        return elsewhere ? compatibleStorage : "aws-account"
    }

    /// The static key identity a secret holding a key for `cloud` stands for.
    static func identity(holding secret: String, for cloud: String) -> String {
        let prefix = switch cloud {
        case "aws-account": "aws"
        case "gcp-project": "gcp"
        case compatibleStorage: "s3"
        default: "azure"
        }
        return "\(prefix)-key:\(secret)"
    }
}
