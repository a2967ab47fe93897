// swift-tools-version: 6.0
import PackageDescription

/// One set of Swift settings for every target.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "codesocial",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "codesocial", targets: ["codesocial"]),
        .library(name: "JSONSchema", targets: ["JSONSchema"]),
        .library(name: "Descriptor", targets: ["Descriptor"]),
        .library(name: "Registry", targets: ["Registry"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
    ],
    targets: [
        // Leaves
        .target(name: "JSONSchema", swiftSettings: swiftSettings),
        .target(
            name: "Descriptor",
            dependencies: ["JSONSchema", .product(name: "Yams", package: "Yams")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Catalog",
            dependencies: ["JSONSchema", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings
        ),
        // Git: the only module that sees C
        .systemLibrary(
            name: "CLibGit2",
            pkgConfig: "libgit2",
            providers: [.apt(["libgit2-dev"])]
        ),
        .target(name: "Git", dependencies: ["CLibGit2"], swiftSettings: swiftSettings),
        .target(
            name: "Registry",
            dependencies: ["Git", "Descriptor", "Catalog", "JSONSchema", .product(name: "Yams", package: "Yams")],
            swiftSettings: swiftSettings
        ),
        // The thin executable
        .executableTarget(
            name: "codesocial",
            dependencies: [
                "Descriptor", "Registry", "JSONSchema", "Catalog",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        // Benchmarks (not tests): see docs/benchmarks.md
        .executableTarget(
            name: "SchemaBench",
            dependencies: ["JSONSchema", "Descriptor"],
            path: "Benchmarks/SchemaBench",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "RegistryBench",
            dependencies: ["Catalog"],
            path: "Benchmarks/RegistryBench",
            swiftSettings: swiftSettings
        ),
        // Tests
        .target(name: "TestSupport", swiftSettings: swiftSettings),
        .testTarget(name: "JSONSchemaTests", dependencies: ["JSONSchema", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "DescriptorTests", dependencies: ["Descriptor", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "CatalogTests", dependencies: ["Catalog", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "GitTests", dependencies: ["Git", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "RegistryTests", dependencies: ["Registry", "Git", "Descriptor", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "CLITests", dependencies: ["codesocial", "TestSupport"], swiftSettings: swiftSettings),
    ]
)
