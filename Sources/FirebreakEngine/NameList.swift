import FirebreakModel

/// Names kept once each and numbered in the order first met: a fact table files each entry's
/// rule, file and caveats by number. Names are told apart by their bytes (two file names that
/// are Unicode-equivalent stay two). Entries come in runs from one rule and one file, so the
/// last name looked up is checked before the index.
struct NameList<Number: FixedWidthInteger & Sendable>: Sendable {
    private var names: [String] = []
    private var numbers: [ExactText: Number] = [:]
    private var last: (name: ExactText, number: Number)?

    /// The name's number, numbering it if it is new.
    mutating func number(of name: String) -> Number {
        let key = ExactText(name)
        if let last, last.name == key { return last.number }
        let number: Number
        if let known = numbers[key] {
            number = known
        } else {
            // Rules and files are few: a table of one model cannot run out of numbers.
            precondition(names.count < Int(Number.max), "more distinct names than a fact table numbers")
            number = Number(names.count)
            names.append(name)
            numbers[key] = number
        }
        last = (key, number)
        return number
    }

    /// The name of a number this list gave.
    func name(_ number: Number) -> String { names[Int(number)] }
}
