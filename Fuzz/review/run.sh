#!/usr/bin/env bash
# Fuzzes a whole review with libFuzzer and AddressSanitizer for SECONDS (default 60): each input is
# cut into the files of a two-commit repository (written with libgit2), the second commit is
# reviewed against the first, and every output format is rendered (JSON formats must parse).
# Usage: Fuzz/review/run.sh [SECONDS]   (from anywhere; needs a Swift toolchain with libFuzzer
# and libgit2-dev). Crashes, timeouts and OOMs are written to Fuzz/out/review/.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/../modules.sh" Reporting
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0}"   # see README "Reliability": leaks at exit are not findings here
fuzz_run review "$here/FuzzReview.swift" "${1:-60}" -timeout=20 -max_len=8192 -detect_leaks=0
