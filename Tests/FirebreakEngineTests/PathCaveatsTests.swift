import FirebreakEngine
import Testing

/// A path's caveats are each hop's, in order, once each; an expiring credential counts only on
/// the last hop. The same holds for a path with many caveats.
struct PathCaveatsTests {
    @Test func caveatsAreListedOnceInOrderWithExpiryOnlyAtTheEnd() {
        let hops = [["a", Caveat.timeBounded, "b"], [], ["b", "c", "a"], [Caveat.timeBounded, "d"]]
        #expect(ReachedAsset.caveats(ofHops: hops) == ["a", "b", "c", Caveat.timeBounded, "d"])
        #expect(ReachedAsset.caveats(ofHops: [["x", Caveat.timeBounded], ["y"]]) == ["x", "y"])
        #expect(ReachedAsset.caveats(ofHops: [[], []]) == [])
    }

    @Test func aPathWithManyCaveatsKeepsEachOnce() {
        let many = (0..<100).map { "assumed: statement \($0)" }
        let hops = [many, many.reversed(), many.shuffled() + ["last"]]
        #expect(ReachedAsset.caveats(ofHops: hops) == many + ["last"])
    }
}
