#!/usr/bin/env bash
# Runs every test: installs the peers the tests use (scripts/install-test-deps.sh), builds, and runs all test
# projects. Prints one closing line: "Tests: N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")"
scripts/install-test-deps.sh || { echo "installing test dependencies failed"; exit 1; }

log=$(mktemp)
dotnet test LibraryBot.sln -c Release --logger "console;verbosity=normal" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# Each test project ends with "Total tests: N" then "Passed: N" / "Failed: N" / "Skipped: N" lines: add them up.
summary=$(awk '/^[[:space:]]+Passed: [0-9]+$/ {p+=$2} /^[[:space:]]+Failed: [0-9]+$/ {f+=$2} /^[[:space:]]+Skipped: [0-9]+$/ {s+=$2}
  END {printf "Tests: %d passed, %d failed, %d skipped\n", p, f, s}' "$log")
rm -f "$log"
echo "$summary"
exit "$status"
