@testable import FirebreakEngine
import Testing

/// Lists laid end to end come back as they were given, empty ones included, each by its place.
struct FlatListsTests {
    @Test func everyListComesBackByItsPlace() {
        let given: [[Int32]] = [[], [7], [1, 2, 3], [], [], [42, 43], []]
        var lists = FlatLists<Int32>(reservingLists: given.count)
        for list in given { lists.append(list) }
        #expect(lists.count == given.count)
        #expect(given.indices.map { Array(lists[$0]) } == given)
    }

    @Test func aListOfNoListsHasNone() {
        #expect(FlatLists<String>(reservingLists: 3).count == 0)
    }
}
