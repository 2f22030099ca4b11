#!/usr/bin/env bash
# Posts stackreview's summary note and inline discussions on a merge request, or updates the
# note it posted before; the only step of the GitLab template that talks to the network (curl
# and jq).
#
#   post-note.sh gitlab-discussions.json
#
# The file is `stackreview review --format gitlab` output: a JSON array whose first element is
# the summary note ({"body"}) and whose others are inline discussions ({"body", "position"}).
# Needs STACKREVIEW_GITLAB_TOKEN (a project or personal access token with the api scope: the
# job token cannot write notes), CI_API_V4_URL, CI_PROJECT_ID and CI_MERGE_REQUEST_IID (set in
# merge request pipelines; in any other pipeline nothing is posted).
#
# One note, updated rather than piling up:
#   1. The summary note is found by the hidden marker <!-- stackreview:note --> at the top of
#      its body and edited in place (PUT .../notes/:note_id); if there is none it is created.
#   2. Each inline discussion carries the marker <!-- stackreview:inline --> at the end of its
#      body. One already on the merge request with the same file and text is not posted again;
#      the others are posted with the merge request's current diff_refs (base, start and head
#      SHAs from GET .../merge_requests/:iid), which is what GitLab needs to place them.
#      Discussions on fixed findings stay (GitLab shows them as outdated once their lines change).
#   3. A discussion GitLab refuses (its line is no longer in the diff) is skipped with a warning;
#      the summary note lists every finding anyway.
set -euo pipefail
payload=${1:?usage: post-note.sh gitlab-discussions.json}
: "${STACKREVIEW_GITLAB_TOKEN:?post-note.sh: set STACKREVIEW_GITLAB_TOKEN (a masked CI/CD variable holding an access token with the api scope)}"
: "${CI_API_V4_URL:?post-note.sh: set CI_API_V4_URL}"
: "${CI_PROJECT_ID:?post-note.sh: set CI_PROJECT_ID}"
if [ -z "${CI_MERGE_REQUEST_IID:-}" ]; then
  echo "post-note.sh: this pipeline does not run for a merge request; nothing posted." >&2
  exit 0
fi
note_marker='<!-- stackreview:note -->'
inline_marker='<!-- stackreview:inline -->'
request="/projects/$CI_PROJECT_ID/merge_requests/$CI_MERGE_REQUEST_IID"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# gitlab METHOD PATH [JSON-FILE]: one API call; prints the response body, fails on an HTTP error.
gitlab() {
  local arguments=(--silent --show-error --fail-with-body --request "$1"
    --header "PRIVATE-TOKEN: $STACKREVIEW_GITLAB_TOKEN")
  if [ -n "${3:-}" ]; then
    arguments+=(--header "Content-Type: application/json" --data-binary "@$3")
  fi
  curl "${arguments[@]}" "$CI_API_V4_URL$2"
}

# gitlab_list PATH OUTPUT: every page of a list, as one JSON array in the file OUTPUT.
gitlab_list() {
  local page=1 file
  while :; do
    file=$2.page$(printf '%04d' "$page")
    gitlab GET "$1?per_page=100&page=$page" >"$file"
    [ "$(jq 'length' "$file")" -lt 100 ] && break
    page=$((page + 1))
  done
  jq -s 'add' "$2".page* >"$2"
}

# The summary note.
jq --arg marker "$note_marker" '{body: ($marker + "\n" + .[0].body)}' "$payload" >"$work/note.json"
gitlab_list "$request/notes" "$work/notes.json"
note_id=$(jq -r --arg marker "$note_marker" \
  '[.[] | select((.body // "") | startswith($marker))] | first | .id // empty' "$work/notes.json")
if [ -n "$note_id" ]; then
  gitlab PUT "$request/notes/$note_id" "$work/note.json" >/dev/null
  echo "post-note.sh: updated the stackreview note $note_id." >&2
else
  gitlab POST "$request/notes" "$work/note.json" >/dev/null
  echo "post-note.sh: posted the stackreview note." >&2
fi

# The inline discussions not posted yet, placed on the merge request's current diff.
gitlab GET "$request" >"$work/merge-request.json"
gitlab_list "$request/discussions" "$work/discussions.json"
jq --arg marker "$inline_marker" \
  '[.[] | .notes[0] | select(.position != null and ((.body // "") | endswith($marker)))
        | {path: .position.new_path, body}]' "$work/discussions.json" >"$work/posted.json"
jq --arg marker "$inline_marker" --slurpfile posted "$work/posted.json" --slurpfile mr "$work/merge-request.json" \
  '[.[1:][] | .body += "\n\n" + $marker
    | select(. as $d | $posted[0] | any(.path == $d.position.new_path and .body == $d.body) | not)
    | .position += {base_sha: $mr[0].diff_refs.base_sha, start_sha: $mr[0].diff_refs.start_sha,
                    head_sha: $mr[0].diff_refs.head_sha}]' "$payload" >"$work/new.json"
count=$(jq 'length' "$work/new.json")
posted=0
for index in $(seq 0 $((count - 1))); do
  jq ".[$index]" "$work/new.json" >"$work/discussion.json"
  if gitlab POST "$request/discussions" "$work/discussion.json" >/dev/null; then
    posted=$((posted + 1))
  else
    echo "post-note.sh: GitLab refused the discussion on $(jq -r '.position.new_path' "$work/discussion.json"); its line is no longer in the diff." >&2
  fi
done
echo "post-note.sh: $posted new inline discussion(s)." >&2
