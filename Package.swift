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
        // The large-stack thread the HCL and Python parsers share.
        .target(name: "LargeStack"),
        .target(name: "HCL", dependencies: ["LargeStack"]),
        .target(name: "Python", dependencies: ["LargeStack"]),
        .target(name: "LinearRegex"),
        .target(name: "Terraform", dependencies: ["HCL", "LinearRegex"]),
        .target(name: "Metrics"),
        .target(name: "Reporting", dependencies: ["Git", "Review", "Metrics"]),
        .target(name: "Review", dependencies: ["Git", "HCL", "Terraform", "Python", "Metrics", "LinearRegex", .product(name: "Yams", package: "Yams")]),
        .target(name: "Demo", dependencies: ["Git", "Reporting", "Review"]),
        .executableTarget(
            name: "stackreview",
            dependencies: [
                "Git", "Review", "Reporting", "Demo",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "TestSupport", dependencies: ["Git"], path: "Tests/TestSupport"),
        .testTarget(name: "GitTests", dependencies: ["Git", "TestSupport"]),
        .testTarget(name: "LargeStackTests", dependencies: ["LargeStack"]),
        .testTarget(name: "HCLTests", dependencies: ["HCL", "LargeStack"]),
        .testTarget(name: "PythonTests", dependencies: ["Python", "LargeStack"]),
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
