/// A value held in one shared box and copied only when a copy is changed.
///
/// Model nodes are copied wherever they are looked up or iterated (the simulation's rules, the
/// importers). A node whose fields are boxed costs one reference count per copy where its
/// strings and arrays would each cost one.
struct SharedFields<Value: Sendable>: @unchecked Sendable {
    // The box is written only while uniquely referenced (`value`'s modify copies it first), so it
    // is never shared mutably.
    private final class Box {
        var value: Value
        init(_ value: Value) { self.value = value }
    }

    private var box: Box

    init(_ value: Value) { box = Box(value) }

    /// The fields; changing them copies the box first when another copy shares it.
    var value: Value {
        _read { yield box.value }
        _modify {
            if !isKnownUniquelyReferenced(&box) { box = Box(box.value) }
            yield &box.value
        }
    }

    /// Whether both share one box, so their fields are equal without comparing them.
    func sharesBox(with other: SharedFields) -> Bool { box === other.box }
}

extension SharedFields: Equatable where Value: Equatable {
    static func == (lhs: SharedFields, rhs: SharedFields) -> Bool {
        lhs.sharesBox(with: rhs) || lhs.value == rhs.value
    }
}

extension SharedFields: Hashable where Value: Hashable {
    func hash(into hasher: inout Hasher) { value.hash(into: &hasher) }
}
