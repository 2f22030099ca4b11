#!/usr/bin/env bash
# Sourced by the scripts that compile a parser's sources on their own into one module with a
# harness (Fuzz/hcl, Fuzz/python, bench/hcl): `threading_module OUT SWIFTC-FLAG...` builds the
# Threading library the parsers import (Sources/Threading) with the same flags into OUT, and
# leaves in `threading` the arguments that let a swiftc command import and link it (give them
# after the sources: the linker searches a static library only for what earlier inputs need).
threading_module() {
    local out="$1"
    shift
    local sources
    sources="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/Sources/Threading"
    mkdir -p "$out"
    swiftc "$@" -parse-as-library -emit-module -emit-library -static -module-name Threading \
        -emit-module-path "$out/Threading.swiftmodule" -o "$out/libThreading.a" "$sources"/*.swift
    threading=(-I "$out" -L "$out" -lThreading)
}
