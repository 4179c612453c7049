/// Environment variables whose tool signs what the project ships with what they hold, by the
/// tool's documentation: electron-builder's code-signing certificate and its password
/// (`CSC_LINK`, `CSC_KEY_PASSWORD`, and `WIN_CSC_LINK`, `WIN_CSC_KEY_PASSWORD` for Windows on
/// another system), Tauri's updater signing key (`TAURI_SIGNING_PRIVATE_KEY` and its password).
/// A secret handed to a step in one of them is a signing key, whatever it is called: whoever
/// holds it signs installers and updates as the project.
enum SigningVariables {
    /// The tool that signs with a variable of this name, nil for any other name.
    static func tool(of variable: String) -> String? {
        switch variable {
        case "CSC_LINK", "CSC_KEY_PASSWORD", "WIN_CSC_LINK", "WIN_CSC_KEY_PASSWORD": "electron-builder"
        case "TAURI_SIGNING_PRIVATE_KEY", "TAURI_SIGNING_PRIVATE_KEY_PASSWORD": "Tauri"
        default: nil
        }
    }

    /// What is assumed of a secret handed to a signing variable.
    static func statement(secret: String, variable: String, tool: String) -> String {
        "secret '\(secret)' is handed to \(tool)'s signing variable `\(variable)`: it signs (or unlocks the key that signs) the installers or updates the project ships, so it is a crown jewel"
    }
}
