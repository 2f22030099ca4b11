#!/usr/bin/env bash
# Fuzzes Terraform's JSON syntax (.tf.json): parsing, schema conversion and module loading
# with libFuzzer and AddressSanitizer for SECONDS (default 60).
# Usage: Fuzz/tfjson/run.sh [SECONDS]   (from anywhere; needs a Swift toolchain with libFuzzer)
# Crashes, timeouts and OOMs are written to Fuzz/out/tfjson/.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/../modules.sh" Terraform
fuzz_run tfjson "$here/FuzzTerraformJSON.swift" "${1:-60}" -timeout=10 -max_len=4096
