#!/usr/bin/env bash
# Runs every test: installs the peers the tests use (scripts/install-test-deps.sh), builds, and runs all test
# projects. Prints one closing line: "Tests: N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")"
scripts/install-test-deps.sh || { echo "installing test dependencies failed"; exit 1; }

log=$(mktemp)
dotnet test LibraryBot.sln -c Release --logger "console;verbosity=normal" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

summary=$(grep -E '^(Passed|Failed)!' "$log" | sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+).*/\1 \2 \3/' |
  awk '{f+=$1; p+=$2; s+=$3} END {printf "Tests: %d passed, %d failed, %d skipped\n", p, f, s}')
rm -f "$log"
echo "$summary"
exit "$status"
