#!/usr/bin/env bash
# Publishes LibraryBot as a self-contained server for Linux x64 (no .NET needed on the target machine):
#
#   scripts/publish.sh [output folder]        (default: artifacts/librarybot-linux-x64)
#   RUNTIME=linux-arm64 scripts/publish.sh     (another runtime identifier)
#
# The folder holds the executable LibraryBot.Bot, its libraries and appsettings.json; copy it to /opt/librarybot
# (docs/operations.md). Not trimmed: trimming is unsafe for this server (ML.NET, reflection-based JSON, Cosmos DB
# and Newtonsoft.Json, Refit, SignalR and FluentValidation all reflect over types the trimmer cannot see).
set -euo pipefail

cd "$(dirname "$0")/.."
runtime="${RUNTIME:-linux-x64}"
output="${1:-artifacts/librarybot-$runtime}"

if [ -e "$output" ] && [ -n "$(ls -A "$output" 2>/dev/null)" ]; then
  echo "Error: $output exists and is not empty; name a new folder (files of an older version would stay behind)." >&2
  exit 1
fi

dotnet publish src/Bot -c Release -r "$runtime" --self-contained -p:PublishTrimmed=false -o "$output"

test -x "$output/LibraryBot.Bot" || test -f "$output/LibraryBot.Bot.exe" || { echo "Error: no executable in $output" >&2; exit 1; }
test -f "$output/appsettings.json" || { echo "Error: appsettings.json is missing from $output" >&2; exit 1; }
echo "Published LibraryBot ($runtime, self-contained) to $output ($(du -sh "$output" | cut -f1))."
echo "Try it: $output/LibraryBot.Bot   (then GET http://localhost:5080/healthz)"
