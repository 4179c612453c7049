/// The smallest set of elements that meets every given set: exact by branch and bound while
/// the search stays within a budget of visited nodes, else the greedy bound.
struct HittingSet {
    /// Elements are indexes; a lower index is preferred when sizes tie.
    let sets: [Set<Int>]
    /// Nodes the exact search may visit before it settles for the best set found.
    var budget = 20_000

    /// The chosen elements, sorted, and whether the set is proven smallest.
    func solve() -> (elements: [Int], exact: Bool) {
        let greedy = greedySolution(sets)
        var best = greedy
        var visited = 0
        var exhausted = false

        func search(_ chosen: [Int], _ open: [Set<Int>]) {
            if exhausted { return }
            visited += 1
            if visited > budget { exhausted = true; return }
            guard let smallest = open.min(by: { ($0.count, $0.min() ?? 0) < ($1.count, $1.min() ?? 0) }) else {
                if chosen.count < best.count { best = chosen.sorted() }
                return
            }
            if chosen.count + lowerBound(open) >= best.count { return }
            for element in smallest.sorted() {
                search(chosen + [element], open.filter { !$0.contains(element) })
            }
        }
        search([], sets)
        return (best, !exhausted)
    }

    /// Repeatedly take the element that meets the most open sets (lowest index on ties).
    private func greedySolution(_ sets: [Set<Int>]) -> [Int] {
        var open = sets
        var chosen: [Int] = []
        while !open.isEmpty {
            var counts: [Int: Int] = [:]
            for set in open { for element in set { counts[element, default: 0] += 1 } }
            let pick = counts.max { ($0.value, -$0.key) < ($1.value, -$1.key) }!.key
            chosen.append(pick)
            open.removeAll { $0.contains(pick) }
        }
        return chosen.sorted()
    }

    /// Sets that share no element each need an element of their own.
    private func lowerBound(_ open: [Set<Int>]) -> Int {
        var used = Set<Int>()
        var count = 0
        for set in open.sorted(by: { $0.count < $1.count }) where set.isDisjoint(with: used) {
            used.formUnion(set)
            count += 1
        }
        return count
    }
}
