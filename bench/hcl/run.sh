#!/usr/bin/env bash
# Benchmarks the HCL native parser: builds a release binary, then
#   bench/hcl/run.sh [MEGABYTES]    parses one generated Terraform file (default 32 MiB) on one core:
#                                   throughput (thread CPU time) and peak memory against source size;
#   bench/hcl/run.sh tree [FILES]   parses a generated tree of FILES .tf files (default 10,000) on
#                                   both cores and on one: files/s, MiB/s, wall and CPU, peak memory.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="$root/bench/out"
mkdir -p "$out"
source "$root/scripts/threading-module.sh"
threading_module "$out/modules" -O -wmo
swiftc -O -wmo -parse-as-library -module-name HCL "$root"/Sources/HCL/*.swift "$root"/bench/hcl/*.swift "${threading[@]}" -o "$out/bench-hcl"
if [ "${1:-}" = "tree" ]; then
    files="${2:-10000}"
    "$out/bench-hcl" tree "$files" "$out/hcl-tree-$files"
else
    "$out/bench-hcl" "${1:-32}"
fi
