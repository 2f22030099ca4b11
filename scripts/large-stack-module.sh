#!/usr/bin/env bash
# Sourced by the scripts that compile a parser's sources on their own into one module with a
# harness (Fuzz/hcl, Fuzz/python, bench/hcl): `large_stack_module OUT SWIFTC-FLAG...` builds the
# LargeStack library the parsers import (Sources/LargeStack) with the same flags into OUT, and
# leaves in `large_stack` the arguments that let a swiftc command import and link it (give them
# after the sources: the linker searches a static library only for what earlier inputs need).
large_stack_module() {
    local out="$1"
    shift
    local sources
    sources="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/Sources/LargeStack"
    mkdir -p "$out"
    swiftc "$@" -parse-as-library -emit-module -emit-library -static -module-name LargeStack \
        -emit-module-path "$out/LargeStack.swiftmodule" -o "$out/libLargeStack.a" "$sources"/*.swift
    large_stack=(-I "$out" -L "$out" -lLargeStack)
}
