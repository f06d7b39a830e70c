#!/usr/bin/env bash
# Shared by test.sh (source it, after throwaway-postgres.sh): installs Debian's redis-server if missing and starts
# a throwaway Redis on 127.0.0.1 in a temporary folder, stopped and removed on exit together with PostgreSQL.
# After start_throwaway_redis, SALESSPEC_TEST_REDIS holds its address (the app's Cache:Redis setting).

start_throwaway_redis() {
  if ! command -v redis-server >/dev/null 2>&1; then
    echo "salesspec: installing Redis…"
    apt_install redis-server
  fi
  redis_port=${SALESSPEC_REDIS_PORT:-56379}
  while (exec 3<>"/dev/tcp/127.0.0.1/$redis_port") 2>/dev/null; do redis_port=$((redis_port + 1)); done
  redis_dir=$(mktemp -d /tmp/salesspec-redis.XXXXXX)
  stop_redis() {
    # Redis opens its log file for every line it writes, so a folder removed while it is still shutting down gets a
    # new redis.log (and rm fails, failing the whole run from this exit trap): wait until it is gone first.
    if [ -f "$redis_dir/redis.pid" ]; then
      local pid
      pid=$(cat "$redis_dir/redis.pid")
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    fi
    rm -rf "$redis_dir" || true
  }
  # One exit trap for both servers.
  trap 'stop_redis; if declare -F stop_pg >/dev/null; then stop_pg; fi' EXIT
  # A cache: nothing is saved to disk.
  redis-server --bind 127.0.0.1 --port "$redis_port" --dir "$redis_dir" --save "" --appendonly no \
    --daemonize yes --pidfile "$redis_dir/redis.pid" --logfile "$redis_dir/redis.log"
  for _ in $(seq 1 50); do
    (exec 3<>"/dev/tcp/127.0.0.1/$redis_port") 2>/dev/null && break
    sleep 0.1
  done
  export SALESSPEC_TEST_REDIS="127.0.0.1:$redis_port"
  echo "salesspec: $(redis-server --version | awk '{print $1, $3}') on $SALESSPEC_TEST_REDIS (throwaway, in $redis_dir)"
}
