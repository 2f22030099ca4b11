#!/usr/bin/env python3
"""Benchmark scenarios for stackreview, run by bench/run.

Each scenario builds its repository with `git fast-import` (fast, deterministic), then runs
the stackreview binary as a whole process several times and reports the median wall time,
CPU time (user + system) and the peak resident memory of the runs.
"""
import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ENV = dict(os.environ, GIT_CONFIG_NOSYSTEM="1", GIT_AUTHOR_NAME="Bench", GIT_AUTHOR_EMAIL="b@example.invalid",
           GIT_COMMITTER_NAME="Bench", GIT_COMMITTER_EMAIL="b@example.invalid", SWIFT_BACKTRACE="enable=no")


def git(repo, *args, stdin=None):
    return subprocess.run(["git", *args], cwd=repo, env=ENV, input=stdin, check=True,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE).stdout


def terraform_module(index):
    """A small realistic module: a function, its role and log group."""
    return (
        f'resource "aws_lambda_function" "f{index}" {{\n'
        f'  function_name = "svc-{index}"\n'
        f'  role          = aws_iam_role.r{index}.arn\n'
        f'  handler       = "app.handler"\n'
        f'  runtime       = "python3.12"\n'
        f'  tracing_config {{\n    mode = "Active"\n  }}\n'
        f'}}\n\n'
        f'resource "aws_iam_role" "r{index}" {{\n'
        f'  name               = "svc-{index}"\n'
        f'  assume_role_policy = jsonencode({{ Version = "2012-10-17", Statement = [] }})\n'
        f'}}\n\n'
        f'resource "aws_cloudwatch_log_group" "g{index}" {{\n'
        f'  name              = "/aws/lambda/svc-{index}"\n'
        f'  retention_in_days = 365\n'
        f'}}\n'
    )


def fast_import(repo, commits):
    """commits: list of (message, {path: text or None}) applied in order on main."""
    stream = []
    mark = 0
    for number, (message, files) in enumerate(commits):
        mark += 1
        data = message.encode()
        stream.append(b"commit refs/heads/main\n")
        stream.append(b"mark :%d\n" % mark)
        stream.append(b"committer Bench <b@example.invalid> %d +0000\n" % (1_700_000_000 + number * 60))
        stream.append(b"data %d\n%s\n" % (len(data), data))
        if number > 0:
            stream.append(b"from :%d\n" % (mark - 1))
        for path, text in sorted(files.items()):
            if text is None:
                stream.append(b"D %s\n" % path.encode())
            else:
                blob = text.encode()
                stream.append(b"M 100644 inline %s\ndata %d\n%s\n" % (path.encode(), len(blob), blob))
    git(repo, "fast-import", "--quiet", stdin=b"".join(stream))
    git(repo, "reset", "--hard", "-q", "main")


def make_repository(root, tf_files, other_files):
    repo = os.path.join(root, "repo")
    os.makedirs(repo)
    git(repo, "init", "-q", "-b", "main")
    files = {"README.md": "# bench\n"}
    for index in range(tf_files):
        files[f"modules/m{index // 10}/f{index % 10}.tf"] = terraform_module(index)
    for index in range(other_files):
        files[f"docs/d{index // 100}/page{index % 100}.md"] = f"page {index}\n"
    fast_import(repo, [("base\n", files), ("docs only\n", {"README.md": "# bench\n\nmore\n"})])
    return repo


def measure(command, cwd, runs, stdin=None):
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        completed = subprocess.run(command, cwd=cwd, env=ENV, input=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime))
        if completed.returncode not in (0, 1):
            sys.exit(f"benchmark command failed ({completed.returncode}): {' '.join(command)}\n{completed.stderr.decode()}")
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return statistics.median(walls) * 1000, statistics.median(cpus) * 1000, peak_kib / 1024


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--runs", type=int, default=7)
    arguments = parser.parse_args()
    binary = os.path.abspath(arguments.binary)
    runs = 3 if arguments.quick else arguments.runs
    rows = []
    with tempfile.TemporaryDirectory(prefix="stackreview-bench-") as root:
        sizes = [(100, 400)] if arguments.quick else [(100, 400), (1000, 4000)]
        for tf_files, other_files in sizes:
            repo = make_repository(os.path.join(root, f"r{tf_files}"), tf_files, other_files)
            base = git(repo, "rev-parse", "HEAD~1").decode().strip()
            head = git(repo, "rev-parse", "HEAD").decode().strip()
            line = f"refs/heads/main {head} refs/heads/main {base}\n".encode()
            wall, cpu, peak = measure([binary, "hook", "pre-push", "origin", "file:///dev/null"], repo, runs, stdin=line)
            rows.append((f"pre-push, no Terraform or handler change ({tf_files + other_files + 1} files)", wall, cpu, peak, "< 50 ms"))
    print(f"{'scenario':<70} {'wall ms':>9} {'cpu ms':>9} {'peak MiB':>9}  target")
    for name, wall, cpu, peak, target in rows:
        print(f"{name:<70} {wall:>9.1f} {cpu:>9.1f} {peak:>9.1f}  {target}")


if __name__ == "__main__":
    main()
