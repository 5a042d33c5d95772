#!/usr/bin/env bash
# Fresh-clone check: does a new user's first try pass? Clones the current HEAD (committed work only) into a
# temporary directory and, with an EMPTY npm cache (and an empty pip cache), runs the README's two commands:
#   npm install && npx samudra nlse single_soliton
#   npm test
# then prints each command's exit status and time and the test count. Exit status 0 only if both passed.
# Usage: scripts/fresh-clone-check.sh [--keep]     (--keep leaves the clone and logs for inspection)
set -uo pipefail
repo="$(git -C "$(dirname "$0")/.." rev-parse --show-toplevel)"
keep=0; [ "${1:-}" = "--keep" ] && keep=1

work="$(mktemp -d "${TMPDIR:-/tmp}/samudra-fresh-XXXXXX")"
export npm_config_cache="$work/npm-cache"      # empty: nothing is reused from this machine's npm cache
export PIP_CACHE_DIR="$work/pip-cache"         # likewise for the .venv-nc wheels
mkdir -p "$npm_config_cache" "$PIP_CACHE_DIR"
unset CHROMIUM_PATH SAMUDRA_NC_PYTHON          # the set-up must find everything by itself
cleanup() { if [ "$keep" = 1 ]; then echo "kept: $work"; else rm -rf "$work"; fi; }
trap cleanup EXIT

head="$(git -C "$repo" rev-parse --short HEAD)"
echo "fresh-clone check of $head in $work (empty npm cache)"
git clone --quiet "$repo" "$work/samudra" || { echo "git clone failed"; exit 1; }
cd "$work/samudra" || exit 1

run() {   # run <label> <log> <command...>
  local label="$1" log="$2"; shift 2
  local t0=$SECONDS
  "$@" >"$log" 2>&1
  local rc=$?
  echo "$label: exit $rc in $((SECONDS - t0)) s (log: $log)"
  return $rc
}

run "npm install && npx samudra nlse single_soliton" "$work/first.log" \
  bash -c 'npm install && npx samudra nlse single_soliton'
first=$?
[ $first -ne 0 ] && tail -n 30 "$work/first.log"

second=1
if [ $first -eq 0 ]; then
  rm -f .vitest-report.json
  run "npm test" "$work/test.log" npm test
  second=$?
  grep -a "\[test set-up\]" "$work/test.log" || true
  if [ $second -ne 0 ]; then
    # the failing tests, without colour codes
    sed 's/\x1b\[[0-9;]*m//g' "$work/test.log" | grep -aE "^ *(FAIL|×|✗)| FAIL " | sort -u | head -n 60
  fi
  node -e '
    const fs = require("fs");
    let r;
    try { r = JSON.parse(fs.readFileSync(".vitest-report.json", "utf8")); }
    catch { console.log("npm test: no vitest report"); process.exit(0); }
    const failed = r.numFailedTests + (r.numFailedTestSuites > 0 && r.numFailedTests === 0 ? r.numFailedTestSuites : 0);
    console.log(`npm test: ${r.numPassedTests} passed, ${failed} failed, ${r.numPendingTests + r.numTodoTests} skipped (${r.numTotalTestSuites} files)`);
  '
fi

if [ $first -eq 0 ] && [ $second -eq 0 ]; then echo "fresh-clone check: PASS"; exit 0; fi
echo "fresh-clone check: FAIL"; keep=1; exit 1
