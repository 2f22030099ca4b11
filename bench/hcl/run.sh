#!/usr/bin/env bash
# Benchmarks the HCL native parser: builds a release binary and parses a generated Terraform file.
# Usage: bench/hcl/run.sh [MEGABYTES]   (default 32)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="$root/bench/out"
mkdir -p "$out"
swiftc -O -wmo -parse-as-library -module-name HCL "$root"/Sources/HCL/*.swift "$root/bench/hcl/BenchHCL.swift" -o "$out/bench-hcl"
"$out/bench-hcl" "${1:-32}"
