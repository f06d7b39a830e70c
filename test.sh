#!/usr/bin/env bash
# Runs every test of SalesSpec on a fresh machine: installs what is missing (Chromium, PostgreSQL),
# starts a throwaway PostgreSQL server on 127.0.0.1, builds, runs all test projects, stops the server.
# Ends with the line "tests: N passed, M failed".
set -euo pipefail
cd "$(dirname "$0")"

source scripts/throwaway-postgres.sh

# --- A real browser for the end-to-end tests (Debian's Chromium; Playwright's own download cannot work here).
if [ -z "${SALESSPEC_CHROMIUM:-}" ]; then
  if ! command -v chromium >/dev/null 2>&1; then
    echo "salesspec: installing Chromium…"
    apt_install chromium
  fi
  SALESSPEC_CHROMIUM=$(command -v chromium)
fi
export SALESSPEC_CHROMIUM
echo "salesspec: Chromium at $SALESSPEC_CHROMIUM"

# --- A real, throwaway PostgreSQL server (no Docker).
start_throwaway_postgres

# --- Build once, then run every test project.
dotnet tool restore >/dev/null
dotnet build SalesSpec.sln -c Release -nologo -v quiet
log=$(mktemp)
set +e
dotnet test --solution SalesSpec.sln -c Release --no-build 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

passed=$(grep -E '^\s*succeeded:' "$log" | tail -n 1 | grep -oE '[0-9]+' || echo 0)
failed=$(grep -E '^\s*failed:' "$log" | tail -n 1 | grep -oE '[0-9]+' || echo 0)
# Name the failing tests again at the end, where they cannot be lost in the output above.
grep -E '^\s*failed ' "$log" | sed 's/^/salesspec: /' || true
rm -f "$log"
if [ "$status" -ne 0 ] && [ "$failed" = 0 ]; then failed=1; fi
echo "tests: ${passed} passed, ${failed} failed"
exit "$status"
