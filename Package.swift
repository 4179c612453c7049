// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Firebreak",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "firebreak", targets: ["firebreak"]),
        .library(name: "FirebreakModel", targets: ["FirebreakModel"]),
        .library(name: "FirebreakEngine", targets: ["FirebreakEngine"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"])]
        ),
        .target(
            name: "FirebreakModel",
            dependencies: [.product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "FirebreakImport",
            dependencies: ["FirebreakModel", .product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "FirebreakPatch",
            dependencies: ["FirebreakModel", "FirebreakImport", .product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "FirebreakEngine",
            dependencies: ["FirebreakModel", .product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "FirebreakRender",
            dependencies: ["CGraphviz", "FirebreakEngine"]
        ),
        .target(
            name: "FirebreakReport",
            dependencies: ["FirebreakEngine"]
        ),
        .executableTarget(
            name: "firebreak",
            dependencies: [
                "FirebreakModel", "FirebreakImport", "FirebreakPatch", "FirebreakEngine", "FirebreakRender", "FirebreakReport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "firebreak-bench",
            dependencies: ["FirebreakEngine", "FirebreakRender", "FirebreakTestSupport"]
        ),
        .target(
            name: "FirebreakTestSupport",
            dependencies: ["FirebreakModel", "FirebreakImport", "FirebreakEngine", "FirebreakReport"],
            path: "Tests/FirebreakTestSupport"
        ),
        .testTarget(name: "FirebreakModelTests", dependencies: ["FirebreakModel", "FirebreakTestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "FirebreakImportTests", dependencies: ["FirebreakImport", "FirebreakPatch", "FirebreakReport", "FirebreakTestSupport"], exclude: ["Fixtures", "Snapshots"]),
        .testTarget(name: "FirebreakEngineTests", dependencies: ["FirebreakEngine", "FirebreakTestSupport", .product(name: "Yams", package: "Yams")]),
        .testTarget(name: "FirebreakRenderTests", dependencies: ["FirebreakRender", "FirebreakTestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "FirebreakReportTests", dependencies: ["FirebreakReport", "FirebreakTestSupport"]),
        .testTarget(name: "FirebreakCLITests", dependencies: ["FirebreakTestSupport"], exclude: ["Golden"]),
    ],
    swiftLanguageModes: [.v6]
)
