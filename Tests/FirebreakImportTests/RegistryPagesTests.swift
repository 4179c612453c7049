@testable import FirebreakImport
import Testing

/// An environment's `url:` names a registry when it is a package's page there, in the forms the
/// registries and their publishing actions write.
@Suite struct RegistryPagesTests {
    @Test func aPackagePageNamesItsRegistry() {
        #expect(RegistryPages.registry(ofPage: "https://pypi.org/project/acme/") == "PyPI")
        #expect(RegistryPages.registry(ofPage: "https://pypi.org/p/acme") == "PyPI", "the form gh-action-pypi-publish's documentation uses")
        #expect(RegistryPages.registry(ofPage: "https://hub.docker.com/r/acme/app/tags/") == "Docker Hub")
        #expect(RegistryPages.registry(ofPage: "https://nuget.org/packages/Acme") == "NuGet")
        #expect(RegistryPages.registry(ofPage: "https://github.com/acme/app/pkgs/container/app") == "GitHub Packages")
        #expect(RegistryPages.registry(ofPage: "HTTPS://WWW.NPMJS.COM/package/acme") == "npm")
    }

    @Test func otherPagesNameNone() {
        #expect(RegistryPages.registry(ofPage: "https://pypi.org/") == nil, "the registry's front page is no package's")
        #expect(RegistryPages.registry(ofPage: "https://docs.acme.example/") == nil)
        #expect(RegistryPages.registry(ofPage: "https://github.com/acme/app/releases") == nil)
        #expect(RegistryPages.registry(ofPage: "https://evil.example/hub.docker.com/r/x") == nil, "the host decides, not the text")
    }
}
