import FirebreakEngine
import FirebreakReport
import FirebreakTestSupport
import Foundation
import Testing

@Suite struct GeneratedDocsTests {
    @Test func rulesDocumentationIsCurrent() throws {
        let checkedIn = try String(contentsOfFile: PackagePaths.path("docs/rules.md"), encoding: .utf8)
        #expect(checkedIn == RuleDocumentation.markdown(RuleCatalogue.descriptions),
                "docs/rules.md is stale: run `make docs`")
    }

    @Test func everyRuleIsDocumented() throws {
        let markdown = RuleDocumentation.markdown(RuleCatalogue.descriptions)
        for rule in RuleCatalogue.descriptions {
            #expect(markdown.contains("## \(rule.id)\n"))
        }
    }
}
