#!/usr/bin/env bash
# Reviews the pull request (or push) a GitHub Actions job runs for, without any network call:
#   stackreview review --ci github  (base and head from the event file, see the README)
# and writes, into the folder given as the first argument (default: stackreview-output):
#   report.md           the Markdown report, also appended to $GITHUB_STEP_SUMMARY when set
#   stackreview.sarif   SARIF 2.1.0 for github/codeql-action/upload-sarif
#   github-review.json  the body of GitHub's "create a review" call (post-review.sh posts it)
# stackreview is looked up on PATH, or named by STACKREVIEW. Extra arguments after the folder
# are passed to every `stackreview review` (for example --config ci/stackreview.yml).
# Exit status: stackreview's: 0 nothing blocking, 1 the change introduces a finding at or above
# fail_on (all three files are still written), 2 or 3 an error (its message is on stderr).
# When GITHUB_OUTPUT is set, `status=<exit status>` is written to it.
set -uo pipefail
out=${1:-stackreview-output}
shift || true
bin=${STACKREVIEW:-stackreview}
mkdir -p "$out" || exit 2

"$bin" review --ci github --format markdown -o "$out/report.md" "$@"
status=$?
if [ "$status" -gt 1 ]; then
  [ -n "${GITHUB_OUTPUT:-}" ] && echo "status=$status" >>"$GITHUB_OUTPUT"
  exit "$status"
fi
"$bin" review --ci github --format sarif -o "$out/stackreview.sarif" "$@"
sarif_status=$?
"$bin" review --ci github --format github-review -o "$out/github-review.json" "$@"
review_status=$?
for other in "$sarif_status" "$review_status"; do
  if [ "$other" -gt 1 ]; then status=$other; fi
done
if [ -n "${GITHUB_STEP_SUMMARY:-}" ] && [ -f "$out/report.md" ]; then
  cat "$out/report.md" >>"$GITHUB_STEP_SUMMARY"
fi
[ -n "${GITHUB_OUTPUT:-}" ] && echo "status=$status" >>"$GITHUB_OUTPUT"
exit "$status"
