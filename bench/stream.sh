#!/usr/bin/env bash
# The public event stream under load: SUBSCRIBERS concurrent subscribers of GET /api/v1/stream on
# one Masthead (-Xmx256m), PUBLISHES articles published one at a time; commit-to-delivery p50/p99
# over every (subscriber, publish) pair, Masthead's RSS, and the cold list's req/s (content cache
# off) measured without subscribers and again while they are connected.
#
#   bash bench/stream.sh                            # 10,000 subscribers, 200 publishes (~10 min)
#   SUBSCRIBERS=200 PUBLISHES=20 READ_S=5 bash bench/stream.sh   # a smoke test
#
# See bench/README.md ("Event stream"). Runs as root (runuser -u postgres for PostgreSQL), only on
# 127.0.0.1; everything it starts is stopped on exit and the data directory is removed.
set -Eeuo pipefail
trap 'echo "stream.sh: line $LINENO: \"$BASH_COMMAND\" failed" >&2' ERR

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH="$REPO/bench"
SUBSCRIBERS="${SUBSCRIBERS:-10000}"
PUBLISHES="${PUBLISHES:-200}"
ARTICLES="${ARTICLES:-2000}"      # published before the run: what the list reads
READ_S="${READ_S:-20}"            # seconds of wrk per read measurement
ROUNDS="${ROUNDS:-3}"             # read measurements without and with subscribers, alternated
PG_PORT="${PG_PORT:-55434}"
APP_PORT="${APP_PORT:-8093}"
PG_DATA="${PG_DATA:-/tmp/masthead-stream-pg}"
APP_HEAP="${APP_HEAP:-256m}"
TOKEN=bench
DB_USER=masthead
DB_PASS=bench

STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
LOGS="/tmp/masthead-stream-logs-$STAMP"
mkdir -p "$LOGS"
log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# ------------------------------------------------------------------ prerequisites
need_apt=()
command -v jq >/dev/null || need_apt+=(jq)
command -v curl >/dev/null || need_apt+=(curl)
command -v wrk >/dev/null || need_apt+=(wrk)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need_apt+=(postgresql postgresql-client)
if (( ${#need_apt[@]} )); then
    log "installing ${need_apt[*]}"
    apt-get update -q >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need_apt[@]}" >/dev/null
fi
PG_BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
command -v java >/dev/null || die "java (17+) is needed"
# Each subscriber is a socket on both sides (client and server run here).
NOFILE_NEEDED=$((SUBSCRIBERS + 2000))
if (( $(ulimit -n) < NOFILE_NEEDED )); then
    ulimit -n "$NOFILE_NEEDED" 2>/dev/null || die "ulimit -n is $(ulimit -n); $NOFILE_NEEDED open files are needed"
fi
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for p in "$PG_PORT" "$APP_PORT"; do port_busy "$p" && die "port $p is in use"; done
if [[ -f "$PG_DATA/postmaster.pid" ]] && kill -0 "$(head -1 "$PG_DATA/postmaster.pid")" 2>/dev/null; then
    die "$PG_DATA belongs to a running PostgreSQL; stop it or set PG_DATA"
fi
rm -rf "$PG_DATA"

# ------------------------------------------------------------------ cleanup
APP_PID=""
LOAD_PID=""
PG_STARTED=""
stop_pid() {
    local pid="$1"
    [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 0
    kill -TERM "$pid"
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
    wait "$pid" 2>/dev/null || true
}
cleanup() {
    local rc=$?
    set +e
    trap - ERR
    stop_pid "$LOAD_PID"
    stop_pid "$APP_PID"
    [[ -n "$PG_STARTED" ]] && runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -t 60 stop >/dev/null 2>&1
    rm -rf "$PG_DATA"
    log "logs kept in $LOGS"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ------------------------------------------------------------------ build
JAR="$REPO/target/quarkus-app/quarkus-run.jar"
if [[ ! -f "$JAR" || "${REBUILD:-0}" == 1 || -n "$(find "$REPO/src/main" "$REPO/pom.xml" -newer "$JAR" -print -quit)" ]]; then
    log "building this tree (./mvnw -q -Dmaven.test.skip=true package)"
    (cd "$REPO" && timeout 1200 ./mvnw -q -Dmaven.test.skip=true package) > "$LOGS/build.log" 2>&1 \
        || die "build failed, see $LOGS/build.log"
fi
BUILD="$(git -C "$REPO" rev-parse --short HEAD)"
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
LOAD_START="$(loadavg)"

# ------------------------------------------------------------------ PostgreSQL
install -d -m 700 -o postgres -g postgres "$PG_DATA"
PWFILE="$PG_DATA.pw"
printf '%s\n' "$DB_PASS" > "$PWFILE"; chown postgres "$PWFILE"; chmod 600 "$PWFILE"
runuser -u postgres -- "$PG_BIN/initdb" -D "$PG_DATA" -U postgres -E UTF8 --locale=C.UTF-8 \
    --auth-local=trust --auth-host=scram-sha-256 --pwfile="$PWFILE" > "$LOGS/initdb.log" 2>&1 || die "initdb failed"
rm -f "$PWFILE"
printf '%s\n' "listen_addresses = '127.0.0.1'" "port = $PG_PORT" "unix_socket_directories = '$PG_DATA'" \
    "max_connections = 40" "shared_buffers = 256MB" >> "$PG_DATA/postgresql.conf"
install -m 644 -o postgres /dev/null "$LOGS/postgres.log"
runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$LOGS/postgres.log" -w -t 60 start >/dev/null \
    || die "PostgreSQL did not start, see $LOGS/postgres.log"
PG_STARTED=1
PG_VERSION="$("$PG_BIN/postgres" --version)"
psql -X -q -v ON_ERROR_STOP=1 -h "$PG_DATA" -p "$PG_PORT" -U postgres -d postgres \
    -c "create role $DB_USER login password '$DB_PASS'" -c "create database masthead owner $DB_USER"

# ------------------------------------------------------------------ Masthead, content cache off (cold reads)
log "starting Masthead -Xmx$APP_HEAP on 127.0.0.1:$APP_PORT"
(
    export QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/masthead"
    export QUARKUS_DATASOURCE_USERNAME="$DB_USER" QUARKUS_DATASOURCE_PASSWORD="$DB_PASS"
    export QUARKUS_HTTP_PORT="$APP_PORT" QUARKUS_HTTP_HOST=127.0.0.1
    export MASTHEAD_ADMIN_TOKEN="$TOKEN" MASTHEAD_RATE_LIMIT_ANONYMOUS=0 MASTHEAD_RATE_LIMIT_TOKEN=0
    export MASTHEAD_CONTENT_CACHE_ENABLED=false MASTHEAD_WEBHOOKS_DELIVER_EVERY=off
    cd "$LOGS"
    exec setsid java "-Xmx$APP_HEAP" -jar "$JAR"
) > "$LOGS/masthead.log" 2>&1 &
APP_PID=$!
deadline=$((SECONDS + 180))
until [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:$APP_PORT/q/health/ready" || true)" == 200 ]]; do
    kill -0 "$APP_PID" 2>/dev/null || die "Masthead exited during start, see $LOGS/masthead.log"
    (( SECONDS < deadline )) || die "Masthead not ready after 180 s"
    sleep 1
done
rss_mb() { awk '/VmRSS/{printf "%.0f", $2 / 1024}' "/proc/$APP_PID/status"; }

# ------------------------------------------------------------------ data: ARTICLES published articles
api() { # method path body [extra header]
    curl -s -f --max-time 30 -X "$1" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
        ${4:+-H "$4"} ${3:+--data "$3"} "http://127.0.0.1:$APP_PORT$2"
}
api POST /api/v1/admin/copyright-notices \
    '{"holder":"Bench Media Ltd.","year":2026,"statement":"All rights reserved.","isDefault":true}' >/dev/null
log "publishing $ARTICLES articles"
for i in $(seq 1 "$ARTICLES"); do
    body="$(printf '{"slug":"bench-%d","headline":"Bench story %d","summary":"A summary.","body":[{"type":"paragraph","text":"Text %d."}]}' "$i" "$i" "$i")"
    created="$(curl -s -f -D - --max-time 30 -X POST -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
        --data "$body" "http://127.0.0.1:$APP_PORT/api/v1/admin/articles")" || die "could not create article $i"
    id="$(sed -n '/^{/p' <<<"$created" | jq -r .id)"
    etag="$(grep -i '^etag:' <<<"$created" | cut -d' ' -f2 | tr -d '\r')"
    api POST "/api/v1/admin/articles/$id/publish" "" "If-Match: $etag" >/dev/null || die "could not publish $id"
done

# ------------------------------------------------------------------ cold list reads
LIST="http://127.0.0.1:$APP_PORT/api/v1/articles?limit=20"
read_rps() { # label
    wrk -t2 -c16 -d"${READ_S}s" --latency "$LIST" > "$LOGS/wrk-$1.txt" 2>&1
    awk '/Requests\/sec/{print $2}' "$LOGS/wrk-$1.txt"
}
log "JIT warm-up of the list (${READ_S}s)"
read_rps warmup >/dev/null

mkdir -p "$LOGS/classes"
javac -d "$LOGS/classes" "$BENCH/StreamLoad.java" || die "StreamLoad.java does not compile"
GO="$LOGS/go"
RSS_IDLE="$(rss_mb)"
declare -a WITHOUT=() WITH=()
WITHOUT+=("$(read_rps without-1)")
log "cold list without subscribers: ${WITHOUT[0]} req/s"

log "connecting $SUBSCRIBERS subscribers"
java -Xmx512m -cp "$LOGS/classes" StreamLoad 127.0.0.1 "$APP_PORT" "$TOKEN" "$SUBSCRIBERS" "$PUBLISHES" "$GO" \
    > "$LOGS/load.txt" 2> "$LOGS/load.err" &
LOAD_PID=$!
deadline=$((SECONDS + 300))
until grep -q '^LIVE ' "$LOGS/load.txt"; do
    kill -0 "$LOAD_PID" 2>/dev/null || die "StreamLoad exited, see $LOGS/load.err"
    (( SECONDS < deadline )) || die "subscribers not connected after 300 s"
    sleep 1
done
LIVE="$(awk '/^LIVE /{print $2}' "$LOGS/load.txt")"
log "$LIVE subscribers live"
sleep 5
RSS_SUBSCRIBED="$(rss_mb)"
for r in $(seq 1 "$ROUNDS"); do
    WITH+=("$(read_rps "with-$r")")
    log "cold list with $LIVE subscribers: ${WITH[-1]} req/s"
done
touch "$GO"
log "publishing $PUBLISHES articles one at a time"
deadline=$((SECONDS + 1800))
until grep -q '^STREAM_RESULT ' "$LOGS/load.txt"; do
    kill -0 "$LOAD_PID" 2>/dev/null || die "StreamLoad exited, see $LOGS/load.err"
    (( SECONDS < deadline )) || die "publishes not done after 1800 s"
    sleep 1
done
RSS_AFTER="$(rss_mb)"
RESULT_JSON="$(sed -n 's/^STREAM_RESULT //p' "$LOGS/load.txt")"
wait "$LOAD_PID" 2>/dev/null || true
LOAD_PID=""
for r in $(seq 2 "$ROUNDS"); do
    WITHOUT+=("$(read_rps "without-$r")")
    log "cold list without subscribers: ${WITHOUT[-1]} req/s"
done
LOAD_END="$(loadavg)"
ERRORS="$(grep -cE ' ERROR |OutOfMemoryError' "$LOGS/masthead.log" || true)"
HEAD_TWICE="$(grep -c 'Response head already sent' "$LOGS/masthead.log" || true)"
NOT_JOINED_LOG="$(grep -c 'could not join' "$LOGS/masthead.log" || true)"

# ------------------------------------------------------------------ report
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }
MED_WITHOUT="$(median "${WITHOUT[@]}")"
MED_WITH="$(median "${WITH[@]}")"
RATIO="$(awk -v a="$MED_WITH" -v b="$MED_WITHOUT" 'BEGIN{printf "%.2f", a/b}')"
P50="$(jq -r .p50_ms <<<"$RESULT_JSON")"; P90="$(jq -r .p90_ms <<<"$RESULT_JSON")"
P99="$(jq -r .p99_ms <<<"$RESULT_JSON")"; MAX="$(jq -r .max_ms <<<"$RESULT_JSON")"
DELIVERED="$(jq -r .delivered <<<"$RESULT_JSON")"; EXPECTED="$(jq -r .expected <<<"$RESULT_JSON")"
# Every subscriber must join (200, then the stream's first comment) and hear every publish exactly
# once, with no reset and no stream ended or closed: checked per subscriber by StreamLoad.
j() { jq -r ".$1" <<<"$RESULT_JSON"; }
OK_200="$(j status_200)"; LIVE_N="$(j live)"; COMPLETE="$(j complete)"; MIN_EV="$(j min_events)"; MAX_EV="$(j max_events)"
DUPS="$(j duplicates)"; RESETS="$(j resets)"; ENDED="$(j ended)"; CLOSED="$(j closed)"
PUBLISHED="$(j publishes)"; PUB_ERRORS="$(j publish_errors)"
if [[ "$OK_200" == "$SUBSCRIBERS" && "$LIVE_N" == "$SUBSCRIBERS" && "$COMPLETE" == "$SUBSCRIBERS" && "$DUPS" == 0 \
      && "$RESETS" == 0 && "$ENDED" == 0 && "$CLOSED" == 0 && "$PUBLISHED" == "$PUBLISHES" && "$PUB_ERRORS" == 0 ]]; then
    CHECK="PASS: all $SUBSCRIBERS subscribers joined and each received all $PUBLISHED events exactly once"
else
    CHECK="FAIL: $LIVE_N of $SUBSCRIBERS subscribers live ($OK_200 answered 200), $COMPLETE received all $PUBLISHED of $PUBLISHES publishes"
fi

mkdir -p "$BENCH/results"
STEM="$BENCH/results/$(date -u +%Y-%m-%d-%H%M)-stream-s$SUBSCRIBERS"
RESULT="$STEM.md"; CHART="$STEM.svg"
# Chart: cold list req/s of every read round, without and with subscribers (plain SVG).
{
    for i in "${!WITHOUT[@]}"; do printf 'without %d\t%s\n' $((i + 1)) "${WITHOUT[$i]}"; done
    for i in "${!WITH[@]}"; do printf 'with %d\t%s\n' $((i + 1)) "${WITH[$i]}"; done
} | awk -F'\t' -v title="Cold list req/s, without and with $LIVE stream subscribers" '
    { l[NR] = $1; v[NR] = $2; if ($2 > max) max = $2 }
    END {
      w = 80 + NR * 90; h = 300; base = 250; scale = 180 / (max > 0 ? max : 1)
      printf "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">\n", w, h
      printf "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/><text x=\"10\" y=\"20\" font-size=\"14\">%s</text>\n", title
      for (i = 1; i <= NR; i++) {
        x = 40 + (i - 1) * 90; c = (l[i] ~ /^with /) ? "#4C72B0" : "#8c8c8c"
        printf "<rect x=\"%d\" y=\"%.1f\" width=\"60\" height=\"%.1f\" fill=\"%s\"/>", x, base - v[i] * scale, v[i] * scale, c
        printf "<text x=\"%d\" y=\"%.1f\" text-anchor=\"middle\">%.0f</text>\n", x + 30, base - v[i] * scale - 4, v[i]
        printf "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>\n", x + 30, base + 18, l[i]
      }
      printf "<line x1=\"30\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/></svg>\n", base, w - 10, base
    }' > "$CHART"
{
    echo "# Event stream: $LIVE subscribers on one instance, build $BUILD"
    echo
    echo "Produced by \`bash bench/stream.sh\` (SUBSCRIBERS=$SUBSCRIBERS PUBLISHES=$PUBLISHES) on $(date -u '+%Y-%m-%d %H:%M UTC'). Chart: [$(basename "$CHART")]($(basename "$CHART"))."
    echo
    echo "One Masthead \`java -Xmx$APP_HEAP\`, content cache off (every list read goes to PostgreSQL), $ARTICLES published articles."
    echo "$LIVE public stream subscribers held by \`bench/StreamLoad.java\` (one NIO selector thread); $PUBLISHES articles"
    echo "published one at a time; latency is from sending the publish request to the event's arrival, for every"
    echo "(subscriber, publish) pair: an upper bound of commit-to-delivery."
    echo
    echo "**Check: $CHECK.**"
    echo
    echo "| measure | value |"
    echo "|---|---:|"
    echo "| subscribers asked / answered 200 / live (first comment) | $SUBSCRIBERS / $OK_200 / $LIVE_N |"
    echo "| subscribers that received every one of the $PUBLISHED events exactly once | $COMPLETE |"
    echo "| events per subscriber, min / max | $MIN_EV / $MAX_EV |"
    echo "| duplicates / resets / streams ended by the server / connections closed | $DUPS / $RESETS / $ENDED / $CLOSED |"
    echo "| delivery p50 | $P50 ms |"
    echo "| delivery p90 | $P90 ms |"
    echo "| delivery p99 (target < 1000 ms) | $P99 ms |"
    echo "| delivery max | $MAX ms |"
    echo "| events delivered / expected | $DELIVERED / $EXPECTED |"
    echo "| RSS idle / with subscribers / after the publishes | $RSS_IDLE / $RSS_SUBSCRIBED / $RSS_AFTER MB |"
    echo "| cold list req/s without subscribers (median of ${#WITHOUT[@]}) | $MED_WITHOUT |"
    echo "| cold list req/s with $LIVE subscribers (median of ${#WITH[@]}) | $MED_WITH |"
    echo "| with ÷ without | ${RATIO}× |"
    echo
    echo "Reads: \`wrk -t2 -c16 -d${READ_S}s $LIST\`; rounds without: ${WITHOUT[*]}; with: ${WITH[*]}."
    echo "ERROR or OutOfMemoryError lines in Masthead's log: $ERRORS; \"Response head already sent\": $HEAD_TWICE; \"could not join\": $NOT_JOINED_LOG."
    echo "Raw: \`$RESULT_JSON\`."
    echo
    echo "## Machine"
    echo
    echo "- $(nproc) CPUs ($(awk -F': ' '/model name/{print $2; exit}' /proc/cpuinfo)), $(awk '/MemTotal/{printf "%.1f GiB", $2/1048576}' /proc/meminfo); $(uname -sr)."
    echo "- $( (java -version 2>&1 || true) | head -1); $PG_VERSION. The load client, wrk and PostgreSQL run on the same machine."
    echo "- Load average (1/5/15 min): at start $LOAD_START; at the end $LOAD_END. The machine may be shared: compare within a run."
} > "$RESULT"
log "result written to ${RESULT#$REPO/}"
echo "p50 $P50 ms, p99 $P99 ms, RSS $RSS_SUBSCRIBED MB with $LIVE subscribers, cold list $MED_WITHOUT -> $MED_WITH req/s; $RESULT"
echo "$CHECK"
[[ "$CHECK" == PASS* ]] || exit 1
