#!/usr/bin/env bash
# Measures parse speed (lines/s) of the Python parser in an optimised build over the corpus.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="${TMPDIR:-/tmp}/stackreview-bench-python"
cd "$root"
source scripts/threading-module.sh
threading_module "$out.modules" -O
swiftc -O -parse-as-library Sources/Python/*.swift Fuzz/python/Benchmark.swift "${threading[@]}" -module-name BenchPython -o "$out"
"$out" "$here/corpus"
