#!/usr/bin/env bash
# Scale-out benchmark: cold list reads (GET /api/v1/articles?limit=20, content cache off)
#   A. one Masthead reading from the primary vs one reading from a streaming replica (same run,
#      rounds interleaved), with the CPU per request of Masthead, the primary and the replica;
#   B. three Masthead instances behind one nginx upstream (round robin) vs one instance behind the
#      same nginx, all reading from the replica.
#
#   bash bench/replica.sh                         # 1,000,000 articles, 5 rounds of 15 s (~25 min)
#   N=20000 ROUNDS=1 DURATION_S=5 WARMUP_S=2 JIT_WARMUP_S=10 OUT=/tmp bash bench/replica.sh   # smoke test
#
# Throwaway PostgreSQL primary (bench/gen/*.sql data, as bench/run.sh) and a replica made with
# pg_basebackup -R, Masthead from the packaged jar (built if missing), nginx; all on 127.0.0.1,
# all stopped on exit. Run as root (runuser -u postgres). Results: bench/results/<date>-replica-n<N>.md and .svg.
set -Eeuo pipefail
trap 'echo "replica.sh: line $LINENO: \"$BASH_COMMAND\" failed" >&2' ERR

N="${N:-1000000}"
ROUNDS="${ROUNDS:-5}"
DURATION_S="${DURATION_S:-15}"
WARMUP_S="${WARMUP_S:-5}"
# 90 s per JVM: after 30 s the three-instance setup was still speeding up round by round (0.49x one
# instance; 0.73x with 90 s), and even after 90 s a single JVM gains over its first rounds.
JIT_WARMUP_S="${JIT_WARMUP_S:-90}"
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
# utime+stime, plus cutime+cstime: a postmaster's exited backends and autovacuum workers are counted
# there once reaped (a JVM has no children, so it adds nothing for it).
ticks() { [[ -n "$1" ]] && awk '{print $14 + $15 + $16 + $17}' "/proc/$1/stat" 2>/dev/null || echo 0; }
tree_ticks() { # a process and its children
    [[ -n "$1" ]] || { echo 0; return; }
    local t; t="$(ticks "$1")"
    for p in $(pgrep -P "$1" || true); do t=$((t + $(ticks "$p"))); done
    echo "$t"
}
pids_ticks() { local t=0 p; for p in "$@"; do t=$((t + $(tree_ticks "$p"))); done; echo "$t"; }
# The whole machine (first line of /proc/stat, all CPUs): "busy total" in ticks. Busy minus every
# process this script started is what the other work on the machine took during a run.
machine_ticks() { awk '/^cpu /{busy = $2 + $3 + $4 + $7 + $8 + $9; print busy, busy + $5 + $6; exit}' /proc/stat; }
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"

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
stop_app() { kill "${APP_PID[$1]}" 2>/dev/null || true; wait "${APP_PID[$1]}" 2>/dev/null || true; unset "APP_PID[$1]"; }

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
# run_wrk phase label url seconds pids...: one wrk run. CPU (ticks) of the measured Masthead JVM(s),
# of every running JVM, the primary and the replica (each with its backends), nginx, wrk itself (the
# subshell's `times`: wrk was its waited-for grandchild), and the whole machine, over the run's wall time.
NGINX_PID=""
run_wrk() {
    local phase="$1" label="$2" url="$3" secs="$4"; shift 4
    local out="$WORK/wrk-$phase-$label.txt" a0 j0 p0 r0 n0 m0 a1 j1 p1 r1 n1 m1 w0 w1 wt rc
    a0="$(pids_ticks "$@")"; j0="$(pids_ticks "${APP_PID[@]}")"; p0="$(tree_ticks "$PRIMARY_PID")"
    r0="$(tree_ticks "$REPLICA_PID")"; n0="$(tree_ticks "$NGINX_PID")"; m0="$(machine_ticks)"; w0="$(date +%s%N)"
    wt="$( (timeout 300 wrk -t"$THREADS" -c"$CONNS" -d"${secs}s" --timeout 10s -s "$BENCH/reads.lua" "$url" > "$out" 2>&1
            echo "$?" > "$out.rc"; times) | tail -1)"
    w1="$(date +%s%N)"; m1="$(machine_ticks)"
    a1="$(pids_ticks "$@")"; j1="$(pids_ticks "${APP_PID[@]}")"; p1="$(tree_ticks "$PRIMARY_PID")"
    r1="$(tree_ticks "$REPLICA_PID")"; n1="$(tree_ticks "$NGINX_PID")"
    rc="$(cat "$out.rc")"
    [[ "$rc" == 0 ]] || die "wrk failed (exit $rc) for $phase/$label, see $out"
    grep -q '^BENCH_RESULT ' "$out" || die "wrk printed no BENCH_RESULT for $phase/$label, see $out"
    # `times`' second line: children's user and system time, e.g. "0m3.120s 0m1.870s".
    wt="$(awk '{ s = 0; for (i = 1; i <= 2; i++) { split($i, a, /[ms]/); s += a[1] * 60 + a[2] } print s }' <<< "$wt")"
    grep '^BENCH_RESULT ' "$out" | sed 's/^BENCH_RESULT //' \
        | jq -c --arg phase "$phase" --arg lbl "$label" --argjson hz "$HZ" \
              --argjson app $((a1 - a0)) --argjson jvms $((j1 - j0)) --argjson pg $((p1 - p0)) --argjson rep $((r1 - r0)) \
              --argjson ngx $((n1 - n0)) --argjson wrk "$wt" \
              --argjson mbusy $(( ${m1% *} - ${m0% *} )) --argjson mall $(( ${m1#* } - ${m0#* } )) \
              --argjson wall "$(( (w1 - w0) / 1000000 ))" \
              '. + {"phase": $phase, "label": $lbl, "wall_s": ($wall / 1000), "app_cpu_s": ($app / $hz),
                    "jvms_cpu_s": ($jvms / $hz), "primary_cpu_s": ($pg / $hz), "replica_cpu_s": ($rep / $hz),
                    "nginx_cpu_s": ($ngx / $hz), "wrk_cpu_s": $wrk, "machine_busy_s": ($mbusy / $hz),
                    "machine_all_s": ($mall / $hz)}' >> "$ROUNDS_FILE"
}
# reads_from port: what the instance's readiness says public reads use right now (replica or primary).
reads_from() { curl -s --max-time 5 "http://127.0.0.1:$1/q/health/ready" | jq -r '.checks[] | select(.name=="read-replica") | .data.reads'; }

# A: two instances side by side, one reading the primary, one the replica. Rounds interleaved, and every
# even round in reverse order, so that neither side always runs first or right after the other.
log "A: primary vs replica (one instance each)"
start_app onprimary "${APP_PORTS[0]}" no
start_app onreplica "${APP_PORTS[1]}" yes
wait_http "http://127.0.0.1:${APP_PORTS[0]}/q/health/ready" "Masthead (primary)"
wait_http "http://127.0.0.1:${APP_PORTS[1]}/q/health/ready" "Masthead (replica)"
SERVING="$(reads_from "${APP_PORTS[1]}")"
[[ "$SERVING" == replica ]] || die "the replica instance does not read from the replica (readiness says $SERVING)"
[[ "$(reads_from "${APP_PORTS[0]}")" == primary ]] || die "the primary instance does not say it reads from the primary"
a_side() { # onprimary|onreplica label seconds
    local port="${APP_PORTS[0]}"; [[ "$1" == onreplica ]] && port="${APP_PORTS[1]}"
    run_wrk "A-$1" "$2" "http://127.0.0.1:$port$READ" "$3" "${APP_PID[$1]}"
}
for side in onprimary onreplica; do a_side "$side" jit "$JIT_WARMUP_S"; done
for side in onprimary onreplica; do a_side "$side" warmup "$WARMUP_S"; done
for i in $(seq 1 "$ROUNDS"); do
    if (( i % 2 )); then order=(onprimary onreplica); else order=(onreplica onprimary); fi
    for side in "${order[@]}"; do a_side "$side" "round$i" "$DURATION_S"; done
done
# A fallback to the primary in the middle (replica lag past the bound) would make the comparison moot.
A_READS_AFTER="$(reads_from "${APP_PORTS[1]}")"
[[ "$A_READS_AFTER" == replica ]] || die "after phase A the replica instance reads from $A_READS_AFTER"
stop_app onprimary
stop_app onreplica

# B: three instances (all on the replica) behind nginx, vs the first of them alone behind nginx. Each
# JVM gets the same JIT warm-up on its own first (as in A): warmed only through the upstream, each
# would have had a third of the traffic and the three would start behind the one.
log "B: three instances vs one, behind nginx"
for k in 0 1 2; do start_app "i$k" "${APP_PORTS[$k]}" yes; done
for k in 0 1 2; do wait_http "http://127.0.0.1:${APP_PORTS[$k]}/q/health/ready" "Masthead i$k"; done
for k in 0 1 2; do [[ "$(reads_from "${APP_PORTS[$k]}")" == replica ]] || die "instance i$k does not read from the replica"; done
"$NGINX_BIN" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -g 'daemon off;' > "$WORK/nginx/logs/stdout.log" 2>&1 &
NGINX_PID=$!
PIDS+=($!)
wait_http "http://127.0.0.1:$NGINX_THREE$READ" nginx
wait_http "http://127.0.0.1:$NGINX_ONE$READ" nginx
ALL3=("${APP_PID[i0]}" "${APP_PID[i1]}" "${APP_PID[i2]}")
for k in 0 1 2; do run_wrk "B-i$k" jit "http://127.0.0.1:${APP_PORTS[$k]}$READ" "$JIT_WARMUP_S" "${APP_PID[i$k]}"; done
run_wrk B-one warmup "http://127.0.0.1:$NGINX_ONE$READ" "$WARMUP_S" "${APP_PID[i0]}"
run_wrk B-three warmup "http://127.0.0.1:$NGINX_THREE$READ" "$WARMUP_S" "${ALL3[@]}"
# Each of the three must have taken its share of the three-instance rounds: round robin, not one busy
# upstream and two idle. Counted from each instance's own /q/metrics around those rounds only.
served_counts() { # the 200s to GET /api/v1/articles each instance has answered so far
    local k; for k in 0 1 2; do curl -s --max-time 5 "http://127.0.0.1:${APP_PORTS[$k]}/q/metrics" \
        | awk '/^http_server_requests_seconds_count\{/ && /uri="\/api\/v1\/articles"/ && /status="200"/ { n += $NF } END { printf "%d\n", n }'; done; }
B_SERVED=(0 0 0)
for i in $(seq 1 "$ROUNDS"); do
    if (( i % 2 )); then order=(one three); else order=(three one); fi
    for setup in "${order[@]}"; do
        if [[ "$setup" == one ]]; then
            run_wrk B-one "round$i" "http://127.0.0.1:$NGINX_ONE$READ" "$DURATION_S" "${APP_PID[i0]}"
        else
            before=($(served_counts)); run_wrk B-three "round$i" "http://127.0.0.1:$NGINX_THREE$READ" "$DURATION_S" "${ALL3[@]}"
            after=($(served_counts)); for k in 0 1 2; do B_SERVED[$k]=$(( B_SERVED[k] + after[k] - before[k] )); done
        fi
    done
done
for k in 0 1 2; do
    r="$(reads_from "${APP_PORTS[$k]}")"
    [[ "$r" == replica ]] || die "after phase B instance i$k reads from $r"
done

# ------------------------------------------------------------------ results
LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"
NCPU="$(nproc)"
mkdir -p "$OUT"
STEM="$OUT/$(date -u +%Y-%m-%d-%H%M)-replica-n$N"
RESULT="$STEM.md"; CHART="$STEM.svg"
# One summary per setup over its measured rounds: median req/s and p99; CPU ms per request of each
# part (its CPU seconds over the rounds / the requests); CPUs in use (CPU seconds / wall seconds) of
# each part, of the whole machine, and of whatever this script did not start ("other").
SUMMARY="$WORK/summary.json"
jq -s --argjson ncpu "$NCPU" '
  def med: sort | if length == 0 then 0 else .[(length - 1) / 2 | floor] end;
  def r(d): (. * d | round) / d;
  [ "A-onprimary", "A-onreplica", "B-one", "B-three" ] as $phases
  | [ $phases[] as $p | [ .[] | select(.phase == $p and (.label | startswith("round"))) ] as $rs
      | ($rs | map(.requests) | add) as $req | ($rs | map(.wall_s) | add) as $wall
      | def ms(f): ($rs | map(.[f]) | add) * 1000 / $req | r(100);
        def cpus(f): ($rs | map(.[f]) | add) / $wall | r(100);
      { phase: $p, rounds: ($rs | length), rps: ($rs | map(.rps) | med | round), p99: ($rs | map(.p99_ms) | med),
        ms: { masthead: ms("app_cpu_s"), primary: ms("primary_cpu_s"), replica: ms("replica_cpu_s"),
              nginx: ms("nginx_cpu_s"), wrk: ms("wrk_cpu_s") },
        cpus: { masthead: cpus("jvms_cpu_s"), primary: cpus("primary_cpu_s"), replica: cpus("replica_cpu_s"),
                nginx: cpus("nginx_cpu_s"), wrk: cpus("wrk_cpu_s"),
                machine: (($rs | map(.machine_busy_s) | add) / ($rs | map(.machine_all_s) | add) * $ncpu | r(100)) } }
      | .ms.sum = ([.ms[]] | add | r(100))
      | .cpus.ours = (.cpus.masthead + .cpus.primary + .cpus.replica + .cpus.nginx + .cpus.wrk | r(100))
      | .cpus.other = ([.cpus.machine - .cpus.ours, 0] | max | r(100))
      | .top = (.cpus | to_entries | map(select(.key | IN("masthead", "primary", "replica", "nginx", "wrk", "other")))
                | max_by(.value) | .key)
      | .bound = (if .ms.sum > 0 then $ncpu * 1000 / .ms.sum | round else 0 end) ]
  | { setups: ., byPhase: (map({ key: .phase, value: . }) | from_entries) }
  | .ratioA = (if .byPhase["A-onprimary"].rps > 0 then .byPhase["A-onreplica"].rps / .byPhase["A-onprimary"].rps | r(100) else 0 end)
  | .ratioB = (if .byPhase["B-one"].rps > 0 then .byPhase["B-three"].rps / .byPhase["B-one"].rps | r(100) else 0 end)
' "$ROUNDS_FILE" > "$SUMMARY"
NON2XX="$(jq -s 'map(.non2xx) | add' "$ROUNDS_FILE")"
RATIO_A="$(jq -r .ratioA "$SUMMARY")"
RATIO_B="$(jq -r .ratioB "$SUMMARY")"

# Chart: req/s per setup (left) and CPU ms per request per part, stacked (right).
jq -r '.setups[] | [.phase, .rps, .ms.masthead, .ms.primary, .ms.replica, .ms.nginx, .ms.wrk] | @tsv' "$SUMMARY" \
  | awk -F'\t' -v title="Scale-out, cold 20 newest, N=$N (median of $ROUNDS rounds; $NCPU shared CPUs)" '
    BEGIN { split("A: primary|A: replica|B: 1 instance|B: 3 instances", name, "|")
            split("Masthead|primary|replica|nginx|wrk", part, "|")
            split("#4C72B0|#DD8452|#55A868|#8172B3|#937860", col, "|") }
    { rps[NR] = $2; if ($2 > maxr) maxr = $2
      t = 0; for (k = 1; k <= 5; k++) { ms[NR, k] = $(k + 2); t += $(k + 2) } if (t > maxms) maxms = t }
    END {
      w = 900; h = 340; base = 270; top = 60; sr = (maxr > 0 ? (base - top) / maxr : 0); sm = (maxms > 0 ? (base - top) / maxms : 0)
      printf "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">\n", w, h
      printf "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/><text x=\"10\" y=\"20\" font-size=\"14\">%s</text>\n", title
      printf "<text x=\"20\" y=\"45\">req/s</text><text x=\"470\" y=\"45\">CPU ms per request</text>\n"
      for (i = 1; i <= NR; i++) {
        x = 30 + (i - 1) * 100; c = (i <= 2 ? "#4C72B0" : "#DD8452")
        printf "<rect x=\"%d\" y=\"%.1f\" width=\"60\" height=\"%.1f\" fill=\"%s\"/>", x, base - rps[i] * sr, rps[i] * sr, c
        printf "<text x=\"%d\" y=\"%.1f\" text-anchor=\"middle\">%s</text>", x + 30, base - rps[i] * sr - 4, rps[i]
        printf "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>\n", x + 30, base + 18, name[i]
        x = 480 + (i - 1) * 100; y = base; t = 0
        for (k = 1; k <= 5; k++) {
          hh = ms[i, k] * sm; y -= hh; t += ms[i, k]
          printf "<rect x=\"%d\" y=\"%.1f\" width=\"60\" height=\"%.1f\" fill=\"%s\"><title>%s %s ms</title></rect>", x, y, hh, col[k], part[k], ms[i, k]
        }
        printf "<text x=\"%d\" y=\"%.1f\" text-anchor=\"middle\">%.2f</text>", x + 30, y - 4, t
        printf "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>\n", x + 30, base + 18, name[i]
      }
      for (k = 1; k <= 5; k++) printf "<rect x=\"%d\" y=\"310\" width=\"12\" height=\"12\" fill=\"%s\"/><text x=\"%d\" y=\"321\">%s</text>\n", 480 + (k - 1) * 80, col[k], 496 + (k - 1) * 80, part[k]
      printf "<line x1=\"20\" y1=\"%d\" x2=\"430\" y2=\"%d\" stroke=\"black\"/><line x1=\"470\" y1=\"%d\" x2=\"880\" y2=\"%d\" stroke=\"black\"/></svg>\n", base, base, base, base
    }' > "$CHART"

label() { case "$1" in A-onprimary) echo "A: one instance, reads on the primary";; A-onreplica) echo "A: one instance, reads on the replica";;
          B-one) echo "B: one instance behind nginx (replica)";; B-three) echo "B: three instances behind nginx (replica)";; esac; }
{
    echo "# Scale-out: read replica and three instances, cold list reads at N=$N"
    echo
    echo "Produced by \`bash bench/replica.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC') at $(cd "$REPO" && git rev-parse --short HEAD)."
    echo "Chart: [$(basename "$CHART")]($(basename "$CHART"))."
    echo
    echo "\`GET $READ\` with the content cache off (every request renders and queries), \`wrk -t$THREADS -c$CONNS\`,"
    echo "median of $ROUNDS rounds of ${DURATION_S} s (interleaved, every even round in reverse order) after a ${JIT_WARMUP_S} s JIT"
    echo "warm-up of each JVM on its own and ${WARMUP_S} s uncounted per setup; Masthead \`-Xmx$APP_HEAP\`. $PUBLISHED published of $N"
    echo "generated articles (bench/gen), database $DB_SIZE, loaded in ${LOAD_S} s; replica made with \`pg_basebackup -R\`"
    echo "in ${BASEBACKUP_S} s (no apply delay). Everything (wrk, nginx, every JVM, both PostgreSQL servers) shares this"
    echo "machine's $NCPU CPUs ($(awk -F': ' '/model name/{print $2; exit}' /proc/cpuinfo))."
    echo
    echo "**Beside it:** load average $LOAD_BEFORE before, $LOAD_AFTER after.${NOTE:+ $NOTE} The \`other\` column below is"
    echo "the CPU that processes this script did not start took during the measured rounds (/proc/stat minus ours)."
    echo
    echo "| setup | req/s (median) | p99 ms | Masthead CPU ms/req | primary ms/req | replica ms/req | nginx ms/req | wrk ms/req | all ms/req |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
    for ph in A-onprimary A-onreplica B-one B-three; do
        jq -r --arg p "$ph" --arg l "$(label "$ph")" '.byPhase[$p] | "| \($l) | \(.rps) | \(.p99) | \(.ms.masthead) | \(.ms.primary) | \(.ms.replica) | \(.ms.nginx) | \(.ms.wrk) | \(.ms.sum) |"' "$SUMMARY"
    done
    echo
    echo "Replica ÷ primary: **${RATIO_A}×**; three instances ÷ one: **${RATIO_B}×**. Non-2xx answers over all runs: $NON2XX."
    echo "Requests each of the three instances answered over the three-instance rounds (its own \`/q/metrics\`): ${B_SERVED[*]}."
    echo "Readiness said \`reads: replica\` for every replica-reading instance before and after its phase (no fallback to the primary)."
    echo
    echo "## What saturates"
    echo
    echo "CPUs in use during the measured rounds (CPU seconds ÷ wall seconds; the machine has $NCPU). Masthead here is every"
    echo "running JVM (in A the idle other instance too), so the columns add up to the machine:"
    echo
    echo "| setup | machine busy | Masthead | primary | replica | nginx | wrk | other work | largest | $NCPU CPUs ÷ all ms/req |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---|---:|"
    for ph in A-onprimary A-onreplica B-one B-three; do
        jq -r --arg p "$ph" --arg l "$(label "$ph")" '.byPhase[$p] | "| \($l) | \(.cpus.machine) | \(.cpus.masthead) | \(.cpus.primary) | \(.cpus.replica) | \(.cpus.nginx) | \(.cpus.wrk) | \(.cpus.other) | \(.top) | \(.bound) req/s |"' "$SUMMARY"
    done
    echo
    echo "The last column is the most this machine could serve if the processes of the benchmark had all of it:"
    echo "$NCPU CPUs divided by the CPU one request costs across Masthead, PostgreSQL, nginx and wrk. Wherever the"
    echo "machine is busy (close to $NCPU CPUs in use), the ratios above are bounded by it, not by Masthead: a replica or"
    echo "more instances on the same cores only move the same work between processes, and a third instance"
    echo "adds its own overhead (JIT, pools, the replica monitor's polls) to the same cores. What carries over to"
    echo "separate machines is the CPU per request: with the replica on its own host the primary's column is what"
    echo "stays on the primary (the listener's and monitors' polls), and one CPU of the replica serves 1000 ÷ replica"
    echo "ms/req of this read; instances scale until the replica (or the balancer) saturates."
    echo
    echo "## Every run"
    echo
    echo "| phase | run | s | requests | req/s | p50 ms | p99 ms | non-2xx | Masthead CPU s | all JVMs s | primary s | replica s | nginx s | wrk s | machine busy s |"
    echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    jq -r 'def r1: . * 10 | round / 10;
        "| \(.phase) | \(.label) | \(.wall_s | r1) | \(.requests) | \(.rps | round) | \(.p50_ms) | \(.p99_ms) | \(.non2xx) | \(.app_cpu_s | r1) | \(.jvms_cpu_s | r1) | \(.primary_cpu_s | r1) | \(.replica_cpu_s | r1) | \(.nginx_cpu_s | r1) | \(.wrk_cpu_s | r1) | \(.machine_busy_s | r1) |"' "$ROUNDS_FILE"
    echo
    echo "CPU seconds are utime+stime from \`/proc/<pid>/stat\` (a PostgreSQL server with its backends, live and reaped;"
    echo "nginx with its worker; wrk from its shell's \`times\`), machine busy from \`/proc/stat\`, each read right before and after the wrk run."
} > "$RESULT"
log "wrote $RESULT and $CHART"
cat "$RESULT"
