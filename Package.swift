// swift-tools-version:6.0
import PackageDescription

// Modules, left to right (each imports only modules above it in this list; see
// docs/ARCHITECTURE.md for the map):
// PlexusSupport, PlexusGraph (the graph contract), Corpus, EntityRecognition (the analysis
// stage), RelationExtraction, PlexusTraining (trainers and evaluation, apart from the
// runtime), CorpusStore (the SQLite and PostgreSQL stores of analysed documents),
// GraphExport (which needs only the graph contract), and the executables.
let package = Package(
    name: "Plexus",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "plexus", targets: ["plexus"]),
        .library(name: "PlexusSupport", targets: ["PlexusSupport"]),
        .library(name: "PlexusGraph", targets: ["PlexusGraph"]),
        .library(name: "Corpus", targets: ["Corpus"]),
        .library(name: "EntityRecognition", targets: ["EntityRecognition"]),
        .library(name: "RelationExtraction", targets: ["RelationExtraction"]),
        .library(name: "PlexusTraining", targets: ["PlexusTraining"]),
        .library(name: "GraphExport", targets: ["GraphExport"]),
        .library(name: "CorpusStore", targets: ["CorpusStore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"])]
        ),
        .target(name: "CPrefetch"),
        .target(name: "PlexusSupport"),
        .target(
            name: "PlexusGraph",
            dependencies: ["PlexusSupport", .product(name: "HeapModule", package: "swift-collections")]
        ),
        .target(name: "Corpus", dependencies: ["PlexusSupport"]),
        .target(
            name: "EntityRecognition",
            dependencies: ["PlexusSupport", "PlexusGraph", "Corpus", "CPrefetch"],
            resources: [.copy("Models")]
        ),
        .target(
            name: "RelationExtraction",
            dependencies: ["PlexusSupport", "PlexusGraph", "Corpus", "EntityRecognition"],
            resources: [.copy("Models")]
        ),
        .target(
            name: "PlexusTraining",
            dependencies: ["PlexusSupport", "PlexusGraph", "Corpus", "EntityRecognition", "RelationExtraction"]
        ),
        .target(
            name: "CorpusStore",
            dependencies: [
                "PlexusSupport", "PlexusGraph", "Corpus", "EntityRecognition", "RelationExtraction",
                .product(name: "GRDB", package: "GRDB.swift"), .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"), .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "GraphExport",
            dependencies: [
                "PlexusSupport", "PlexusGraph", "CGraphviz", "ZIPFoundation", .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("HTMLView/Assets")]
        ),
        .executableTarget(
            name: "plexus",
            dependencies: [
                "PlexusSupport", "PlexusGraph", "Corpus", "EntityRecognition", "RelationExtraction", "PlexusTraining",
                "GraphExport", "CorpusStore", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "plexus-bench",
            dependencies: [
                "PlexusSupport", "PlexusGraph", "Corpus", "EntityRecognition", "RelationExtraction", "GraphExport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "plexus-fuzz",
            dependencies: [
                "PlexusSupport", "PlexusGraph", "Corpus", "RelationExtraction", "GraphExport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "PlexusSupportTests", dependencies: ["PlexusSupport"]),
        .testTarget(name: "PlexusGraphTests", dependencies: ["PlexusGraph", "PlexusSupport"]),
        .testTarget(name: "CorpusTests", dependencies: ["Corpus"]),
        .testTarget(name: "EntityRecognitionTests", dependencies: ["EntityRecognition", "PlexusGraph", "PlexusSupport", "Corpus"]),
        .testTarget(
            name: "RelationExtractionTests",
            dependencies: ["RelationExtraction", "EntityRecognition", "PlexusGraph", "PlexusSupport", "Corpus"]
        ),
        .testTarget(
            name: "PlexusTrainingTests",
            dependencies: ["PlexusTraining", "RelationExtraction", "EntityRecognition", "PlexusGraph", "PlexusSupport", "Corpus"]
        ),
        .testTarget(name: "GraphExportTests", dependencies: ["GraphExport", "PlexusGraph"]),
        .testTarget(
            name: "CorpusStoreTests",
            dependencies: ["CorpusStore", "RelationExtraction", "EntityRecognition", "PlexusGraph", "PlexusSupport", "Corpus"]
        ),
        .testTarget(
            name: "PlexusEndToEndTests",
            dependencies: ["plexus", "plexus-fuzz", "PlexusGraph", "Corpus", "RelationExtraction", "GraphExport"],
            resources: [.copy("Golden"), .copy("FuzzRegressions")]
        ),
    ]
)
