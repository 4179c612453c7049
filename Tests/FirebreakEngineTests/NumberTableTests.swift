@testable import FirebreakEngine
import Testing

/// The table of node numbers by name answers every name it was given and no other.
struct NumberTableTests {
    @Test func everyNameHasItsNumberAndNoOtherNameHasOne() {
        let names = (0..<5_000).map { "service-\($0)-deploy" }.sorted()
        let table = NumberTable(names, first: 100)
        let numbered = names.map { table.number(of: $0) { names[$0 - 100] } }
        #expect(numbered == Array(100..<5_100).map(Optional.some))
        #expect(table.number(of: "service-5000-deploy") { names[$0 - 100] } == nil)
        #expect(table.number(of: "") { names[$0 - 100] } == nil)
    }

    @Test func anEmptyTableAnswersNothing() {
        #expect(NumberTable([], first: 0).number(of: "build") { _ in "build" } == nil)
    }
}
