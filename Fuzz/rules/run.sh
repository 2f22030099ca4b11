#!/usr/bin/env bash
# Fuzzes rule files: loading (stackreview and checkov formats) and running each loaded rule's examples
# with libFuzzer and AddressSanitizer for SECONDS (default 60).
# Usage: Fuzz/rules/run.sh [SECONDS]   (from anywhere; needs a Swift toolchain with libFuzzer)
# Crashes, timeouts and OOMs are written to Fuzz/out/rules/.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/../modules.sh" Review
fuzz_run rules "$here/FuzzRules.swift" "${1:-60}" -timeout=10 -max_len=4096
