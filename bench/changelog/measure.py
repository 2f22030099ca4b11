#!/usr/bin/env python3
"""Times `stackreview changelog ROOT..HEAD` (every first-parent commit after the first) as a whole
process, several runs, and prints the median wall and CPU time and the largest peak memory.

Each run is measured on its own process with os.wait4, so only stackreview is counted. The
output of every run must be byte-identical (the changelog is deterministic); a difference, or
an exit status other than 0, fails the benchmark.
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--repository", required=True)
    parser.add_argument("--runs", type=int, default=3)
    arguments = parser.parse_args()
    binary = os.path.abspath(arguments.binary)
    repo = arguments.repository
    git = lambda *args: subprocess.run(["git", "-C", repo, *args], check=True, capture_output=True, text=True).stdout.strip()
    root = git("rev-list", "--max-parents=0", "HEAD")
    commits = int(git("rev-list", "--first-parent", "--count", f"{root}..HEAD"))
    files = len(git("ls-files").splitlines())
    merges = int(git("rev-list", "--first-parent", "--merges", "--count", "HEAD"))
    command = [binary, "changelog", f"{root}..HEAD", "--format", "markdown"]
    walls, cpus, peaks, outputs = [], [], [], set()
    for _ in range(arguments.runs):
        with tempfile.TemporaryFile() as output, tempfile.TemporaryFile() as errors:
            start = time.perf_counter()
            process = subprocess.Popen(command, cwd=repo, stdin=subprocess.DEVNULL, stdout=output, stderr=errors,
                                       env=dict(os.environ, SWIFT_BACKTRACE="enable=no"))
            _, status, usage = os.wait4(process.pid, 0)
            walls.append(time.perf_counter() - start)
            cpus.append(usage.ru_utime + usage.ru_stime)
            peaks.append(usage.ru_maxrss / 1024)
            if os.waitstatus_to_exitcode(status) != 0:
                errors.seek(0)
                sys.exit(f"stackreview changelog failed: {errors.read().decode()}")
            output.seek(0)
            text = output.read()
            outputs.add(text)
    if len(outputs) != 1:
        sys.exit("the runs gave different changelogs: the output is not deterministic")
    summary = text.decode().split("\n")[3] if text else ""
    print(f"repository: {files} files; walked: {commits} first-parent commits after the first ({merges} merges)")
    print(f"changelog:  {summary}")
    print(f"stackreview changelog ROOT..HEAD, {arguments.runs} runs: wall {statistics.median(walls):.2f} s (median; "
          f"{min(walls):.2f}-{max(walls):.2f}), CPU {statistics.median(cpus):.2f} s, peak memory {max(peaks):.0f} MiB; target < 20 s wall")


if __name__ == "__main__":
    main()
