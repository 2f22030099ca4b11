#!/usr/bin/env bash
# Fuzzes the HCL native and JSON parsers with libFuzzer for SECONDS (default 60).
# Usage: Fuzz/hcl/run.sh [SECONDS]   (run from anywhere; needs a Swift toolchain with libFuzzer)
# New inputs go to a scratch corpus; crashes, timeouts and OOMs are written to Fuzz/out/hcl/.
set -euo pipefail
seconds="${1:-60}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/fuzz-hcl.XXXXXX")"
out="$root/Fuzz/out/hcl"
mkdir -p "$out" "$work/corpus"
cp "$root"/Fuzz/hcl/corpus/* "$work/corpus/"
source "$root/scripts/threading-module.sh"
threading_module "$work/modules" -sanitize=fuzzer,address -O
swiftc -sanitize=fuzzer,address -parse-as-library -O \
    "$root"/Sources/HCL/*.swift "$root/Fuzz/hcl/FuzzHCL.swift" "${threading[@]}" -module-name HCL -o "$work/fuzz-hcl"
cd "$out"
SWIFT_BACKTRACE=enable=no "$work/fuzz-hcl" "$work/corpus" \
    -max_total_time="$seconds" -timeout=5 -rss_limit_mb=2048 -max_len=4096 \
    -artifact_prefix="$out/" -print_final_stats=1
echo "fuzz-hcl: ran ${seconds}s; corpus grew to $(ls "$work/corpus" | wc -l) inputs; artifacts in $out"
