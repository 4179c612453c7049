import FirebreakEngine
import FirebreakReport
import FirebreakTestSupport
import Testing

@Suite struct ComparisonTableTests {
    @Test func tableHasOneRowPerScenarioAndAlignedColumns() throws {
        let library = try Examples.library()
        let skeleton = Simulation(model: try Examples.model("skeleton-key"))
        let hardened = Simulation(model: try Examples.model("hardened"))
        let table = ComparisonTable(columns: [("skeleton-key", library.scenarios.map(skeleton.run)),
                                              ("hardened", library.scenarios.map(hardened.run))]).text
        let lines = table.split(separator: "\n").map(String.init)
        #expect(lines[0].hasPrefix("scenario"))
        let rows = lines.filter { line in library.scenarios.contains { line.hasPrefix($0.id + " ") } }
        #expect(rows.count == 10)
        #expect(Set(rows.map(\.count)).count == 1, "rows are aligned")
        let row = try #require(rows.first { $0.hasPrefix("stolen-static-key") })
        #expect(row.hasSuffix("0 / 0"))
    }
}
