#!/usr/bin/env bash
# Installs what the test suite talks to, on a fresh Debian machine with the .NET SDK and Node:
#   yaz (yaz-ztest, a real SRU server), chromium + chromium-driver (browser tests), wrk (load benchmark),
#   and the npm peers under tests/crosscheck/*/ (whatsapp-api-js, wechat-crypto, Prism).
# Safe to run again: it skips what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v yaz-ztest >/dev/null 2>&1 || need+=(yaz)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
command -v wrk >/dev/null 2>&1 || need+=(wrk)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing Debian packages: ${need[*]}"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

for dir in tests/crosscheck/*/; do
  [ -f "$dir/package.json" ] || continue
  if [ -f "$dir/package-lock.json" ]; then
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  else
    (cd "$dir" && npm install --no-audit --no-fund --loglevel=error)
  fi
done
