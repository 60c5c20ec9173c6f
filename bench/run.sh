#!/usr/bin/env bash
# Starts a fresh Roster, runs the SCIM load benchmark against it, and stops it again.
#   bench/run.sh [h2|postgres] [--] [benchmark options, see ./dev bench --help]
#   bench/run.sh h2 --users 20000
#   bench/run.sh postgres -- --users 1000000
#   bench/run.sh postgres -- --scenario groups --members 100000
#   bench/run.sh postgres -- --scenario webhooks --burst 20000 --write-rate 1000 --duration 60 --backlog 20000
# h2 uses a new, empty data directory; postgres recreates the database $ROSTER_BENCH_DATABASE (default
# roster_bench) on 127.0.0.1:5432 (user postgres; set PGPASSWORD and SPRING_DATASOURCE_PASSWORD if it needs
# one). The JSON result and the server log are left in bench-results/ (named <backend>-<scenario>-<time> for
# the groups and webhooks scenarios). The server runs with -Xmx512m on a free port of 127.0.0.1; for the webhooks
# scenario it may deliver to 127.0.0.1, where the benchmark's receiver listens, and waits up to 60 s for an answer
# (ROSTER_WEBHOOKS_TIMEOUT), as the receiver holds its answers while the backlog phase builds the backlog.
set -euo pipefail
cd "$(dirname "$0")/.."

usage() {
  sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

backend=h2
case "${1:-}" in
  h2 | postgres) backend=$1; shift ;;
  -h | --help) usage ;;
  "" | -*) ;;
  *) usage ;;
esac
[ "${1:-}" = "--" ] && shift

JAVA_HOME=$(./dev java-home) || exit 1
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
command -v curl >/dev/null || { echo "bench/run.sh needs curl to wait for the server's health check." >&2; exit 1; }

server_jar=roster-server/target/roster.jar
bench_jar=roster-bench/target/roster-bench.jar

# Builds when a jar is missing or older than any pom or source file.
build_if_needed() {
  local oldest=$server_jar
  if [ -f "$server_jar" ] && [ -f "$bench_jar" ]; then
    [ "$bench_jar" -ot "$server_jar" ] && oldest=$bench_jar
    [ -z "$(find pom.xml roster-*/pom.xml roster-*/src -type f -newer "$oldest" -print -quit)" ] && return 0
  fi
  echo "building the server and the benchmark..." >&2
  command -v mvn >/dev/null || { echo "Maven (mvn) is not installed: apt-get install -y maven" >&2; exit 1; }
  mvn -B -ntp -q package -DskipTests -pl roster-server,roster-bench -am
}

free_port() {
  local port attempt
  for attempt in $(seq 50); do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  echo "bench/run.sh found no free port" >&2
  return 1
}

millis_now() {
  date +%s%3N
}

server_pid=
data_dir=
stop_server() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid"
    for _ in $(seq 100); do
      kill -0 "$server_pid" 2>/dev/null || break
      sleep 0.2
    done
    kill -0 "$server_pid" 2>/dev/null && kill -KILL "$server_pid"
    wait "$server_pid" 2>/dev/null || true
  fi
  [ -n "$data_dir" ] && rm -rf "$data_dir"
  return 0
}
trap stop_server EXIT

build_if_needed

stamp=$(date +%Y%m%d-%H%M%S)
mkdir -p bench-results
run_name=$backend-$stamp
scenario=users
for ((i = 1; i < $#; i++)); do
  next=$((i + 1))
  [ "${!i}" = --scenario ] && scenario=${!next}
done
[ "$scenario" != users ] && run_name=$backend-$scenario-$stamp
results=bench-results/$run_name.json
for ((i = 1; i < $#; i++)); do
  [ "${!i}" = --output ] && { next=$((i + 1)); results=${!next}; }
done
server_log=bench-results/$run_name-server.log
port=$(free_port)
admin_key=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')

server_env=(SERVER_ADDRESS=127.0.0.1 SERVER_PORT="$port" ROSTER_ADMIN_API_KEY="$admin_key")
# the backlog phase holds the receiver's answers for seconds: they must not time out and be sent again
[ "$scenario" = webhooks ] && server_env+=(ROSTER_WEBHOOKS_ALLOW_PRIVATE_NETWORKS=true ROSTER_WEBHOOKS_TIMEOUT=60s)
if [ "$backend" = postgres ]; then
  command -v psql >/dev/null || { echo "bench/run.sh postgres needs psql (apt-get install -y postgresql-client)" >&2; exit 1; }
  database=${ROSTER_BENCH_DATABASE:-roster_bench}
  [[ "$database" =~ ^[a-z_][a-z0-9_]*$ ]] || { echo "ROSTER_BENCH_DATABASE must be a plain lowercase name" >&2; exit 2; }
  psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q \
    -c "DROP DATABASE IF EXISTS $database" -c "CREATE DATABASE $database"
  server_env+=(SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/$database SPRING_DATASOURCE_USERNAME=postgres)
else
  data_dir=$(mktemp -d)
  server_env+=(ROSTER_DATA_DIR="$data_dir")
fi

echo "starting Roster ($backend) on 127.0.0.1:$port, log in $server_log" >&2
launched=$(millis_now)
env "${server_env[@]}" java -Xmx512m -jar "$server_jar" >"$server_log" 2>&1 &
server_pid=$!

health=http://127.0.0.1:$port/actuator/health
until curl -fsS --max-time 2 "$health" 2>/dev/null | grep -q '"status" *: *"UP"'; do
  if ! kill -0 "$server_pid" 2>/dev/null; then
    echo "Roster exited before it was healthy; the end of $server_log:" >&2
    tail -n 30 "$server_log" >&2
    exit 1
  fi
  if [ $(($(millis_now) - launched)) -gt 180000 ]; then
    echo "Roster was not healthy 180 s after launch; see $server_log" >&2
    exit 1
  fi
  sleep 0.05
done
startup_ms=$(($(millis_now) - launched))
echo "Roster healthy $startup_ms ms after launch" >&2

status=0
# the webhooks scenario's receiver runs on the JDK's HTTP server, which would close every kept-alive connection
# beyond 200 idle ones: Roster's next request on one fails and waits for its retry
ROSTER_ADMIN_API_KEY=$admin_key java -Dsun.net.httpserver.maxIdleConnections=1000 \
  -cp "$bench_jar:roster-bench/target/lib/*" dev.roster.bench.ScimLoadBenchmark \
  --url "http://127.0.0.1:$port" --label "$backend" --output "$results" --server-startup-ms "$startup_ms" "$@" \
  || status=$?

stop_server
echo "server start to healthy: $startup_ms ms ($backend, -Xmx512m)"
echo "results: $results, server log: $server_log"
exit "$status"
