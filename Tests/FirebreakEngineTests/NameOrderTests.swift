@testable import FirebreakEngine
import Testing

/// Names sorted by their first bytes come out in the order `String`'s `<` gives, for the names
/// that order by bytes and for the ones it orders by their canonical form.
struct NameOrderTests {
    @Test func asciiNamesSortAsStringsDo() {
        // Shared prefixes past 16 bytes, prefixes of each other, a NUL byte, the empty name.
        let names = ["s000012-deploy", "s000012-BUILD_KEY", "s000012-build/actions/checkout@v4",
                     "s000012-build/actions/checkout@v3", "ab", "ab\u{0}", "ab\u{0}c", "", "a", "B", "s000012-",
                     ".github/workflows/release.yml/publish", ".github/workflows/release.yml/build"]
        #expect(NameOrder.sorted(names) == names.sorted())
    }

    @Test func manyGeneratedNamesSortAsStringsDo() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("ab-/_.09AZ")
        let names = (0..<3_000).map { _ in
            String((0..<Int.random(in: 0...24, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
        }
        #expect(NameOrder.sorted(names) == names.sorted())
    }

    @Test func aNameWithACombiningMarkSortsByItsCanonicalForm() {
        // "e" followed by a combining acute accent is "é" in canonical form, which sorts after
        // "f": by their bytes the two would sort the other way.
        let accented = "abe\u{0301}", plain = "abf"
        #expect(plain < accented)
        #expect(NameOrder.sorted([accented, plain]) == [plain, accented])
        let cities = ["zürich", "zurich", "zz", "Zürich", "zu\u{0308}rich-2"]
        #expect(NameOrder.sorted(cities) == cities.sorted())
    }

    @Test func placesGiveTheSortedOrderOfTheGivenList() {
        let names = ["deploy", "build", "test"]
        #expect(NameOrder.places(sorting: names) == [1, 0, 2])
        #expect(NameOrder.places(sorting: []).isEmpty)
    }
}
