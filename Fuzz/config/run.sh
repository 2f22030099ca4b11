#!/usr/bin/env bash
# Fuzzes the configuration file (.stackreview.yml): loading, path globs and rule settings
# with libFuzzer and AddressSanitizer for SECONDS (default 60).
# Usage: Fuzz/config/run.sh [SECONDS]   (from anywhere; needs a Swift toolchain with libFuzzer)
# Crashes, timeouts and OOMs are written to Fuzz/out/config/.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/../modules.sh" Review
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0}"   # see README "Reliability": leaks at exit are not findings here
fuzz_run config "$here/FuzzConfiguration.swift" "${1:-60}" -timeout=10 -max_len=4096 -detect_leaks=0
