extension Sequence {
    /// The elements sorted by a name read once each: comparing boxed nodes (`SharedFields`) in a
    /// sort would read both names out of their boxes at every comparison.
    func sorted(byName name: (Element) -> String) -> [Element] {
        map { (name: name($0), element: $0) }.sorted { $0.name < $1.name }.map(\.element)
    }
}
