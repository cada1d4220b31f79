// swift-tools-version: 6.1
import PackageDescription

// A separate package so the main `swift test` never builds the benchmarks.
//   swift build -c release --package-path Benchmarks
//   Benchmarks/.build/release/registry-bench import bench-data/workers-1m.csv bench-data/bench.sqlite
//   Benchmarks/.build/release/registry-bench search bench-data/bench.sqlite
//   Benchmarks/.build/release/training-bench generate bench-data/training.sqlite [--scale 0.25]
//   Benchmarks/.build/release/training-bench measure bench-data/training.sqlite
//   Benchmarks/.build/release/claims-bench add-claims bench-data/claims.sqlite   (a training-bench database)
//   Benchmarks/.build/release/claims-bench measure bench-data/claims.sqlite
//   Benchmarks/.build/release/claims-bench workflow-prepare bench-data/claims.sqlite; ... workflow bench-data/claims.sqlite
// See docs/PERFORMANCE.md for the procedure and the recorded figures.
let package = Package(
    name: "SkillDeskBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "SkillDesk", path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "registry-bench",
            dependencies: [.product(name: "SkillDeskKit", package: "SkillDesk")]
        ),
        .executableTarget(
            name: "training-bench",
            dependencies: [.product(name: "SkillDeskKit", package: "SkillDesk")]
        ),
        .executableTarget(
            name: "claims-bench",
            dependencies: [.product(name: "SkillDeskKit", package: "SkillDesk")]
        ),
    ]
)
