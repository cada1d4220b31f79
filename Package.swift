// swift-tools-version: 6.1
import PackageDescription

// Dependency direction (DESIGN.md): skilldesk → SkillScreens → {SkillDesk, TermUI}; TermUI → SkillCore
// (only for `UnsafeText.forDisplay`, the one display neutraliser the CLI shares);
// SkillDesk → {SkillCore, SkillStore}; SkillStore → SkillCore. Only SkillStore imports GRDB,
// only TermUI's CursesBackend imports CNcursesw.
let package = Package(
    name: "SkillDesk",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "skilldesk", targets: ["skilldesk"]),
        .library(name: "SkillDeskKit", targets: ["SkillCore", "SkillStore", "SkillDesk"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
    ],
    targets: [
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        .systemLibrary(name: "CCrypt", path: "Sources/CCrypt"),
        // The policy profiles and the seed passages they cite are compiled in (`PackageResources`), not
        // a bundle: `Bundle.module` aborts when the bundle is not beside the binary (DECISIONS.md).
        // `Sources/SkillCore/policies` is a symlink to the shipped data in `Resources/policies`, and
        // `Sources/SkillCore/calendar` to `Resources/calendar` (the shipped holiday calendar).
        .target(name: "SkillCore", resources: [.embedInCode("policies"), .embedInCode("calendar")]),
        .target(name: "SkillStore", dependencies: [
            "SkillCore",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .target(name: "SkillDesk", dependencies: ["SkillCore", "SkillStore", "CCrypt"]),
        .target(name: "TermUI", dependencies: ["CNcursesw", "SkillCore"]),
        .target(name: "SkillScreens", dependencies: ["SkillDesk", "SkillCore", "TermUI"]),
        .executableTarget(name: "skilldesk", dependencies: [
            "SkillScreens", "SkillDesk", "SkillCore", "TermUI",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // What the test targets share (docs/DECISIONS.md "Foundations (issue 11): shared test support"):
        // libraries, not test targets. CoreTestSupport needs SkillCore alone (resident IDs, temporary
        // directories, the fixed clock, GB18030), so SkillCoreTests stays light; DeskTestSupport adds
        // the template databases and the scenario builder, which need the use-case layer.
        .target(name: "CoreTestSupport", dependencies: ["SkillCore"], path: "Tests/CoreTestSupport"),
        .target(name: "DeskTestSupport", dependencies: ["CoreTestSupport", "SkillCore", "SkillDesk", "SkillStore"],
                path: "Tests/DeskTestSupport"),
        .testTarget(name: "SkillCoreTests", dependencies: ["SkillCore", "CoreTestSupport"]),
        .testTarget(name: "SkillStoreTests", dependencies: [
            "SkillStore", "SkillCore", "CoreTestSupport", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "SkillDeskTests", dependencies: ["SkillDesk", "SkillStore", "SkillCore", "CoreTestSupport", "DeskTestSupport"]),
        .testTarget(name: "TermUITests", dependencies: ["TermUI", "CNcursesw", "SkillCore"]),
        .testTarget(name: "SkillScreensTests", dependencies: [
            "SkillScreens", "TermUI", "SkillDesk", "SkillCore", "SkillStore", "CoreTestSupport", "DeskTestSupport",
            // Only to plant rows the use-case layer refuses (control characters in a name).
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "EndToEndTests", dependencies: ["skilldesk", "SkillCore", "SkillDesk", "CoreTestSupport", "DeskTestSupport"]),
    ]
)
