/// Node numbers by name for one kind of node: an open-addressing table that holds only the
/// numbers (4 bytes a slot, at most half full), probed from the name's hash and checked
/// against the numbered names. A dictionary of names kept each name and number besides its
/// slot, about six times the memory, and a lookup read three places; on a model larger than
/// the processor's cache each of those missed it. The hash is the standard library's, seeded
/// per process, so names chosen to collide cannot be prepared in advance.
struct NumberTable: Sendable {
    /// Per slot, a number (-1: empty).
    private let slots: [Int32]
    private let mask: Int

    /// A table of `names`, the name at `place` numbered `first + place`.
    init(_ names: [String], first: Int) {
        var capacity = 8
        while capacity < names.count * 2 { capacity *= 2 }
        var slots = Array(repeating: Int32(-1), count: capacity)
        let mask = capacity - 1
        for (place, name) in names.enumerated() {
            var slot = name.hashValue & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(first + place)
        }
        self.slots = slots
        self.mask = mask
    }

    /// The number of `name`, nil when it is not in the table; `names` gives the name a number
    /// stands for.
    func number(of name: String, names: (Int) -> String) -> Int? {
        var slot = name.hashValue & mask
        while true {
            let number = Int(slots[slot])
            if number < 0 { return nil }
            if names(number) == name { return number }
            slot = (slot + 1) & mask
        }
    }
}
