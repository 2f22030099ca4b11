#!/bin/sh
# Builds the Git layer with a small benchmark main, optimised, and prints how long the
# ChangeSet of a 50-file change in a 5,000-file repository takes (target: under 20 ms).
# Needs swiftc and libgit2-dev (pkg-config libgit2).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
swiftc -O -module-name GitBench \
    -I "$root/Sources/CLibgit2" $(pkg-config --cflags-only-I libgit2 | sed 's/-I/-Xcc -I/g') \
    $(pkg-config --libs libgit2) \
    "$root"/Sources/Git/*.swift "$here/main.swift" -o "$out/git-bench" 2>&1 | grep -v '^$' || true
test -x "$out/git-bench"
"$out/git-bench"
