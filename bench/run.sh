#!/usr/bin/env bash
# Runs the benchmarks of docs/performance.md on a throwaway PostgreSQL server:
#   bench/run.sh            both benchmarks at the documented sizes
#   bench/run.sh db|import|cli|scenario|signin   one of them
#   bench/run.sh circuits    open dashboards (static) and open team weeks (a circuit each), and the slider's latency for 20
#                            Chromium users meanwhile, on one instance, then through HAProxy to two (not in "all")
#   bench/run.sh workshop    200 phones answering a live workshop within 20 s on one instance, the projector (Chromium) on
#                            another: the projector's update latency and the memory (not in "all")
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/throwaway-postgres.sh
which=${1:-all}

dotnet build bench/SalesSpec.Bench -c Release -nologo -v quiet
if [ "$which" = circuits ] || [ "$which" = workshop ]; then
  if ! command -v chromium >/dev/null 2>&1; then apt_install chromium; fi
  export SALESSPEC_CHROMIUM=${SALESSPEC_CHROMIUM:-$(command -v chromium)}
fi
if [ "$which" = circuits ]; then
  # dotnet-counters (a local tool) reads the server's own circuit gauge; HAProxy fronts the two-instance run.
  dotnet tool restore >/dev/null
  if ! command -v haproxy >/dev/null 2>&1 && [ ! -x /usr/sbin/haproxy ]; then apt_install haproxy; fi
fi
if [ "$which" != cli ] && [ "$which" != scenario ] && [ "$which" != signin ]; then
  start_throwaway_postgres
fi
if [ "$which" = all ] || [ "$which" = db ]; then
  SALESSPEC_BENCH_POSTGRES=$SALESSPEC_TEST_POSTGRES \
    dotnet run -c Release --no-build --project bench/SalesSpec.Bench -- db --reps 2000 --weeks 52 --activities 10 --runs 7 | grep -v '^\['
  # The dashboard's target is stated for 1,000 reps.
  SALESSPEC_BENCH_POSTGRES=$SALESSPEC_TEST_POSTGRES \
    dotnet run -c Release --no-build --project bench/SalesSpec.Bench -- db --reps 1000 --weeks 52 --activities 10 --runs 7 | grep -v '^\['
  # The brief's largest organisation: 10,000 reps with two years of history (10.4M time-log rows).
  SALESSPEC_BENCH_POSTGRES=$SALESSPEC_TEST_POSTGRES \
    dotnet run -c Release --no-build --project bench/SalesSpec.Bench -- db --reps 10000 --weeks 104 --activities 10 --runs 7 | grep -v '^\['
fi
if [ "$which" = all ] || [ "$which" = import ]; then
  SALESSPEC_BENCH_POSTGRES=$SALESSPEC_TEST_POSTGRES \
    dotnet run -c Release --no-build --project bench/SalesSpec.Bench -- import --reps 2000 --weeks 52 --activities 10 --runs 3
fi
if [ "$which" = all ] || [ "$which" = cli ]; then
  dotnet run -c Release --no-build --project bench/SalesSpec.Bench -- cli --reps 2000 --weeks 52 --activities 10 --runs 3
fi
if [ "$which" = all ] || [ "$which" = scenario ]; then
  for reps in 1000 10000; do
    dotnet run -c Release --no-build --project bench/SalesSpec.Bench -- scenario --reps $reps --runs 7
  done
fi
if [ "$which" = all ] || [ "$which" = signin ]; then
  # SQLite in a temporary folder: the check's cost is the password hash, the same on either database.
  dotnet run -c Release --no-build --project bench/SalesSpec.Bench -- signin --runs 51 | grep -v '^\['
fi
if [ "$which" = circuits ]; then
  SALESSPEC_BENCH_POSTGRES=$SALESSPEC_TEST_POSTGRES \
    dotnet run -c Release --no-build --project bench/SalesSpec.Bench -- circuits --counts 100,500,1000 --active 20 --browsers 20 --active-seconds 60
  # The interactive pages still hold a circuit each: 1,000 open team weeks while the dashboard's slider moves.
  SALESSPEC_BENCH_POSTGRES=$SALESSPEC_TEST_POSTGRES \
    dotnet run -c Release --no-build --project bench/SalesSpec.Bench -- circuits --counts 100,500,1000 --active 20 --browsers 20 --active-seconds 60 --page team-week
  SALESSPEC_BENCH_POSTGRES=$SALESSPEC_TEST_POSTGRES \
    dotnet run -c Release --no-build --project bench/SalesSpec.Bench -- circuits --counts 100,500,1000 --active 20 --browsers 20 --active-seconds 60 --proxy
fi
if [ "$which" = workshop ]; then
  SALESSPEC_BENCH_POSTGRES=$SALESSPEC_TEST_POSTGRES \
    dotnet run -c Release --no-build --project bench/SalesSpec.Bench -- workshop --participants 200 --seconds 20
fi
