/// Environment variables a registry's own upload tool reads its token from, by the tool's
/// documentation: cargo's `CARGO_REGISTRY_TOKEN` (crates.io), RubyGems' `GEM_HOST_API_KEY`,
/// twine's `TWINE_PASSWORD`, uv's `UV_PUBLISH_TOKEN` and Poetry's `POETRY_PYPI_TOKEN_PYPI`
/// (PyPI). A secret handed to a step in one of them is that registry's upload token, whatever
/// the secret is called and whatever script the step runs (`./publish.py`): nothing else reads it.
enum RegistryVariables {
    /// The registry whose upload token a variable of this name holds, nil for any other name.
    static func registry(of variable: String) -> String? {
        switch variable {
        case "CARGO_REGISTRY_TOKEN": "crates.io"
        case "GEM_HOST_API_KEY": "rubygems"
        case "TWINE_PASSWORD", "UV_PUBLISH_TOKEN", "POETRY_PYPI_TOKEN_PYPI": "pypi"
        default: nil
        }
    }
}
