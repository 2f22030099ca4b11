#!/usr/bin/env python3
"""Benchmark scenarios for stackreview, run by bench/run.

Each scenario builds its repository with `git fast-import` (fast, deterministic), then runs
the stackreview binary as a whole process several times and reports the median wall time,
CPU time (user + system) and the peak resident memory of the runs.
"""
import argparse
import os
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
    # A 20-file pull request: two modules, ten files each, every function loses its tracing
    # and every log group's retention is shortened.
    pull_request = {}
    for index in range(min(20, tf_files)):
        module = (index // 10) * max(1, tf_files // 20) // 10
        number = module * 10 + index % 10
        pull_request[f"modules/m{module}/f{index % 10}.tf"] = terraform_module(number).replace(
            '  tracing_config {\n    mode = "Active"\n  }\n', "").replace("retention_in_days = 365", "retention_in_days = 7")
    fast_import(repo, [("base\n", files), ("pull request\n", pull_request), ("docs only\n", {"README.md": "# bench\n\nmore\n"})])
    return repo


def measure(command, cwd, runs, stdin=None):
    """Median wall and CPU milliseconds and the largest peak RSS (MiB) of `runs` runs, each
    measured on its own process with wait4 (so git and other children of this script do not count)."""
    walls, cpus, peaks = [], [], []
    for _ in range(runs):
        with tempfile.TemporaryFile() as stdin_file, tempfile.TemporaryFile() as errors:
            stdin_file.write(stdin or b"")
            stdin_file.seek(0)
            start = time.perf_counter()
            process = subprocess.Popen(command, cwd=cwd, env=ENV, stdin=stdin_file, stdout=subprocess.DEVNULL, stderr=errors)
            _, status, usage = os.wait4(process.pid, 0)
            walls.append(time.perf_counter() - start)
            process.returncode = os.waitstatus_to_exitcode(status)
            cpus.append(usage.ru_utime + usage.ru_stime)
            peaks.append(usage.ru_maxrss / 1024)
            if process.returncode not in (0, 1):
                errors.seek(0)
                sys.exit(f"benchmark command failed ({process.returncode}): {' '.join(command)}\n{errors.read().decode()}")
    return statistics.median(walls) * 1000, statistics.median(cpus) * 1000, max(peaks)


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
        sizes = [(100, 400)] if arguments.quick else [(100, 400), (1000, 4000), (10000, 0)]
        for tf_files, other_files in sizes:
            repo = make_repository(os.path.join(root, f"r{tf_files}"), tf_files, other_files)
            total = tf_files + other_files + 1
            base = git(repo, "rev-parse", "HEAD~1").decode().strip()
            head = git(repo, "rev-parse", "HEAD").decode().strip()
            line = f"refs/heads/main {head} refs/heads/main {base}\n".encode()
            wall, cpu, peak = measure([binary, "hook", "pre-push", "origin", "file:///dev/null"], repo, runs, stdin=line)
            rows.append((f"pre-push, no Terraform or handler change ({total} files)", wall, cpu, peak, "< 50 ms"))
            for output in ["text", "markdown", "github-review"]:
                wall, cpu, peak = measure([binary, "review", "HEAD~2..HEAD~1", "--format", output], repo, runs)
                rows.append((f"20-file pull request review, {output} ({total} files)", wall, cpu, peak, "< 300 ms, < 150 MiB"))
            wall, cpu, peak = measure([binary, "review", "--all", "HEAD~1..HEAD"], repo, max(1, runs // 2))
            rows.append((f"review --all ({tf_files} .tf files)", wall, cpu, peak, "< 3 s at 10,000"))
    print(f"{'scenario':<70} {'wall ms':>9} {'cpu ms':>9} {'peak MiB':>9}  target")
    for name, wall, cpu, peak, target in rows:
        print(f"{name:<70} {wall:>9.1f} {cpu:>9.1f} {peak:>9.1f}  {target}")


if __name__ == "__main__":
    main()
