#!/usr/bin/env bash
# Builds the Python tokenizer/parser fuzzer with libFuzzer + AddressSanitizer and runs it.
# Usage: Fuzz/python/run.sh SECONDS   (from anywhere; crashes land in Fuzz/python/artifacts/)
set -euo pipefail
seconds="${1:-60}"
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="${TMPDIR:-/tmp}/stackreview-fuzz-python"
mkdir -p "$work/corpus" "$here/artifacts"
cp "$here"/corpus/* "$work/corpus/" 2>/dev/null || true
cd "$root"
source scripts/threading-module.sh
threading_module "$work/modules" -sanitize=fuzzer,address -O
swiftc -sanitize=fuzzer,address -parse-as-library -O Sources/Python/*.swift Fuzz/python/FuzzPython.swift "${threading[@]}" \
    -module-name FuzzPython -o "$work/fuzz-python"
SWIFT_BACKTRACE=enable=no "$work/fuzz-python" "$work/corpus" \
    -max_total_time="$seconds" -timeout=5 -rss_limit_mb=2048 \
    -artifact_prefix="$here/artifacts/"
