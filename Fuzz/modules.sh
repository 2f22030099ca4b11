#!/usr/bin/env bash
# Builds stackreview's library modules (and Yams) with libFuzzer coverage and AddressSanitizer,
# as static libraries the fuzz targets link against, into .build-fuzz/modules/<hash of the sources>.
# Sourced by Fuzz/<target>/run.sh: `source Fuzz/modules.sh MODULE...` builds MODULE and what it
# needs (in dependency order), then leaves in `fuzz_modules` the folder holding the .swiftmodule
# files and in `fuzz_link` the arguments that link them. A second run with unchanged sources
# reuses the libraries.
set -euo pipefail
fuzz_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ ! -d "$fuzz_root/.build/checkouts/Yams" ]; then
    (cd "$fuzz_root" && swift package resolve >/dev/null)
fi
yams="$fuzz_root/.build/checkouts/Yams/Sources"
hash=$(cat "$fuzz_root"/Sources/*/*.swift "$fuzz_root"/Sources/*/*/*.swift "$yams"/Yams/*.swift \
    "$fuzz_root/Fuzz/modules.sh" 2>/dev/null | sha256sum | cut -c1-16)
fuzz_modules="$fuzz_root/.build-fuzz/modules/$hash"
mkdir -p "$fuzz_modules"
# Compile a snapshot of the sources, so an edit during the build cannot mix two versions.
fuzz_sources="$fuzz_modules/Sources"
if [ ! -d "$fuzz_sources" ]; then
    cp -R "$fuzz_root/Sources" "$fuzz_sources.partial"
    mv "$fuzz_sources.partial" "$fuzz_sources"
fi
# One package name for every module, as SwiftPM gives them: `package` declarations are seen
# across modules of the package.
swift_flags=(-sanitize=fuzzer,address -O -parse-as-library -enable-testing -DSWIFT_PACKAGE -package-name stackreview -I "$fuzz_modules"
    -I "$yams/CYaml/include" -Xcc -DYAML_DECLARE_STATIC -I "$fuzz_sources/CLibgit2")

# dependencies of each module, in the order they must be built
declare -A needs=(
    [CYaml]="" [Yams]="CYaml" [Threading]="" [HCL]="Threading" [LinearRegex]="" [Python]="Threading"
    [Metrics]="" [Git]=""
    [Terraform]="HCL LinearRegex Threading" [Review]="Git HCL Terraform Python Metrics LinearRegex Threading Yams"
    [Reporting]="Git Review Metrics Threading"
)
fuzz_order=()
fuzz_add() {
    local module
    for module in ${needs[$1]}; do fuzz_add "$module"; done
    [[ " ${fuzz_order[*]} " == *" $1 "* ]] || fuzz_order+=("$1")
}
for wanted in "$@"; do fuzz_add "$wanted"; done

for module in "${fuzz_order[@]}"; do
    library="$fuzz_modules/lib$module.a"
    if [ ! -f "$library" ]; then
        echo "fuzz: building $module" >&2
        if [ "$module" = CYaml ]; then
            objects="$(mktemp -d)"
            for source in "$yams"/CYaml/src/*.c; do
                clang -O1 -fsanitize=fuzzer-no-link,address -DYAML_DECLARE_STATIC -I "$yams/CYaml/include" \
                    -c "$source" -o "$objects/$(basename "$source" .c).o"
            done
            ar rcs "$library.partial" "$objects"/*.o
            rm -rf "$objects"
        else
            sources=("$fuzz_sources/$module"/*.swift)
            [ -d "$fuzz_sources/$module" ] || sources=("$yams/$module"/*.swift)
            shopt -s nullglob
            sources+=("$fuzz_sources/$module"/*/*.swift)
            shopt -u nullglob
            swiftc "${swift_flags[@]}" -emit-module -emit-library -static -module-name "$module" \
                -emit-module-path "$fuzz_modules/$module.swiftmodule" -o "$library.partial" "${sources[@]}"
        fi
        mv "$library.partial" "$library"
    fi
done

fuzz_link=()
for (( index=${#fuzz_order[@]}-1; index>=0; index-- )); do
    fuzz_link+=("$fuzz_modules/lib${fuzz_order[$index]}.a")
done
[[ " ${fuzz_order[*]} " == *" Git "* ]] && fuzz_link+=(-lgit2)
true

# fuzz_build NAME SOURCE EXECUTABLE: links SOURCE (the target's entry point) against the modules above.
fuzz_build() {
    swiftc "${swift_flags[@]}" "$2" -module-name "Fuzz$1" "${fuzz_link[@]}" -o "$3"
}

# fuzz_run NAME SOURCE SECONDS [LIBFUZZER OPTION...]: builds the target (fuzz_build), then fuzzes
# it for SECONDS from a copy of Fuzz/NAME/corpus.
# Crashes, timeouts and OOMs are written to Fuzz/out/NAME/; the run's statistics end the output.
fuzz_run() {
    local name="$1" source="$2" seconds="$3"
    shift 3
    local work out
    work="$(mktemp -d "${TMPDIR:-/tmp}/fuzz-$name.XXXXXX")"
    out="$fuzz_root/Fuzz/out/$name"
    mkdir -p "$out" "$work/corpus"
    cp "$fuzz_root/Fuzz/$name/corpus/"* "$work/corpus/"
    fuzz_build "$name" "$source" "$work/fuzz-$name"
    (cd "$out" && SWIFT_BACKTRACE=enable=no "$work/fuzz-$name" "$work/corpus" \
        -max_total_time="$seconds" -rss_limit_mb=2048 -artifact_prefix="$out/" -print_final_stats=1 "$@")
    echo "fuzz-$name: ran ${seconds}s; corpus grew to $(ls "$work/corpus" | wc -l) inputs; artifacts in $out"
    rm -rf "$work"
}
