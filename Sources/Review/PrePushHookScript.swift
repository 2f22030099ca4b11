/// The text of stackreview's Git pre-push hook, byte for byte the repository's `hooks/pre-push`
/// (a test compares the two): what `stackreview hook install` writes.
public enum PrePushHookScript {
    /// The line that marks a hook file as stackreview's: `stackreview hook uninstall` removes
    /// only a hook that carries it.
    public static let marker = "# stackreview-managed-hook: pre-push"

    /// The suffix of the file a pre-push hook that was there before stackreview's is kept in;
    /// the installed script runs it first.
    public static let chainedSuffix = ".before-stackreview"

    /// The whole script.
    public static let text = """
    #!/bin/sh
    # stackreview-managed-hook: pre-push
    # stackreview's Git pre-push hook (`stackreview hook install` puts it in place and
    # `stackreview hook uninstall` takes it out; the line above marks it as stackreview's).
    #
    # Git runs it with the remote's name and URL as arguments and one line per pushed ref on
    # standard input; both are handed unchanged to `stackreview hook pre-push`, which blocks the
    # push (exit 1) when it introduces findings at or above the configured severity.
    # stackreview is looked up on PATH; set STACKREVIEW to the binary's path to use another one.
    # A pre-push hook that was here before stackreview's is kept beside it as
    # pre-push.before-stackreview and runs first, with the same arguments and input.
    # Bypass the hook for one push with `git push --no-verify`.
    stackreview_bin=${STACKREVIEW:-stackreview}
    if ! command -v "$stackreview_bin" >/dev/null 2>&1; then
      echo "stackreview pre-push hook: '$stackreview_bin' was not found, so this push was not reviewed." >&2
      echo "  Install stackreview (see its README) or set STACKREVIEW=/path/to/stackreview," >&2
      echo "  or push once without the hook: git push --no-verify" >&2
      exit 1
    fi
    chained="$0.before-stackreview"
    if [ ! -e "$chained" ]; then
      exec "$stackreview_bin" hook pre-push "$@"
    fi
    if [ ! -x "$chained" ]; then
      echo "stackreview pre-push hook: $chained is not executable, so it was skipped (chmod +x it to run it)." >&2
      exec "$stackreview_bin" hook pre-push "$@"
    fi
    # Both hooks read the same lines: keep every byte of standard input, final newline included.
    refs=$(cat; echo .)
    refs=${refs%.}
    printf '%s' "$refs" | "$chained" "$@" || exit $?
    printf '%s' "$refs" | "$stackreview_bin" hook pre-push "$@"

    """
}
