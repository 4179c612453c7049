import Foundation

/// The public registries an environment's `url:` may point at: the page of a package or image
/// others install (`https://hub.docker.com/r/acme/app`, `https://pypi.org/project/app`). A job
/// that deploys through such an environment publishes there, whatever its commands are called.
enum RegistryPages {
    /// Hosts, each with the path its packages' pages start with, and the registry's name.
    static let pages: [(host: String, path: String, registry: String)] = [
        ("hub.docker.com", "/r/", "Docker Hub"), ("hub.docker.com", "/repository/", "Docker Hub"),
        ("hub.docker.com", "/_/", "Docker Hub"),
        ("quay.io", "/repository/", "Quay"),
        ("pypi.org", "/project/", "PyPI"), ("pypi.org", "/p/", "PyPI"),
        ("www.npmjs.com", "/package/", "npm"), ("npmjs.com", "/package/", "npm"),
        ("crates.io", "/crates/", "crates.io"),
        ("rubygems.org", "/gems/", "RubyGems"),
        ("www.nuget.org", "/packages/", "NuGet"), ("nuget.org", "/packages/", "NuGet"),
        ("central.sonatype.com", "/artifact/", "Maven Central"),
        ("marketplace.visualstudio.com", "/items", "the Visual Studio Marketplace"),
        ("open-vsx.org", "/extension/", "Open VSX"),
        ("artifacthub.io", "/packages/", "Artifact Hub"),
    ]

    /// The registry whose package page `url` is, if it is one.
    static func registry(ofPage url: String) -> String? {
        var rest = Substring(url.trimmingCharacters(in: .whitespaces).lowercased())
        for scheme in ["https://", "http://"] where rest.hasPrefix(scheme) { rest = rest.dropFirst(scheme.count) }
        let host = rest.prefix { $0 != "/" }
        let path = rest.dropFirst(host.count)
        if let page = pages.first(where: { host == $0.host && path.hasPrefix($0.path) }) { return page.registry }
        // GitHub Packages: `github.com/OWNER/REPO/pkgs/container/NAME`, `github.com/orgs/ORG/packages/...`.
        if host == "github.com", path.contains("/pkgs/") || path.hasPrefix("/orgs/") && path.contains("/packages/") { return "GitHub Packages" }
        return nil
    }
}
