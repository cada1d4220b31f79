// swift-tools-version: 6.1
import PackageDescription

// Dependency direction (DESIGN.md): skilldesk → SkillScreens → {SkillDesk, TermUI}; TermUI → SkillCore
// (only for `UnsafeText.forDisplay`, the one display neutraliser the CLI shares);
// SkillDesk → {SkillCore, SkillRecords, SkillStore} and re-exports SkillRecords; SkillStore → {SkillCore,
// SkillRecords}; SkillRecords → SkillCore. Only SkillStore imports GRDB,
// only TermUI's CursesBackend imports CNcursesw. Logging (swift-log) only in SkillDesk, SkillScreens, skilldesk.
let package = Package(
    name: "SkillDesk",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "skilldesk", targets: ["skilldesk"]),
        .library(name: "SkillDeskKit", targets: ["SkillCore", "SkillRecords", "SkillStore", "SkillDesk"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        // The XLSX container (the zip); the sheet XML is ours (docs/DECISIONS.md "Oversight (issue 13): disclosure and XLSX").
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    ],
    targets: [
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        .systemLibrary(name: "CCrypt", path: "Sources/CCrypt"),
        // The policy profiles and the seed passages they cite are compiled in (`PackageResources`), not
        // a bundle: `Bundle.module` aborts when the bundle is not beside the binary (DECISIONS.md).
        // `Sources/SkillCore/policies` is a symlink to the shipped data in `Resources/policies`, and
        // `Sources/SkillCore/calendar` to `Resources/calendar` (the shipped holiday calendar).
        .target(name: "SkillCore", resources: [.embedInCode("policies"), .embedInCode("calendar")]),
        // Plain records that cross the layers (rows read from the store, CSV records, the store's errors):
        // no GRDB, so screens and the CLI read them through SkillDesk, which re-exports this module.
        .target(name: "SkillRecords", dependencies: ["SkillCore"]),
        .target(name: "SkillStore", dependencies: [
            "SkillCore", "SkillRecords",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        // Logging (swift-log) is imported by SkillDesk, SkillScreens and skilldesk only (DECISIONS.md,
        // "Foundations (issue 11): logs"): SkillCore stays Foundation-only, SkillStore and TermUI log nothing.
        .target(name: "SkillDesk", dependencies: [
            "SkillCore", "SkillRecords", "SkillStore", "CCrypt", .product(name: "Logging", package: "swift-log"),
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        .target(name: "TermUI", dependencies: ["CNcursesw", "SkillCore"]),
        .target(name: "SkillScreens", dependencies: [
            "SkillDesk", "SkillCore", "TermUI", .product(name: "Logging", package: "swift-log"),
        ]),
        .executableTarget(name: "skilldesk", dependencies: [
            "SkillScreens", "SkillDesk", "SkillCore", "TermUI",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        // What the test targets share (docs/DECISIONS.md "Foundations (issue 11): shared test support"):
        // libraries, not test targets. CoreTestSupport needs SkillCore alone (resident IDs, temporary
        // directories, the fixed clock, GB18030), so SkillCoreTests stays light; DeskTestSupport adds
        // the template databases and the scenario builder, which need the use-case layer.
        .target(name: "CoreTestSupport", dependencies: ["SkillCore"], path: "Tests/CoreTestSupport"),
        .target(name: "DeskTestSupport", dependencies: ["CoreTestSupport", "SkillCore", "SkillRecords", "SkillDesk", "SkillStore",
                                                     .product(name: "ZIPFoundation", package: "ZIPFoundation")],
                path: "Tests/DeskTestSupport"),
        .testTarget(name: "SkillCoreTests", dependencies: ["SkillCore", "CoreTestSupport"]),
        .testTarget(name: "SkillStoreTests", dependencies: [
            "SkillStore", "SkillRecords", "SkillCore", "CoreTestSupport", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "SkillDeskTests", dependencies: [
            "SkillDesk", "SkillRecords", "SkillStore", "SkillCore", "CoreTestSupport", "DeskTestSupport",
            .product(name: "Logging", package: "swift-log"),
        ]),
        .testTarget(name: "TermUITests", dependencies: ["TermUI", "CNcursesw", "SkillCore"]),
        .testTarget(name: "SkillScreensTests", dependencies: [
            "SkillScreens", "TermUI", "SkillDesk", "SkillCore", "SkillRecords", "SkillStore", "CoreTestSupport", "DeskTestSupport",
            // Only to plant rows the use-case layer refuses (control characters in a name).
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "EndToEndTests", dependencies: ["skilldesk", "SkillCore", "SkillDesk", "CoreTestSupport", "DeskTestSupport"]),
    ]
)
