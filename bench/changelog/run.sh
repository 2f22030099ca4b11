#!/usr/bin/env bash
# The changelog benchmark, one command: bench/changelog/run.sh [--runs N]
# Builds the release binary the way bench/run does (same flags and scratch path, so a build
# made by either is reused), generates a 500-file repository with 1,000 first-parent commits of
# small Terraform changes after its first commit (bench/changelog/generate.py), and times
# `stackreview changelog ROOT..HEAD` over those 1,000 commits as a whole process: wall time,
# CPU time (user + system) and peak memory, median of the runs (3 by default); every run must
# print the same bytes. Target: under 20 s wall.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=3
if [[ "${1:-}" == "--runs" ]]; then runs="$2"; fi
scripts/bootstrap >&2
swift build -c release --static-swift-stdlib --scratch-path .build-static --product stackreview >&2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 bench/changelog/generate.py "$work/repo"
exec python3 bench/changelog/measure.py --binary .build-static/release/stackreview --repository "$work/repo" --runs "$runs"
