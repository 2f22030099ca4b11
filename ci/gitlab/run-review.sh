#!/usr/bin/env bash
# Reviews the merge request (or push) a GitLab CI job runs for, without any network call:
#   stackreview review --ci gitlab  (base and head from the CI_* variables, see the README)
# and writes, into the folder given as the first argument (default: stackreview-output):
#   report.md                   the Markdown report
#   gl-code-quality-report.json the Code Quality report (artifacts:reports:codequality)
#   gitlab-discussions.json     the summary note and inline discussions (post-note.sh posts them)
# stackreview is looked up on PATH, or named by STACKREVIEW. Extra arguments after the folder
# are passed to every `stackreview review` (for example --config ci/stackreview.yml).
# Exit status: stackreview's: 0 nothing blocking, 1 the change introduces a finding at or above
# fail_on (all three files are still written), 2 or 3 an error (its message is on stderr).
set -uo pipefail
out=${1:-stackreview-output}
shift || true
bin=${STACKREVIEW:-stackreview}
mkdir -p "$out" || exit 2

"$bin" review --ci gitlab --format markdown -o "$out/report.md" "$@"
status=$?
if [ "$status" -gt 1 ]; then exit "$status"; fi
"$bin" review --ci gitlab --format codeclimate -o "$out/gl-code-quality-report.json" "$@"
quality_status=$?
"$bin" review --ci gitlab --format gitlab -o "$out/gitlab-discussions.json" "$@"
discussions_status=$?
for other in "$quality_status" "$discussions_status"; do
  if [ "$other" -gt 1 ]; then status=$other; fi
done
exit "$status"
