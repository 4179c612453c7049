/// Many short lists laid end to end in one array, each found by its place: a list per job or per
/// identity without an array of its own. (On a large model, an array per job was hundreds of
/// thousands of allocations made with the graph and freed with it, each a miss of the
/// processor's cache at both ends.)
struct FlatLists<Element: Sendable>: Sendable {
    private var elements: [Element] = []
    /// Where each list ends in `elements`, by the list's place.
    private var ends: [Int32] = []

    /// Empty, with room for `lists` lists.
    init(reservingLists lists: Int) {
        ends.reserveCapacity(lists)
    }

    /// Adds a list after the last one.
    mutating func append(_ list: some Sequence<Element>) {
        elements.append(contentsOf: list)
        ends.append(Int32(elements.count))
    }

    /// How many lists there are.
    var count: Int { ends.count }

    /// The list at `place`.
    subscript(place: Int) -> ArraySlice<Element> {
        let start = place == 0 ? 0 : Int(ends[place - 1])
        return elements[start..<Int(ends[place])]
    }
}
