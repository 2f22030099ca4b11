#!/usr/bin/env bash
# Posts stackreview's review of a pull request, or updates the one it posted before; the only
# step of the GitHub Action that talks to the network (curl and jq).
#
#   post-review.sh github-review.json
#
# The file is `stackreview review --format github-review` output: {"body", "event", "comments"}.
# Needs GITHUB_TOKEN (with pull-requests: write), GITHUB_REPOSITORY (owner/name) and
# GITHUB_EVENT_PATH (a pull_request event; for any other event nothing is posted). GITHUB_API_URL
# defaults to https://api.github.com.
#
# One review, updated rather than piling up. GitHub lets a submitted review's summary body be
# changed (PUT /repos/{owner}/{repo}/pulls/{number}/reviews/{review_id}), but not its inline
# comments: they cannot be moved to other lines or added to a submitted review, and a review
# whose state is COMMENTED cannot be dismissed. So:
#   1. The summary review is found by the hidden marker <!-- stackreview:review --> at the top
#      of its body. None yet: one review is created with the report and every inline comment,
#      anchored to the pull request's head commit.
#   2. Found: its body is replaced by the new report, so the summary always describes the
#      latest head.
#   3. Inline comments already posted by a stackreview review (same file, same text) are not
#      posted again; the new ones go in one more review whose body starts with
#      <!-- stackreview:inline --> and says how many there are. Comments on findings that
#      were fixed stay where they are (GitHub marks them outdated when their lines change).
#   4. If GitHub refuses the inline comments (422: a line is no longer in the diff because
#      the branch moved on), the review is posted without them; the summary still lists them.
set -euo pipefail
payload=${1:?usage: post-review.sh github-review.json}
: "${GITHUB_TOKEN:?post-review.sh: set GITHUB_TOKEN (the workflow needs permissions: pull-requests: write)}"
: "${GITHUB_REPOSITORY:?post-review.sh: set GITHUB_REPOSITORY to owner/name}"
: "${GITHUB_EVENT_PATH:?post-review.sh: set GITHUB_EVENT_PATH to the event file}"
api=${GITHUB_API_URL:-https://api.github.com}
summary_marker='<!-- stackreview:review -->'
inline_marker='<!-- stackreview:inline -->'

number=$(jq -r '.pull_request.number // empty' "$GITHUB_EVENT_PATH")
if [ -z "$number" ]; then
  echo "post-review.sh: this job does not run for a pull request; no review posted." >&2
  exit 0
fi
head_sha=$(jq -r '.pull_request.head.sha' "$GITHUB_EVENT_PATH")
pulls="/repos/$GITHUB_REPOSITORY/pulls/$number"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# github METHOD PATH [JSON-FILE]: one API call; prints the response body, fails on an HTTP error.
github() {
  local arguments=(--silent --show-error --fail-with-body --request "$1"
    --header "Authorization: Bearer $GITHUB_TOKEN"
    --header "Accept: application/vnd.github+json"
    --header "X-GitHub-Api-Version: 2022-11-28")
  if [ -n "${3:-}" ]; then
    arguments+=(--header "Content-Type: application/json" --data-binary "@$3")
  fi
  curl "${arguments[@]}" "$api$2"
}

# github_list PATH OUTPUT: every page of a list, as one JSON array in the file OUTPUT.
github_list() {
  local page=1 file
  while :; do
    file=$2.page$(printf '%04d' "$page")
    github GET "$1?per_page=100&page=$page" >"$file"
    [ "$(jq 'length' "$file")" -lt 100 ] && break
    page=$((page + 1))
  done
  jq -s 'add' "$2".page* >"$2"
}

github_list "$pulls/reviews" "$work/reviews.json"
summary_id=$(jq -r --arg marker "$summary_marker" \
  '[.[] | select((.body // "") | startswith($marker))] | first | .id // empty' "$work/reviews.json")

if [ -z "$summary_id" ]; then
  jq --arg marker "$summary_marker" --arg sha "$head_sha" \
    '{commit_id: $sha, body: ($marker + "\n" + .body), event: "COMMENT", comments: .comments}' \
    "$payload" >"$work/create.json"
  if ! github POST "$pulls/reviews" "$work/create.json" >/dev/null; then
    echo "post-review.sh: GitHub refused the inline comments; posting the review without them." >&2
    jq '.comments = []' "$work/create.json" >"$work/create-body-only.json"
    github POST "$pulls/reviews" "$work/create-body-only.json" >/dev/null
  fi
  echo "post-review.sh: posted the stackreview review with $(jq '.comments | length' "$payload") inline comment(s)." >&2
  exit 0
fi

jq --arg marker "$summary_marker" '{body: ($marker + "\n" + .body)}' "$payload" >"$work/update.json"
github PUT "$pulls/reviews/$summary_id" "$work/update.json" >/dev/null

# The inline comments stackreview already posted: those of its summary and inline reviews.
jq --arg summary "$summary_marker" --arg inline "$inline_marker" \
  '[.[] | select((.body // "") | (startswith($summary) or startswith($inline))) | .id]' \
  "$work/reviews.json" >"$work/review-ids.json"
github_list "$pulls/comments" "$work/comments.json"
jq --slurpfile ids "$work/review-ids.json" \
  '[.[] | select(.pull_request_review_id as $id | $ids[0] | index($id)) | {path, body}]' \
  "$work/comments.json" >"$work/posted.json"
jq --slurpfile posted "$work/posted.json" \
  '[.comments[] | select(. as $c | $posted[0] | any(.path == $c.path and .body == $c.body) | not)]' \
  "$payload" >"$work/new-comments.json"
count=$(jq 'length' "$work/new-comments.json")
if [ "$count" -gt 0 ]; then
  jq -n --arg marker "$inline_marker" --arg sha "$head_sha" --slurpfile comments "$work/new-comments.json" \
    '{commit_id: $sha, event: "COMMENT", comments: $comments[0],
      body: ($marker + "\nstackreview: \($comments[0] | length) new inline comment(s) for \($sha[0:7]); the stackreview summary review above is kept up to date.")}' \
    >"$work/inline.json"
  if ! github POST "$pulls/reviews" "$work/inline.json" >/dev/null; then
    echo "post-review.sh: GitHub refused the new inline comments (their lines are no longer in the diff); the summary lists them." >&2
  fi
fi
echo "post-review.sh: updated the stackreview review $summary_id; $count new inline comment(s)." >&2
