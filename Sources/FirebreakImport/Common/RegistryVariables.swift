/// Environment variables whose tool uploads with them to one registry only, by the tool's
/// documentation: cargo's `CARGO_REGISTRY_TOKEN` is crates.io's (another registry's token is
/// `CARGO_REGISTRIES_<NAME>_TOKEN`), Poetry's `POETRY_PYPI_TOKEN_PYPI` PyPI's, Snapcraft's
/// `SNAPCRAFT_STORE_CREDENTIALS` the Snap Store's. A secret handed to a
/// step in one of them is that registry's upload token, whatever the secret is called and
/// whatever script the step runs (`./publish.py`). twine's, uv's and RubyGems' variables are not
/// here: their tools upload wherever an option or another variable points them (a test index, a
/// company's mirror, GitHub Packages).
enum RegistryVariables {
    /// The registry whose upload token a variable of this name holds, nil for any other name.
    static func registry(of variable: String) -> String? {
        switch variable {
        case "CARGO_REGISTRY_TOKEN": "crates.io"
        case "POETRY_PYPI_TOKEN_PYPI": "pypi"
        // Snapcraft's exported store login, which `snapcraft upload` reads.
        case "SNAPCRAFT_STORE_CREDENTIALS": "snap-store"
        default: nil
        }
    }
}
