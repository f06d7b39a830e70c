#!/usr/bin/env bash
# Runs every test of SalesSpec on a fresh machine: installs what is missing (Chromium, HAProxy, PostgreSQL, Redis,
# libfaketime), starts throwaway PostgreSQL and Redis servers on 127.0.0.1, builds, runs all test projects,
# then runs them again with the machine's clock moved ahead (see "calendar passes" below), and
# stops the servers. Ends with the line "tests: N passed, M failed" over all passes.
set -euo pipefail
cd "$(dirname "$0")"

source scripts/throwaway-postgres.sh
source scripts/throwaway-redis.sh

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

# --- HAProxy, for the test that runs two app instances behind deploy/haproxy.cfg and kills one (Debian's package;
# the test starts its own HAProxy on a free port of 127.0.0.1 and stops it).
if [ -z "${SALESSPEC_HAPROXY:-}" ]; then
  if ! command -v haproxy >/dev/null 2>&1 && [ ! -x /usr/sbin/haproxy ]; then
    echo "salesspec: installing HAProxy…"
    apt_install haproxy
  fi
  SALESSPEC_HAPROXY=$(command -v haproxy || echo /usr/sbin/haproxy)
fi
export SALESSPEC_HAPROXY
echo "salesspec: $("$SALESSPEC_HAPROXY" -v | head -n 1 | cut -d' ' -f1-3) at $SALESSPEC_HAPROXY"

# --- Calendar passes: the suite must not depend on the day it runs. The app reads the time only through
# TimeProvider and every test host pins "today", so moving the machine's clock (libfaketime) must change
# nothing. SALESSPEC_CALENDAR_PASSES="" skips them while developing.
calendar_passes=${SALESSPEC_CALENDAR_PASSES-"+365d:all +31d:tests/SalesSpec.E2E"}
if [ -n "$calendar_passes" ] && ! command -v faketime >/dev/null 2>&1; then
  echo "salesspec: installing libfaketime…"
  apt_install faketime
fi

# --- A real, throwaway PostgreSQL server (no Docker), and a Redis for the shared level of the analysis cache.
start_throwaway_postgres
start_throwaway_redis

# --- Build once, then run every test project.
dotnet tool restore >/dev/null
dotnet build SalesSpec.sln -c Release -nologo -v quiet

total_passed=0
total_failed=0
overall=0

# --- One layout everywhere. The build already enforces the code-style rules (.editorconfig); this checks
# the whitespace the build does not see. Fix with: dotnet format whitespace SalesSpec.sln
echo "salesspec: dotnet format whitespace --verify-no-changes"
if dotnet format whitespace SalesSpec.sln --verify-no-changes -v quiet; then
  echo "salesspec: formatting as it should be"
else
  echo "salesspec: formatting differs; run: dotnet format whitespace SalesSpec.sln"
  total_failed=1
  overall=1
fi
# --- The Dockerfile must build: there is no Docker engine here, so its steps are replayed in a temporary folder
# and the published app must start (scripts/dockerfile-replay.sh).
echo "salesspec: replaying the Dockerfile"
docker_log=$(mktemp)
if scripts/dockerfile-replay.sh >"$docker_log" 2>&1; then
  tail -n 1 "$docker_log"
else
  cat "$docker_log"
  echo "salesspec: the Dockerfile does not build; see above"
  total_failed=$((total_failed + 1))
  overall=1
fi
rm -f "$docker_log"
log=$(mktemp)
# run_pass LABEL [faketime offset] [project]: one run of the tests, its counts added to the totals.
run_pass() {
  local label=$1 offset=${2:-} project=${3:-all} status passed failed
  local target=(--solution SalesSpec.sln)
  [ "$project" = all ] || target=(--project "$project")
  local clock=()
  [ -z "$offset" ] || clock=(faketime -f "$offset")
  echo "salesspec: test pass '$label'${offset:+ with the clock at $offset} (${project})"
  set +e
  "${clock[@]}" dotnet test "${target[@]}" -c Release --no-build 2>&1 | tee "$log"
  status=${PIPESTATUS[0]}
  set -e
  passed=$(grep -E '^\s*succeeded:' "$log" | tail -n 1 | grep -oE '[0-9]+' || echo 0)
  failed=$(grep -E '^\s*failed:' "$log" | tail -n 1 | grep -oE '[0-9]+' || echo 0)
  if [ "$status" -ne 0 ] && [ "$failed" = 0 ]; then failed=1; fi
  # Name the failing tests again, with the first lines of their message, where they cannot be lost in the
  # output above (a flaky failure is only worth something if the record says what went wrong).
  awk -v label="$label" '/^[[:space:]]*failed /{n=12; print "salesspec: [" label "] " $0; next} n>0{n--; print "salesspec:   " $0}' "$log" >>"$log.failures" || true
  echo "salesspec: pass '$label': ${passed} passed, ${failed} failed"
  total_passed=$((total_passed + passed))
  total_failed=$((total_failed + failed))
  if [ "$status" -ne 0 ]; then overall=$status; fi
}

run_pass today
for pass in $calendar_passes; do
  run_pass "clock ${pass%%:*}" "${pass%%:*}" "${pass#*:}"
done

cat "$log.failures" 2>/dev/null || true
rm -f "$log" "$log.failures"
echo "tests: ${total_passed} passed, ${total_failed} failed"
exit "$overall"
