/// The lightest set of elements that meets every given set: exact by branch and bound while
/// the search stays within a budget of visited nodes, else the greedy bound.
struct HittingSet {
    /// Elements are indexes; a lower index is preferred when weights tie.
    let sets: [Set<Int>]
    /// Each element's weight (1 when absent).
    var weights: [Int: Int] = [:]
    /// Nodes the exact search may visit before it settles for the best set found.
    var budget = defaultBudget
    static let defaultBudget = 20_000

    /// The chosen elements, sorted, and whether the set is proven lightest.
    func solve() -> (elements: [Int], exact: Bool) {
        func weight(_ element: Int) -> Int { weights[element] ?? 1 }
        func total(_ elements: [Int]) -> Int { elements.reduce(0) { $0 + weight($1) } }
        let greedy = greedySolution(sets, weight)
        var best = greedy
        var bestWeight = total(greedy)
        var visited = 0
        var exhausted = false

        func search(_ chosen: [Int], _ chosenWeight: Int, _ open: [Set<Int>]) {
            if exhausted { return }
            visited += 1
            if visited > budget { exhausted = true; return }
            guard let smallest = open.min(by: { ($0.count, $0.min() ?? 0) < ($1.count, $1.min() ?? 0) }) else {
                if chosenWeight < bestWeight { best = chosen.sorted(); bestWeight = chosenWeight }
                return
            }
            if chosenWeight + lowerBound(open, weight) >= bestWeight { return }
            for element in smallest.sorted(by: { (weight($0), $0) < (weight($1), $1) }) {
                search(chosen + [element], chosenWeight + weight(element), open.filter { !$0.contains(element) })
            }
        }
        search([], 0, sets)
        return (best, !exhausted)
    }

    /// Repeatedly take the element that meets the most open sets per unit of weight (lowest index on ties).
    private func greedySolution(_ sets: [Set<Int>], _ weight: (Int) -> Int) -> [Int] {
        var open = sets
        var chosen: [Int] = []
        while !open.isEmpty {
            var counts: [Int: Int] = [:]
            for set in open { for element in set { counts[element, default: 0] += 1 } }
            let pick = counts.max { a, b in
                let left = a.value * weight(b.key), right = b.value * weight(a.key)
                return (left, -a.key) < (right, -b.key)
            }!.key
            chosen.append(pick)
            open.removeAll { $0.contains(pick) }
        }
        return chosen.sorted()
    }

    /// Sets that share no element each need an element of their own, at least its lightest.
    private func lowerBound(_ open: [Set<Int>], _ weight: (Int) -> Int) -> Int {
        var used = Set<Int>()
        var bound = 0
        for set in open.sorted(by: { $0.count < $1.count }) where set.isDisjoint(with: used) {
            used.formUnion(set)
            bound += set.map(weight).min() ?? 0
        }
        return bound
    }
}
