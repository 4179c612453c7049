@testable import FirebreakImport
import FirebreakModel
import Foundation
import Testing
import Yams

/// An expression found in a workflow is reported at its own line: in a block scalar the line
/// it is written on, in a one-line scalar its column too, whatever characters come before it.
struct ExpressionLocationTests {
    static func found(_ yaml: String) throws -> [(line: Int, column: Int, text: String)] {
        let node = try #require(try Yams.compose(yaml: yaml))
        var log = DiagnosticLog()
        return ExpressionScanner(file: "w.yml").expressions(in: node, diagnostics: &log)
            .map { ($0.location.line, $0.location.column, $0.text) }
    }

    @Test func aBlockScalarsExpressionIsOnItsOwnLine() throws {
        let yaml = """
        run: |
          echo "héllo 🙂 wörld"
          echo "${{ github.head_ref }}"
          printf '%s' "ünïcode" "${{ inputs.name }}"
          echo 🙂🙂🙂🙂🙂🙂
          ${{ inputs.command }}
        """
        let found = try Self.found(yaml)
        // Counted in scalars: the emoji's bytes would put the last one a line early.
        #expect(found.map(\.line) == [3, 4, 6])
        #expect(found.map { $0.text.trimmingCharacters(in: .whitespaces) } == ["github.head_ref", "inputs.name", "inputs.command"])
    }

    @Test func manyExpressionsInOneScalarEachHaveTheirLine() throws {
        let lines = (1...300).map { "  echo \"${{ inputs.value\($0) }}\" é" }.joined(separator: "\n")
        let found = try Self.found("run: |\n" + lines + "\n")
        #expect(found.map(\.line) == Array(2...301))
    }

    @Test func aOneLineScalarsExpressionHasItsColumn() throws {
        let found = try Self.found("title: 'é ${{ github.event.issue.title }}'\n")
        #expect(found.count == 1)
        // The value starts at column 8; its quote, then two scalars ("é", a space) come first.
        #expect(found.first?.line == 1 && found.first?.column == 8 + 1 + 2)
    }
}
