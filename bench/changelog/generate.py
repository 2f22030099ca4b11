#!/usr/bin/env python3
"""Generates the changelog benchmark's repository: 500 files (450 Terraform files in 45
modules, 50 documentation pages) in a first commit, then 1,000 first-parent commits of small
Terraform changes
(tracing switched on or off, log retention changed, a bucket made public or private again,
memory and tags edited, one to three files of one module each), every 25th a merge of a
one-commit side branch.

Deterministic: a fixed seed and fixed dates, so every run builds the same commits.
Usage: generate.py DIRECTORY [--commits N]
"""
import argparse
import os
import random
import subprocess

MODULES = 45
FILES_PER_MODULE = 10
DOC_PAGES = 50
ENV = dict(os.environ, GIT_CONFIG_NOSYSTEM="1", HOME=os.environ.get("HOME", "/tmp"))


class StackFile:
    """One Terraform file: a Lambda function, its log group and a bucket, with editable knobs."""

    def __init__(self, module, number, rng):
        self.name = f"m{module}f{number}"
        self.tracing = rng.random() < 0.6
        self.retention = rng.choice([7, 30, 365])
        self.memory = rng.choice([128, 256, 512])
        self.public = rng.random() < 0.1
        self.tagged = rng.random() < 0.5

    def text(self):
        name = self.name
        tracing = '  tracing_config {\n    mode = "Active"\n  }\n' if self.tracing else ""
        tags = f'  tags = {{\n    service = "{name}"\n  }}\n' if self.tagged else ""
        acl = "public-read" if self.public else "private"
        return (
            f'resource "aws_lambda_function" "{name}" {{\n'
            f'  function_name = "{name}"\n'
            f'  role          = "arn:aws:iam::123456789012:role/{name}"\n'
            f'  handler       = "app.handler"\n'
            f'  runtime       = "python3.12"\n'
            f'  memory_size   = {self.memory}\n'
            f'{tracing}{tags}'
            f'}}\n\n'
            f'resource "aws_cloudwatch_log_group" "{name}" {{\n'
            f'  name              = "/aws/lambda/{name}"\n'
            f'  retention_in_days = {self.retention}\n'
            f'}}\n\n'
            f'resource "aws_s3_bucket" "{name}" {{\n'
            f'  bucket = "bench-{name}"\n'
            f'}}\n\n'
            f'resource "aws_s3_bucket_acl" "{name}" {{\n'
            f'  bucket = aws_s3_bucket.{name}.id\n'
            f'  acl    = "{acl}"\n'
            f'}}\n'
        )

    def change(self, rng):
        """One small edit; returns the commit subject's verb phrase."""
        choice = rng.randrange(5)
        if choice == 0:
            self.tracing = not self.tracing
            return ("enable" if self.tracing else "disable") + f" tracing on {self.name}"
        if choice == 1:
            self.retention = rng.choice([r for r in (7, 30, 90, 365, 400) if r != self.retention])
            return f"keep {self.name} logs {self.retention} days"
        if choice == 2:
            self.public = not self.public
            return ("open" if self.public else "close") + f" the {self.name} bucket"
        if choice == 3:
            self.memory = rng.choice([m for m in (128, 256, 512, 1024) if m != self.memory])
            return f"give {self.name} {self.memory} MB"
        self.tagged = not self.tagged
        return ("tag " if self.tagged else "untag ") + self.name


def data(payload):
    return b"data %d\n%s\n" % (len(payload), payload)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("directory")
    parser.add_argument("--commits", type=int, default=1000, help="changes after the first commit")
    arguments = parser.parse_args()
    rng = random.Random(20261205)
    repo = arguments.directory
    os.makedirs(repo)
    subprocess.run(["git", "init", "-q", "-b", "main", repo], check=True, env=ENV)

    stacks = {(m, f): StackFile(m, f, rng) for m in range(MODULES) for f in range(FILES_PER_MODULE)}
    def path(key):
        return f"stacks/m{key[0]}/f{key[1]}.tf"

    stream = []
    clock = 1_780_000_000
    def commit(ref, mark, subject, files, parents):
        nonlocal clock
        clock += 3600
        stream.append(b"commit %s\nmark :%d\n" % (ref.encode(), mark))
        stream.append(b"author Bench <bench@example.invalid> %d +0000\n" % clock)
        stream.append(b"committer Bench <bench@example.invalid> %d +0000\n" % clock)
        stream.append(data(subject.encode() + b"\n"))
        if parents:
            stream.append(b"from :%d\n" % parents[0])
            for parent in parents[1:]:
                stream.append(b"merge :%d\n" % parent)
        for file_path, text in sorted(files.items()):
            stream.append(b"M 100644 inline %s\n" % file_path.encode())
            stream.append(data(text.encode()))

    # The first commit holds all 500 files.
    initial = {path(key): stack.text() for key, stack in stacks.items()}
    for page in range(DOC_PAGES):
        initial[f"docs/page{page:02}.md"] = f"# Page {page}\n\nHow the stack is run, part {page}.\n"
    commit("refs/heads/main", 1, "Initial stack", initial, [])
    main_mark, mark = 1, 1
    for number in range(1, arguments.commits + 1):
        keys = rng.sample(sorted(stacks), rng.choice([1, 1, 2, 3]))
        module = keys[0][0]
        keys = [(module, key[1]) for key in keys]  # one module per change, as a pull request would be
        subjects = [stacks[key].change(rng) for key in dict.fromkeys(keys)]
        files = {path(key): stacks[key].text() for key in dict.fromkeys(keys)}
        subject = subjects[0][0].upper() + subjects[0][1:] + ("" if len(subjects) == 1 else f" (and {len(subjects) - 1} more)")
        if number % 25 == 0:
            # A merged pull request: one commit on a side branch, merged with --no-ff.
            mark += 1
            side = mark
            stream.append(b"reset refs/heads/side\nfrom :%d\n" % main_mark)
            commit("refs/heads/side", side, subject, files, [main_mark])
            mark += 1
            commit("refs/heads/main", mark, f"Merge pull request #{number} from bench/side", files, [main_mark, side])
        else:
            mark += 1
            commit("refs/heads/main", mark, subject, files, [main_mark])
        main_mark = mark
    subprocess.run(["git", "-C", repo, "fast-import", "--quiet"], input=b"".join(stream), check=True, env=ENV)
    subprocess.run(["git", "-C", repo, "branch", "-D", "-q", "side"], check=True, env=ENV)
    subprocess.run(["git", "-C", repo, "reset", "-q", "--hard", "main"], check=True, env=ENV)


if __name__ == "__main__":
    main()
