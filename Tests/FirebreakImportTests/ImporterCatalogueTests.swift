@testable import FirebreakImport
import FirebreakTestSupport
import Foundation
import Testing

/// The importer catalogue is the one place a platform is added: every importer is listed once,
/// each platform folder holds exactly one, and what discovery finds, a revision export keeps.
struct ImporterCatalogueTests {
    @Test func catalogueListsEveryImporterOnceSorted() throws {
        let ids = ImporterCatalogue.ids
        #expect(ids == ids.sorted())
        #expect(Set(ids).count == ids.count)
        #expect(Set(ImporterCatalogue.all.map(\.platform)).count == ids.count, "two importers for one platform")
        let listed = Set(ImporterCatalogue.all.map { String(describing: type(of: $0)) })
        let root = PackagePaths.path("Sources/FirebreakImport")
        let folders = try FileManager.default.contentsOfDirectory(atPath: root).filter { $0 != "Common" }.sorted()
        var declared: [String] = []
        for folder in folders {
            let files = FileManager.default.enumerator(atPath: "\(root)/\(folder)")?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
            let importers = try files.flatMap { file -> [String] in
                let text = try String(contentsOfFile: "\(root)/\(folder)/\(file)", encoding: .utf8)
                return text.split(separator: "\n").compactMap { line in
                    guard line.hasPrefix("struct "), line.contains(": PipelineImporter") else { return nil }
                    return line.dropFirst("struct ".count).split(separator: ":").first.map(String.init)
                }
            }
            #expect(importers.count == 1, "platform folder \(folder) declares \(importers.count) importers")
            declared += importers
        }
        #expect(Set(declared) == listed, "declared \(declared), listed \(listed.sorted())")
    }

    @Test func everyPipelineFileDiscoveredIsKeptByARevisionExport() throws {
        let fixtures = PackagePaths.path("Tests/FirebreakImportTests/Fixtures")
        var found = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: fixtures).sorted() {
            for (_, files) in ImporterCatalogue.pipelineFiles(in: "\(fixtures)/\(name)") {
                for file in files {
                    found += 1
                    #expect(ImporterCatalogue.mayRead(file), "\(name)/\(file) would be missing from a revision export")
                }
            }
        }
        #expect(found > 50)
        #expect(ImporterCatalogue.mayRead("tools/act/action.yml"), "a local action outside .github/")
        #expect(ImporterCatalogue.mayRead("ci/templates/build jobs.yml"), "a GitLab include with a space in its name")
        #expect(ImporterCatalogue.mayRead(InputLoader.contextFileName))
        #expect(!ImporterCatalogue.mayRead("src/main.swift"))
    }
}
