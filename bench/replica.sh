#!/usr/bin/env bash
# Scale-out benchmark: cold list reads (GET /api/v1/articles?limit=20, content cache off)
#   A. one Masthead reading from the primary vs one reading from a streaming replica (same run,
#      rounds interleaved), with the CPU per request of Masthead, the primary and the replica;
#   B. three Masthead instances behind one nginx upstream (round robin) vs one instance behind the
#      same nginx, all reading from the replica.
#
#   bash bench/replica.sh                         # 1,000,000 articles, 3 rounds of 15 s
#   N=20000 ROUNDS=1 DURATION_S=5 WARMUP_S=2 JIT_WARMUP_S=10 OUT=/tmp bash bench/replica.sh   # smoke test
#
# Throwaway PostgreSQL primary (bench/gen/*.sql data, as bench/run.sh) and a replica made with
# pg_basebackup -R, Masthead from the packaged jar (built if missing), nginx; all on 127.0.0.1,
# all stopped on exit. Run as root (runuser -u postgres). Results: bench/results/<date>-replica-n<N>.md and .svg.
set -Eeuo pipefail
trap 'echo "replica.sh: line $LINENO: \"$BASH_COMMAND\" failed" >&2' ERR

N="${N:-1000000}"
ROUNDS="${ROUNDS:-3}"
DURATION_S="${DURATION_S:-15}"
WARMUP_S="${WARMUP_S:-5}"
JIT_WARMUP_S="${JIT_WARMUP_S:-30}"
CONNS="${CONNS:-16}"
THREADS="${THREADS:-2}"
PG_PORT="${PG_PORT:-55452}"
REPLICA_PORT="${REPLICA_PORT:-55453}"
APP_PORTS=(8111 8112 8113)
NGINX_ONE="${NGINX_ONE:-8114}"
NGINX_THREE="${NGINX_THREE:-8115}"
APP_HEAP="${APP_HEAP:-256m}"
READ="/api/v1/articles?limit=20"

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH="$REPO/bench"
OUT="${OUT:-$BENCH/results}"
JAR="${JAR:-$REPO/target/quarkus-app/quarkus-run.jar}"
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
WORK="/tmp/masthead-bench-replica-$STAMP"
PRIMARY="$WORK/primary"
REPLICA="$WORK/replica"
mkdir -p "$WORK"
chmod 755 "$WORK"

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# ------------------------------------------------------------------ prerequisites
need=()
command -v wrk >/dev/null || need+=(wrk)
command -v jq >/dev/null || need+=(jq)
command -v curl >/dev/null || need+=(curl)
[[ -x /usr/sbin/nginx ]] || command -v nginx >/dev/null || need+=(nginx)
[[ -x /usr/lib/postgresql/15/bin/pg_basebackup ]] || need+=(postgresql-15)
if (( ${#need[@]} )); then
    log "installing ${need[*]}"
    apt-get install -y -q "${need[@]}" >/dev/null || die "apt-get install ${need[*]} failed"
fi
PG_BIN=/usr/lib/postgresql/15/bin
NGINX_BIN="$(command -v nginx || echo /usr/sbin/nginx)"
[[ -f "$JAR" ]] || (cd "$REPO" && ./mvnw -q -Dmaven.test.skip=true package) || die "could not build $JAR"

PIDS=()
cleanup() {
    local i
    for (( i = ${#PIDS[@]} - 1; i >= 0; i-- )); do
        kill "${PIDS[$i]}" 2>/dev/null || true
        wait "${PIDS[$i]}" 2>/dev/null || true
    done
    for d in "$REPLICA" "$PRIMARY"; do
        [[ -f "$d/postmaster.pid" ]] && runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$d" -m immediate stop >/dev/null 2>&1 || true
    done
    rm -rf "$PRIMARY" "$REPLICA"
}
trap cleanup EXIT
wait_http() { # url what
    local deadline=$((SECONDS + 300))
    until curl -sf -o /dev/null --max-time 2 "$1"; do
        (( SECONDS < deadline )) || die "$2 did not answer at $1 (logs in $WORK)"
        sleep 0.5
    done
}
HZ="$(getconf CLK_TCK)"
ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
tree_ticks() { # a process and its children
    local t; t="$(ticks "$1")"
    for p in $(pgrep -P "$1" || true); do t=$((t + $(ticks "$p"))); done
    echo "$t"
}
pids_ticks() { local t=0 p; for p in "$@"; do t=$((t + $(tree_ticks "$p"))); done; echo "$t"; }

# ------------------------------------------------------------------ primary
log "PostgreSQL primary in $PRIMARY"
install -d -m 700 -o postgres -g postgres "$PRIMARY"
runuser -u postgres -- "$PG_BIN/initdb" -D "$PRIMARY" -U postgres -E UTF8 --locale=C.UTF-8 --auth=trust \
    > "$WORK/initdb.log" 2>&1 || die "initdb failed, see $WORK/initdb.log"
cat >> "$PRIMARY/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$PRIMARY'
max_connections = 120
shared_buffers = 384MB
effective_cache_size = 2GB
work_mem = 16MB
maintenance_work_mem = 512MB
fsync = off
synchronous_commit = off
full_page_writes = off
max_wal_size = 8GB
checkpoint_timeout = 30min
wal_level = replica
max_wal_senders = 4
EOF
install -m 644 -o postgres /dev/null "$WORK/primary.log"
runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PRIMARY" -l "$WORK/primary.log" -w -t 60 start >/dev/null \
    || die "primary did not start, see $WORK/primary.log"
PRIMARY_PID="$(head -1 "$PRIMARY/postmaster.pid")"
psql_db() { psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres -d masthead "$@"; }
psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -c "create database masthead"

# start_app name port replica(yes|no): cache off, rate limits off, no background delivery.
declare -A APP_PID
start_app() {
    local name="$1" port="$2" replica="$3"
    (
        cd "$WORK"
        export QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/masthead"
        export QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=unused
        [[ "$replica" == yes ]] && export MASTHEAD_READ_REPLICA_JDBC_URL="jdbc:postgresql://127.0.0.1:$REPLICA_PORT/masthead" \
            MASTHEAD_READ_REPLICA_USERNAME=postgres MASTHEAD_READ_REPLICA_PASSWORD=unused
        export QUARKUS_HTTP_PORT="$port" QUARKUS_HTTP_HOST=127.0.0.1
        export MASTHEAD_ADMIN_TOKEN=bench MASTHEAD_CONTENT_CACHE_ENABLED=false
        export MASTHEAD_RATE_LIMIT_ANONYMOUS=0 MASTHEAD_RATE_LIMIT_TOKEN=0 MASTHEAD_WEBHOOKS_DELIVER_EVERY=off
        exec java "-Xmx$APP_HEAP" -jar "$JAR"
    ) > "$WORK/masthead-$name.log" 2>&1 &
    APP_PID[$name]=$!
    PIDS+=($!)
}
stop_app() { kill "${APP_PID[$1]}" 2>/dev/null || true; wait "${APP_PID[$1]}" 2>/dev/null || true; }

# Flyway creates the schema; then the data goes in with psql, as bench/run.sh does it.
start_app schema "${APP_PORTS[0]}" no
wait_http "http://127.0.0.1:${APP_PORTS[0]}/q/health/ready" "Masthead (schema)"
stop_app schema
NPROC="$(nproc)"
log "generating $N articles (bench/gen/*.sql, $NPROC article sessions)"
t0="$(date +%s)"
psql_db -v n="$N" -f "$BENCH/gen/setup.sql" > "$WORK/generate-setup.log" 2>&1 || die "setup failed, see $WORK"
gen=()
for part in $(seq 0 $((NPROC - 1))); do
    psql_db -v part="$part" -v parts="$NPROC" -f "$BENCH/gen/articles.sql" > "$WORK/generate-articles-$part.log" 2>&1 &
    gen+=($!)
done
for p in "${gen[@]}"; do wait "$p" || die "article generation failed, see $WORK"; done
psql_db -f "$BENCH/gen/finish.sql" > "$WORK/generate-finish.log" 2>&1 || die "finish failed, see $WORK"
LOAD_S=$(( $(date +%s) - t0 ))
log "data loaded in ${LOAD_S}s"

# ------------------------------------------------------------------ replica (pg_basebackup -R)
log "replica in $REPLICA (pg_basebackup -R)"
install -d -m 755 -o postgres -g postgres "$WORK/replica-sock"
install -d -m 700 -o postgres -g postgres "$REPLICA"   # pg_basebackup fills an empty directory
t0="$(date +%s)"
runuser -u postgres -- "$PG_BIN/pg_basebackup" -h 127.0.0.1 -p "$PG_PORT" -U postgres -D "$REPLICA" -R -X stream -c fast \
    > "$WORK/basebackup.log" 2>&1 || die "pg_basebackup failed, see $WORK/basebackup.log"
BASEBACKUP_S=$(( $(date +%s) - t0 ))
cat >> "$REPLICA/postgresql.auto.conf" <<EOF
port = $REPLICA_PORT
unix_socket_directories = '$WORK/replica-sock'
hot_standby = on
EOF
install -m 644 -o postgres /dev/null "$WORK/replica.log"
runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$REPLICA" -l "$WORK/replica.log" -w -t 120 start >/dev/null \
    || die "replica did not start, see $WORK/replica.log"
REPLICA_PID="$(head -1 "$REPLICA/postmaster.pid")"
DB_SIZE="$(psql_db -At -c "select pg_size_pretty(pg_database_size('masthead'))")"
PUBLISHED="$(psql_db -At -c "select count(*) from article where status = 'published'")"

# ------------------------------------------------------------------ nginx upstreams
mkdir -p "$WORK/nginx/logs"
cat > "$WORK/nginx/nginx.conf" <<EOF
worker_processes 1;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/logs/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    upstream one { server 127.0.0.1:${APP_PORTS[0]}; keepalive 32; }
    upstream three { server 127.0.0.1:${APP_PORTS[0]}; server 127.0.0.1:${APP_PORTS[1]}; server 127.0.0.1:${APP_PORTS[2]}; keepalive 32; }
    server { listen 127.0.0.1:$NGINX_ONE; location / { proxy_pass http://one; proxy_http_version 1.1; proxy_set_header Connection ""; } }
    server { listen 127.0.0.1:$NGINX_THREE; location / { proxy_pass http://three; proxy_http_version 1.1; proxy_set_header Connection ""; } }
}
EOF

# ------------------------------------------------------------------ measuring
ROUNDS_FILE="$WORK/rounds.jsonl"
: > "$ROUNDS_FILE"
# run_wrk phase label url seconds pids...: one wrk run; CPU of the Masthead JVMs, the primary and the replica.
run_wrk() {
    local phase="$1" label="$2" url="$3" secs="$4"; shift 4
    local out="$WORK/wrk-$phase-$label.txt" a0 p0 r0 a1 p1 r1
    a0="$(pids_ticks "$@")"; p0="$(tree_ticks "$PRIMARY_PID")"; r0="$(tree_ticks "$REPLICA_PID")"
    timeout 300 wrk -t"$THREADS" -c"$CONNS" -d"${secs}s" --timeout 10s -s "$BENCH/reads.lua" "$url" > "$out" 2>&1 \
        || die "wrk failed for $phase/$label, see $out"
    a1="$(pids_ticks "$@")"; p1="$(tree_ticks "$PRIMARY_PID")"; r1="$(tree_ticks "$REPLICA_PID")"
    grep -q '^BENCH_RESULT ' "$out" || die "wrk printed no BENCH_RESULT for $phase/$label, see $out"
    grep '^BENCH_RESULT ' "$out" | sed 's/^BENCH_RESULT //' \
        | jq -c --arg phase "$phase" --arg lbl "$label" --argjson hz "$HZ" \
              --argjson app $((a1 - a0)) --argjson pg $((p1 - p0)) --argjson rep $((r1 - r0)) \
              '. + {"phase": $phase, "label": $lbl, "app_cpu_s": ($app / $hz), "primary_cpu_s": ($pg / $hz),
                    "replica_cpu_s": ($rep / $hz)}' >> "$ROUNDS_FILE"
}

# A: two instances side by side, one reading the primary, one the replica; rounds interleaved.
log "A: primary vs replica (one instance each)"
start_app onprimary "${APP_PORTS[0]}" no
start_app onreplica "${APP_PORTS[1]}" yes
wait_http "http://127.0.0.1:${APP_PORTS[0]}/q/health/ready" "Masthead (primary)"
wait_http "http://127.0.0.1:${APP_PORTS[1]}/q/health/ready" "Masthead (replica)"
SERVING="$(curl -s "http://127.0.0.1:${APP_PORTS[1]}/q/health/ready" | jq -r '.checks[] | select(.name=="read-replica") | .data.reads')"
[[ "$SERVING" == replica ]] || die "the replica instance does not read from the replica (readiness says $SERVING)"
for side in onprimary:0 onreplica:1; do
    run_wrk "A-${side%%:*}" jit "http://127.0.0.1:${APP_PORTS[${side##*:}]}$READ" "$JIT_WARMUP_S" "${APP_PID[${side%%:*}]}"
    run_wrk "A-${side%%:*}" warmup "http://127.0.0.1:${APP_PORTS[${side##*:}]}$READ" "$WARMUP_S" "${APP_PID[${side%%:*}]}"
done
for i in $(seq 1 "$ROUNDS"); do
    for side in onprimary:0 onreplica:1; do
        run_wrk "A-${side%%:*}" "round$i" "http://127.0.0.1:${APP_PORTS[${side##*:}]}$READ" "$DURATION_S" "${APP_PID[${side%%:*}]}"
    done
done
stop_app onprimary
stop_app onreplica

# B: three instances (all on the replica) behind nginx, vs the first of them alone behind nginx.
log "B: three instances vs one, behind nginx"
for k in 0 1 2; do start_app "i$k" "${APP_PORTS[$k]}" yes; done
for k in 0 1 2; do wait_http "http://127.0.0.1:${APP_PORTS[$k]}/q/health/ready" "Masthead i$k"; done
"$NGINX_BIN" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -g 'daemon off;' > "$WORK/nginx/logs/stdout.log" 2>&1 &
PIDS+=($!)
wait_http "http://127.0.0.1:$NGINX_THREE$READ" nginx
ALL3=("${APP_PID[i0]}" "${APP_PID[i1]}" "${APP_PID[i2]}")
run_wrk B-three jit "http://127.0.0.1:$NGINX_THREE$READ" "$JIT_WARMUP_S" "${ALL3[@]}"
run_wrk B-one warmup "http://127.0.0.1:$NGINX_ONE$READ" "$WARMUP_S" "${APP_PID[i0]}"
run_wrk B-three warmup "http://127.0.0.1:$NGINX_THREE$READ" "$WARMUP_S" "${ALL3[@]}"
for i in $(seq 1 "$ROUNDS"); do
    run_wrk B-one "round$i" "http://127.0.0.1:$NGINX_ONE$READ" "$DURATION_S" "${APP_PID[i0]}"
    run_wrk B-three "round$i" "http://127.0.0.1:$NGINX_THREE$READ" "$DURATION_S" "${ALL3[@]}"
done
NON2XX="$(jq -s 'map(.non2xx) | add' "$ROUNDS_FILE")"

# ------------------------------------------------------------------ results
# median of the measured rounds of a phase: field
med() { jq -s --arg p "$1" --arg f "$2" '[.[] | select(.phase == $p and (.label | startswith("round"))) | .[$f]] | sort
        | if length == 0 then 0 else .[(length - 1) / 2 | floor] end' "$ROUNDS_FILE"; }
# CPU ms per request over the measured rounds of a phase: field
per_req() { jq -s --arg p "$1" --arg f "$2" '[.[] | select(.phase == $p and (.label | startswith("round")))]
        | ((map(.[$f]) | add) * 1000 / (map(.requests) | add)) * 100 | round / 100' "$ROUNDS_FILE"; }
mkdir -p "$OUT"
STEM="$OUT/$(date -u +%Y-%m-%d-%H%M)-replica-n$N"
RESULT="$STEM.md"; CHART="$STEM.svg"
declare -A RPS APPMS PGMS REPMS P99
for ph in A-onprimary A-onreplica B-one B-three; do
    RPS[$ph]="$(med "$ph" rps | awk '{printf "%.0f", $1}')"
    P99[$ph]="$(med "$ph" p99_ms)"
    APPMS[$ph]="$(per_req "$ph" app_cpu_s)"
    PGMS[$ph]="$(per_req "$ph" primary_cpu_s)"
    REPMS[$ph]="$(per_req "$ph" replica_cpu_s)"
done
RATIO_A="$(awk -v a="${RPS[A-onreplica]}" -v b="${RPS[A-onprimary]}" 'BEGIN{printf "%.2f", (b > 0 ? a / b : 0)}')"
RATIO_B="$(awk -v a="${RPS[B-three]}" -v b="${RPS[B-one]}" 'BEGIN{printf "%.2f", (b > 0 ? a / b : 0)}')"

printf '%s\n' "A primary" "${RPS[A-onprimary]}" "A replica" "${RPS[A-onreplica]}" "B 1 instance" "${RPS[B-one]}" \
    "B 3 instances" "${RPS[B-three]}" | paste - - | awk -F'\t' -v title="Cold 20 newest at N=$N, req/s (median of $ROUNDS)" '
    { label[NR] = $1; v[NR] = $2; if ($2 > max) max = $2 }
    END {
      w = 520; h = 300; base = 250; scale = (max > 0 ? 190 / max : 0)
      printf "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">\n", w, h
      printf "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/><text x=\"10\" y=\"20\" font-size=\"14\">%s</text>\n", title
      for (i = 1; i <= NR; i++) {
        x = 40 + (i - 1) * 120; c = (i <= 2 ? "#4C72B0" : "#DD8452")
        printf "<rect x=\"%d\" y=\"%.1f\" width=\"70\" height=\"%.1f\" fill=\"%s\"/>", x, base - v[i] * scale, v[i] * scale, c
        printf "<text x=\"%d\" y=\"%.1f\" text-anchor=\"middle\">%s</text>\n", x + 35, base - v[i] * scale - 4, v[i]
        printf "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>\n", x + 35, base + 18, label[i]
      }
      printf "<line x1=\"30\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/></svg>\n", base, w - 10, base
    }' > "$CHART"

{
    echo "# Scale-out: read replica and three instances, cold list reads at N=$N"
    echo
    echo "Produced by \`bash bench/replica.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC') at $(cd "$REPO" && git rev-parse --short HEAD)."
    echo "Chart: [$(basename "$CHART")]($(basename "$CHART"))."
    echo
    echo "\`GET $READ\` with the content cache off (every request renders and queries), \`wrk -t$THREADS -c$CONNS\`,"
    echo "median of $ROUNDS rounds of ${DURATION_S} s after a ${JIT_WARMUP_S} s JIT warm-up and ${WARMUP_S} s uncounted per side;"
    echo "Masthead \`-Xmx$APP_HEAP\`. $PUBLISHED published of $N generated articles (bench/gen), database $DB_SIZE, loaded in ${LOAD_S} s;"
    echo "replica made with \`pg_basebackup -R\` in ${BASEBACKUP_S} s (no apply delay). Everything (wrk, nginx, every JVM, both"
    echo "PostgreSQL servers) shares this machine's $(nproc) CPUs ($(awk -F': ' '/model name/{print $2; exit}' /proc/cpuinfo))."
    echo
    echo "| setup | req/s (median) | p99 ms | Masthead CPU ms/req | primary CPU ms/req | replica CPU ms/req |"
    echo "|---|---:|---:|---:|---:|---:|"
    echo "| A: one instance, reads on the primary | ${RPS[A-onprimary]} | ${P99[A-onprimary]} | ${APPMS[A-onprimary]} | ${PGMS[A-onprimary]} | ${REPMS[A-onprimary]} |"
    echo "| A: one instance, reads on the replica | ${RPS[A-onreplica]} | ${P99[A-onreplica]} | ${APPMS[A-onreplica]} | ${PGMS[A-onreplica]} | ${REPMS[A-onreplica]} |"
    echo "| B: one instance behind nginx (replica) | ${RPS[B-one]} | ${P99[B-one]} | ${APPMS[B-one]} | ${PGMS[B-one]} | ${REPMS[B-one]} |"
    echo "| B: three instances behind nginx (replica) | ${RPS[B-three]} | ${P99[B-three]} | ${APPMS[B-three]} | ${PGMS[B-three]} | ${REPMS[B-three]} |"
    echo
    echo "Replica ÷ primary: **${RATIO_A}×**; three instances ÷ one: **${RATIO_B}×**. Non-2xx answers over all runs: $NON2XX."
    echo
    echo "CPU per request is utime+stime of the processes (JVMs, each PostgreSQL server with its backends) over the"
    echo "measured rounds divided by the requests. On $(nproc) shared CPUs the ratios are bounded by the machine, not by"
    echo "Masthead: when the sum of the CPU per request times the request rate reaches the cores, adding instances or a"
    echo "replica on the same machine only moves work around. On separate machines, the replica takes the query CPU"
    echo "(the primary column drops to the listener's and monitor's polls) and instances scale until the replica saturates."
    echo
    echo "## Every run"
    echo
    echo "| phase | run | requests | req/s | p50 ms | p99 ms | non-2xx | Masthead CPU s | primary CPU s | replica CPU s |"
    echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"
    jq -r '"| \(.phase) | \(.label) | \(.requests) | \(.rps | round) | \(.p50_ms) | \(.p99_ms) | \(.non2xx) | \(.app_cpu_s * 10 | round / 10) | \(.primary_cpu_s * 10 | round / 10) | \(.replica_cpu_s * 10 | round / 10) |"' "$ROUNDS_FILE"
    echo
    echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
} > "$RESULT"
log "wrote $RESULT and $CHART"
cat "$RESULT"
