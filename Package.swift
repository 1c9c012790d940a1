// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Plexus",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "plexus", targets: ["plexus"]),
        .library(name: "Corpus", targets: ["Corpus"]),
        .library(name: "EntityRecognition", targets: ["EntityRecognition"]),
        .library(name: "RelationGraph", targets: ["RelationGraph"]),
        .library(name: "GraphExport", targets: ["GraphExport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"])]
        ),
        .target(name: "CPrefetch"),
        .target(name: "Corpus"),
        .target(name: "EntityRecognition", dependencies: ["Corpus", "CPrefetch"], resources: [.copy("Models")]),
        .target(
            name: "RelationGraph",
            dependencies: [
                "Corpus", "EntityRecognition",
                .product(name: "HeapModule", package: "swift-collections"),
            ],
            resources: [.copy("Models")]
        ),
        .target(name: "GraphExport", dependencies: ["RelationGraph", "CGraphviz", "ZIPFoundation"]),
        .executableTarget(
            name: "plexus",
            dependencies: [
                "Corpus", "EntityRecognition", "RelationGraph", "GraphExport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "plexus-bench",
            dependencies: [
                "Corpus", "RelationGraph", "GraphExport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "CorpusTests", dependencies: ["Corpus"]),
        .testTarget(name: "EntityRecognitionTests", dependencies: ["EntityRecognition"]),
        .testTarget(name: "RelationGraphTests", dependencies: ["RelationGraph"]),
        .testTarget(name: "GraphExportTests", dependencies: ["GraphExport"]),
        .testTarget(
            name: "PlexusEndToEndTests",
            dependencies: ["plexus", "RelationGraph"],
            resources: [.copy("Golden")]
        ),
    ]
)
