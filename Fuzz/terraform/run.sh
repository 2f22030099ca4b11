#!/usr/bin/env bash
# Fuzzes module loading, evaluation, policy reading, the reference graph, yamldecode and
# jsondecode with libFuzzer for SECONDS (default 60).
# Usage: Fuzz/terraform/run.sh [SECONDS]   (needs a Swift toolchain with libFuzzer)
# Crashes, timeouts and OOMs are written to Fuzz/out/terraform/.
set -euo pipefail
seconds="${1:-60}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/fuzz-terraform.XXXXXX")"
out="$root/Fuzz/out/terraform"
mkdir -p "$out" "$work/corpus"
cp "$root"/Fuzz/terraform/corpus/* "$work/corpus/"
# The modules Terraform imports, built once per version of the sources (Fuzz/modules.sh); the
# Terraform sources are compiled with the harness into one module, which reaches their internals.
source "$root/Fuzz/modules.sh" HCL LinearRegex Threading
swiftc "${swift_flags[@]}" "$root"/Sources/Terraform/*.swift "$root/Fuzz/terraform/FuzzTerraform.swift" \
    -module-name Terraform "${fuzz_link[@]}" -o "$work/fuzz-terraform"
cd "$out"
SWIFT_BACKTRACE=enable=no "$work/fuzz-terraform" "$work/corpus" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=4096 \
    -artifact_prefix="$out/" -print_final_stats=1
echo "fuzz-terraform: ran ${seconds}s; corpus grew to $(ls "$work/corpus" | wc -l) inputs; artifacts in $out"
