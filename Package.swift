// swift-tools-version:6.0
// stackreview: reviews changes to Terraform + Lambda handler repositories.
import PackageDescription

let package = Package(
    name: "stackreview",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "stackreview", targets: ["stackreview"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // libgit2 through pkg-config; only the Git target imports it.
        .systemLibrary(
            name: "CLibgit2",
            pkgConfig: "libgit2",
            providers: [.apt(["libgit2-dev"])]
        ),
        .target(name: "Git", dependencies: ["CLibgit2"]),
        // Threads every layer shares: the parsers' large-stack thread, the parallel map, the lock.
        .target(name: "Threading"),
        .target(name: "HCL", dependencies: ["Threading"]),
        .target(name: "Python", dependencies: ["Threading"]),
        .target(name: "LinearRegex"),
        .target(name: "Terraform", dependencies: ["HCL", "LinearRegex", "Threading"]),
        .target(name: "Metrics"),
        .target(name: "Reporting", dependencies: ["Git", "Review", "Metrics", "Threading"]),
        .target(name: "Review", dependencies: ["Git", "HCL", "Terraform", "Python", "Metrics", "LinearRegex", "Threading", .product(name: "Yams", package: "Yams")]),
        .target(name: "Demo", dependencies: ["Git", "Reporting", "Review"]),
        .executableTarget(
            name: "stackreview",
            dependencies: [
                "Git", "Review", "Reporting", "Demo", "Threading",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "TestSupport", dependencies: ["Git"], path: "Tests/TestSupport"),
        .testTarget(name: "GitTests", dependencies: ["Git", "TestSupport"]),
        .testTarget(name: "ThreadingTests", dependencies: ["Threading"]),
        .testTarget(name: "HCLTests", dependencies: ["HCL", "Threading"]),
        .testTarget(name: "PythonTests", dependencies: ["Python", "Threading"]),
        .testTarget(name: "TerraformTests", dependencies: ["Terraform", "HCL"]),
        .testTarget(name: "MetricsTests", dependencies: ["Metrics"]),
        .testTarget(name: "LinearRegexTests", dependencies: ["LinearRegex"]),
        .testTarget(name: "ReportingTests", dependencies: ["Reporting", "Git", "TestSupport"], exclude: ["Golden"]),
        .testTarget(name: "ReviewTests", dependencies: ["Review", "Git", "Terraform", "HCL", "TestSupport"]),
        .testTarget(name: "StackReviewCLITests", dependencies: ["TestSupport", "Git"], exclude: ["Golden"]),
        .testTarget(name: "DemoTests", dependencies: ["Demo", "Git", "Review"], exclude: ["Golden"]),
    ],
    swiftLanguageModes: [.v6]
)
