#!/usr/bin/env python3
"""Benchmark scenarios for stackreview, run by bench/run.

Each size's repository comes from bench/generator.py through `git fast-import` (fast and
deterministic). Each scenario runs a whole process several times and reports the median wall
time, the median CPU time (user + system, children included) and the largest peak resident
memory of the runs. With --with-checkov, checkov runs on the same trees in the same run and the
table gives the ratio of its wall time to stackreview's.
"""
import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time

import generator

ENV = dict(os.environ, GIT_CONFIG_NOSYSTEM="1", GIT_AUTHOR_NAME="Bench", GIT_AUTHOR_EMAIL="b@example.invalid",
           GIT_COMMITTER_NAME="Bench", GIT_COMMITTER_EMAIL="b@example.invalid", SWIFT_BACKTRACE="enable=no")
HERE = os.path.dirname(os.path.abspath(__file__))


def git(repo, *args, stdin=None):
    return subprocess.run(["git", *args], cwd=repo, env=ENV, input=stdin, check=True,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE).stdout


def rev(repo, name):
    return git(repo, "rev-parse", name).decode().strip()


class FastImport:
    """Builds the stream of one `git fast-import` run: commits on named branches."""

    def __init__(self):
        self.stream = []
        self.mark = 0
        self.time = 1_700_000_000
        self.tips = {}

    def commit(self, branch, message, files, parent=None):
        """A commit on `branch` (after `parent`'s tip, or the branch's own tip) changing `files`
        ({path: text or None to delete})."""
        self.mark += 1
        self.time += 600
        data = message.encode()
        self.stream.append(b"commit refs/heads/%s\nmark :%d\n" % (branch.encode(), self.mark))
        self.stream.append(b"committer Bench <b@example.invalid> %d +0000\n" % self.time)
        self.stream.append(b"data %d\n%s\n" % (len(data), data))
        start = self.tips.get(parent or branch)
        if start:
            self.stream.append(b"from :%d\n" % start)
        for path, text in sorted(files.items()):
            if text is None:
                self.stream.append(b"D %s\n" % path.encode())
            else:
                blob = text.encode()
                self.stream.append(b"M 100644 inline %s\ndata %d\n%s\n" % (path.encode(), len(blob), blob))
        self.tips[branch] = self.mark

    def run(self, repo):
        git(repo, "fast-import", "--quiet", stdin=b"".join(self.stream))
        git(repo, "reset", "--hard", "-q", "main")


def make_repository(root, tf_files, commits):
    """The synthetic repository of `tf_files` .tf files: the first commit, `commits` commits of
    history on main, and three branches from main's tip: pr-1 (one file), pr-20 (twenty files)
    and docs (the README only)."""
    domains = tf_files // 100
    repo = os.path.join(root, f"r{tf_files}")
    os.makedirs(repo)
    git(repo, "init", "-q", "-b", "main")
    files, revisions = generator.repository_files(domains)
    changes, readme_lines = generator.history(domains, revisions, commits)
    stream = FastImport()
    stream.commit("main", "Services of the shop\n", files)
    for message, changed in changes:
        stream.commit("main", message, changed)
    stream.commit("pr-1", "orders: no tracing\n", generator.pull_request(domains, revisions, 1), parent="main")
    stream.commit("pr-20", "checkout: rework two services\n", generator.pull_request(domains, revisions, 20), parent="main")
    stream.commit("docs", "README: how to deploy\n", {"README.md": generator.readme(readme_lines) + "\nDeploy with terraform apply.\n"}, parent="main")
    stream.run(repo)
    return repo


def make_small_project(root):
    repo = os.path.join(root, "small")
    os.makedirs(repo)
    git(repo, "init", "-q", "-b", "main")
    stream = FastImport()
    stream.commit("main", "orders service\n", generator.small_project())
    stream.run(repo)
    return repo


def measure(command, cwd, runs, stdin=None, accept=(0, 1)):
    """Median wall and CPU milliseconds and the largest peak RSS (MiB) of `runs` runs, each
    measured on its own process with wait4 (its reaped children included, so a wrapper script
    counts what it runs; git processes of this script do not count)."""
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
            if process.returncode not in accept:
                errors.seek(0)
                sys.exit(f"benchmark command failed ({process.returncode}): {' '.join(command)}\n{errors.read().decode()[-4000:]}")
    return statistics.median(walls) * 1000, statistics.median(cpus) * 1000, max(peaks)


def install_checkov(out):
    """A virtual environment under `out` with checkov from PyPI; returns its checkov command."""
    venv = os.path.join(out, "checkov-venv")
    checkov = os.path.join(venv, "bin", "checkov")
    if not os.path.exists(checkov):
        print(f"bench: installing checkov into {venv} (pip, from PyPI)", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", venv], check=True)
        subprocess.run([os.path.join(venv, "bin", "pip"), "install", "--quiet", "checkov"], check=True)
    version = subprocess.run([checkov, "--version"], check=True, stdout=subprocess.PIPE, env=checkov_env()).stdout.decode().strip()
    return checkov, version


def checkov_env():
    # Offline and quiet: no platform upload, no policy download, no version check.
    return dict(ENV, BC_SKIP_MAPPING="TRUE", CHECKOV_RUN_SCA_PACKAGE_SCAN_V2="false", LOG_LEVEL="ERROR")


def checkov_command(checkov, targets):
    """checkov over Terraform only (stackreview's scope), compact, no downloads; `targets` is
    ["-d", folder] or ["-f", file, "-f", file, ...]."""
    return [checkov, "--framework", "terraform", "--compact", "--quiet", "--skip-download", "--output", "cli", *targets]


class Table:
    def __init__(self):
        self.rows = []

    def add(self, name, figures, target="", versus=None):
        self.rows.append((name, figures, target, versus))

    def print(self):
        print(f"{'scenario':<66} {'wall ms':>10} {'cpu ms':>10} {'peak MiB':>9}  {'checkov/us':>10}  target")
        for name, (wall, cpu, peak), target, versus in self.rows:
            ratio = f"{versus:.0f}x" if versus is not None else ""
            print(f"{name:<66} {wall:>10.1f} {cpu:>10.1f} {peak:>9.1f}  {ratio:>10}  {target}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--quick", action="store_true", help="the smallest size only, three runs each (what CI runs)")
    parser.add_argument("--runs", type=int, default=7, help="runs per scenario (median); default 7")
    parser.add_argument("--sizes", default="100,1000,10000", help="numbers of .tf files, each a multiple of 100")
    parser.add_argument("--commits", type=int, default=1000, help="commits of history on top of the first")
    parser.add_argument("--with-checkov", action="store_true", help="install checkov into bench/out and run it on the same trees")
    parser.add_argument("--checkov-full-max", type=int, default=1000,
                        help="largest size at which checkov scans the whole tree (it takes minutes per thousand files)")
    arguments = parser.parse_args()
    binary = os.path.abspath(arguments.binary)
    runs = 3 if arguments.quick else arguments.runs
    sizes = [100] if arguments.quick else [int(size) for size in arguments.sizes.split(",")]
    if any(size % 100 or size <= 0 for size in sizes):
        sys.exit("bench: every size must be a positive multiple of 100 (.tf files come in domains of 100)")
    checkov, version = None, None
    if arguments.with_checkov:
        checkov, version = install_checkov(os.path.join(HERE, "out"))
    table = Table()
    notes = []
    with tempfile.TemporaryDirectory(prefix="stackreview-bench-") as root:
        small = make_small_project(root)
        figures = measure([binary, "review", "--all", "HEAD"], small, runs)
        table.add("11-resource project, review --all (whole tree)", figures, "checkov/us >= 40x")
        if checkov:
            theirs = measure(checkov_command(checkov, ["-d", "."]), small, max(1, runs // 2), accept=(0, 1))
            table.add("11-resource project, checkov -d (whole tree)", theirs, "", theirs[0] / figures[0])
        for size in sizes:
            started = time.perf_counter()
            repo = make_repository(root, size, arguments.commits)
            files = len(git(repo, "ls-files").splitlines())
            print(f"bench: {size} .tf files ({files} files, {arguments.commits + 1} commits) generated in "
                  f"{time.perf_counter() - started:.1f} s", file=sys.stderr)
            label = f"{size:,} .tf"
            main_tip, docs_tip = rev(repo, "main"), rev(repo, "docs")
            line = f"refs/heads/docs {docs_tip} refs/heads/docs {main_tip}\n".encode()
            table.add(f"pre-push, no Terraform or handler change ({label})",
                      measure([binary, "hook", "pre-push", "origin", "file:///dev/null"], repo, runs, stdin=line), "< 50 ms")
            for changed in (1, 20):
                for output in ("markdown", "github-review"):
                    target = "< 300 ms, < 150 MiB at 10,000" if changed == 20 else ""
                    figures = measure([binary, "review", f"main..pr-{changed}", "--format", output], repo, runs)
                    versus = None
                    if checkov and output == "markdown":
                        paths = [path for path in git(repo, "diff", "--name-only", f"main..pr-{changed}").decode().split()
                                 if path.endswith(".tf")]
                        git(repo, "checkout", "-q", f"pr-{changed}")
                        theirs = measure(checkov_command(checkov, [arg for path in paths for arg in ("-f", path)]), repo, max(1, runs // 2))
                        git(repo, "checkout", "-q", "main")
                        table.add(f"{changed}-file pull request, checkov -f on its .tf files ({label})", theirs)
                        versus = theirs[0] / figures[0]
                    table.add(f"{changed}-file pull request review, {output} ({label})", figures, target, versus)
            figures = measure([binary, "review", "--all", "main"], repo, max(1, runs // 2))
            versus = None
            if checkov and size <= arguments.checkov_full_max:
                theirs = measure(checkov_command(checkov, ["-d", "."]), repo, 1)
                table.add(f"checkov -d, whole tree ({label})", theirs)
                versus = theirs[0] / figures[0]
            elif checkov:
                notes.append(f"checkov -d skipped at {size:,} .tf files (above --checkov-full-max {arguments.checkov_full_max})")
            table.add(f"review --all, whole tree ({label})", figures, "< 3 s at 10,000, both cores", versus)
            # --quick (CI, a debug build) walks the last 100 commits only: the whole history takes a minute there.
            walked = min(arguments.commits, 100) if arguments.quick else arguments.commits
            first = rev(repo, "main~%d" % walked)
            figures = measure([binary, "changelog", f"{first}..{main_tip}", "--quiet"], repo, max(1, runs // 2), accept=(0,))
            table.add(f"changelog over {walked:,} commits ({label})", figures, "< 20 s for 1,000 at 1,000")
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), platform.processor()) \
        if os.path.exists("/proc/cpuinfo") else platform.processor()
    print(f"machine: {os.cpu_count()} cores ({cpu}), {platform.system()} {platform.release()}, load average at the end "
          f"{', '.join(f'{load:.1f}' for load in os.getloadavg())}; {'static release build' if '/release/' in binary else 'debug build (figures not comparable with a release build)'}; median of {runs} runs"
          f" (review --all and checkov: fewer){'; checkov ' + version if checkov else ''}")
    table.print()
    for note in notes:
        print(f"note: {note}")


if __name__ == "__main__":
    main()
