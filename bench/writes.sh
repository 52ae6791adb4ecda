#!/usr/bin/env bash
# Draft editors' write throughput: an old commit against this tree, on one throwaway PostgreSQL,
# interleaved round by round.
#
#   bash bench/writes.sh                 # old = 857d19d (before the partner-feed lock was skipped for drafts)
#   OLD_REF=<commit> bash bench/writes.sh
#   OLD_JAR=/path/to/quarkus-run.jar bash bench/writes.sh
#   PUBLISHED=1 OLD_REF=<commit> bash bench/writes.sh   # the editors edit published articles (issue #19)
#
# See bench/README.md ("Draft writes"). Runs as root (runuser -u postgres for PostgreSQL), only on
# 127.0.0.1; everything it starts is stopped on exit and the data directory is removed. ~5 min.
set -Eeuo pipefail
trap 'echo "writes.sh: line $LINENO: \"$BASH_COMMAND\" failed" >&2' ERR

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH="$REPO/bench"
OLD_REF="${OLD_REF:-857d19d}"
OLD_JAR="${OLD_JAR:-}"
EDITORS="${EDITORS:-16}"
ROUNDS="${ROUNDS:-5}"
DURATION_S="${DURATION_S:-15}"     # measured seconds per round and side
WARMUP_S="${WARMUP_S:-3}"          # uncounted seconds before each measured window
JIT_WARMUP_S="${JIT_WARMUP_S:-20}" # one uncounted run per instance after its start
PARTNERS="${PARTNERS:-4}"          # syndication partners, all entitled to the default notice
# PUBLISHED=1: each editor's article is published once at set-up (before the clock starts), so every
# edit is an edit of a published article: the writes that re-render its public documents (issue #19)
# and append to the partner feed. Default 0: drafts, as before.
PUBLISHED="${PUBLISHED:-0}"
[[ "$PUBLISHED" == 0 || "$PUBLISHED" == 1 ]] || { echo "PUBLISHED must be 0 or 1" >&2; exit 2; }
KIND=draft; [[ "$PUBLISHED" == 1 ]] && KIND=published
PG_PORT="${PG_PORT:-55433}"
OLD_PORT="${OLD_PORT:-8091}"
NEW_PORT="${NEW_PORT:-8092}"
PG_DATA="${PG_DATA:-/tmp/masthead-writes-pg}"
# Durable by default: a write's cost is mostly its commit, and a lock held to the commit makes
# every writer wait for the others' WAL flushes. PG_DURABLE=0 for fsync/synchronous_commit off.
PG_DURABLE="${PG_DURABLE:-1}"
APP_HEAP="${APP_HEAP:-256m}"
TOKEN=bench
DB_USER=masthead
DB_PASS=bench

STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
LOGS="/tmp/masthead-writes-logs-$STAMP"
mkdir -p "$LOGS"
ROUNDS_FILE="$LOGS/rounds.jsonl"
: > "$ROUNDS_FILE"
log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# ------------------------------------------------------------------ prerequisites
need_apt=()
command -v jq >/dev/null || need_apt+=(jq)
command -v curl >/dev/null || need_apt+=(curl)
[[ -x /usr/lib/postgresql/15/bin/initdb ]] || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 \
    || need_apt+=(postgresql postgresql-client)
if (( ${#need_apt[@]} )); then
    log "installing ${need_apt[*]}"
    apt-get update -q >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need_apt[@]}" >/dev/null
fi
PG_BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
command -v java >/dev/null || die "java (17+) is needed"
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for p in "$PG_PORT" "$OLD_PORT" "$NEW_PORT"; do port_busy "$p" && die "port $p is in use"; done
if [[ -f "$PG_DATA/postmaster.pid" ]] && kill -0 "$(head -1 "$PG_DATA/postmaster.pid")" 2>/dev/null; then
    die "$PG_DATA belongs to a running PostgreSQL; stop it or set PG_DATA"
fi
rm -rf "$PG_DATA"

# ------------------------------------------------------------------ cleanup
declare -A APP_PID=()
PG_STARTED=""
stop_pid() {
    local pid="$1"
    [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 0
    log "stopping $2 (pid $pid)"
    kill -TERM "$pid"
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
    wait "$pid" 2>/dev/null || true
}
cleanup() {
    local rc=$?
    set +e
    trap - ERR
    for side in "${!APP_PID[@]}"; do stop_pid "${APP_PID[$side]}" "Masthead $side"; done
    [[ -n "$PG_STARTED" ]] && runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -t 60 stop >/dev/null 2>&1
    rm -rf "$PG_DATA"
    log "logs kept in $LOGS"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ------------------------------------------------------------------ the two jars
NEW_JAR="$REPO/target/quarkus-app/quarkus-run.jar"
# Rebuilt when missing, asked for, or older than any source: an old "new" jar would measure nothing.
if [[ ! -f "$NEW_JAR" || "${REBUILD:-0}" == 1 || -n "$(find "$REPO/src/main" "$REPO/pom.xml" -newer "$NEW_JAR" -print -quit)" ]]; then
    log "building this tree (./mvnw -q -Dmaven.test.skip=true package)"
    (cd "$REPO" && timeout 1200 ./mvnw -q -Dmaven.test.skip=true package) > "$LOGS/build.log" 2>&1 \
        || die "build failed, see $LOGS/build.log"
fi
if [[ -z "$OLD_JAR" ]]; then
    OLD_JAR="$(bash "$BENCH/old-jar.sh" "$OLD_REF")" || die "could not build $OLD_REF"
    OLD_NAME="$(git -C "$REPO" rev-parse --short "$OLD_REF^{commit}")"
else
    OLD_NAME="$OLD_JAR"
fi
[[ -f "$OLD_JAR" ]] || die "no old jar at $OLD_JAR"
NEW_NAME="$(git -C "$REPO" rev-parse --short HEAD)$(git -C "$REPO" status --porcelain --untracked-files=no | grep -qv ' bench/' && echo ' (with uncommitted changes)' || true)"

# ------------------------------------------------------------------ machine
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
top_cpu() {
    timeout 20 top -b -n 2 -d 2 -o %CPU -w 160 2>/dev/null | awk '/^top -/{n++} n==2' | sed -n '/PID USER/,$p' \
        | head -11 | awk '{printf "%-8s %-9s %6s %6s %10s  %s\n", $1, $2, $9, $10, $6, $12}' || true
}
LOAD_START="$(loadavg)"
TOP_START="$(top_cpu)"

# ------------------------------------------------------------------ PostgreSQL
log "initdb $PG_DATA"
install -d -m 700 -o postgres -g postgres "$PG_DATA"
PWFILE="$PG_DATA.pw"
printf '%s\n' "$DB_PASS" > "$PWFILE"; chown postgres "$PWFILE"; chmod 600 "$PWFILE"
runuser -u postgres -- "$PG_BIN/initdb" -D "$PG_DATA" -U postgres -E UTF8 --locale=C.UTF-8 \
    --auth-local=trust --auth-host=scram-sha-256 --pwfile="$PWFILE" > "$LOGS/initdb.log" 2>&1 || die "initdb failed"
rm -f "$PWFILE"
DURABILITY="fsync on, synchronous_commit on"
[[ "$PG_DURABLE" == 1 ]] || DURABILITY="fsync off, synchronous_commit off"
cat >> "$PG_DATA/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$PG_DATA'
max_connections = 60
shared_buffers = 256MB
$( [[ "$PG_DURABLE" == 1 ]] && echo "fsync = on
synchronous_commit = on" || echo "fsync = off
synchronous_commit = off" )
EOF
install -m 644 -o postgres /dev/null "$LOGS/postgres.log"
runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$LOGS/postgres.log" -w -t 60 start >/dev/null \
    || die "PostgreSQL did not start, see $LOGS/postgres.log"
PG_STARTED=1
PG_PID="$(head -1 "$PG_DATA/postmaster.pid")"
PG_VERSION="$("$PG_BIN/postgres" --version)"
psql -X -q -v ON_ERROR_STOP=1 -h "$PG_DATA" -p "$PG_PORT" -U postgres -d postgres \
    -c "create role $DB_USER login password '$DB_PASS'" -c "create database masthead owner $DB_USER"

# ------------------------------------------------------------------ Masthead, old and new
HZ="$(getconf CLK_TCK)"
ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
tree_ticks() { local t; t="$(ticks "$1")"; for p in $(pgrep -P "$1" || true); do t=$((t + $(ticks "$p"))); done; echo "$t"; }
declare -A PORT=([old]="$OLD_PORT" [new]="$NEW_PORT") JAR=([old]="$OLD_JAR" [new]="$NEW_JAR")
start_app() { # side: the new one first, so that its migrations run (an old jar ignores later ones)
    local side="$1" deadline
    log "starting Masthead $side (${JAR[$side]}) on 127.0.0.1:${PORT[$side]}"
    (
        export QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/masthead"
        export QUARKUS_DATASOURCE_USERNAME="$DB_USER" QUARKUS_DATASOURCE_PASSWORD="$DB_PASS"
        export QUARKUS_HTTP_PORT="${PORT[$side]}" QUARKUS_HTTP_HOST=127.0.0.1
        export MASTHEAD_ADMIN_TOKEN="$TOKEN" MASTHEAD_RATE_LIMIT_ANONYMOUS=0 MASTHEAD_RATE_LIMIT_TOKEN=0
        export MASTHEAD_WEBHOOKS_DELIVER_EVERY=off
        # The old build shares the database the new one migrated further: Flyway of the old build must
        # accept migrations it has never heard of (as in run.sh).
        [[ "$side" == old ]] && export QUARKUS_FLYWAY_IGNORE_MIGRATION_PATTERNS='*:missing,*:future'
        cd "$LOGS"
        exec setsid java "-Xmx$APP_HEAP" -jar "${JAR[$side]}"
    ) > "$LOGS/masthead-$side.log" 2>&1 &
    APP_PID[$side]=$!
    deadline=$((SECONDS + 180))
    until [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:${PORT[$side]}/q/health/ready" || true)" == 200 ]]; do
        kill -0 "${APP_PID[$side]}" 2>/dev/null || die "Masthead $side exited during start, see $LOGS/masthead-$side.log"
        (( SECONDS < deadline )) || die "Masthead $side not ready after 180 s"
        sleep 1
    done
    log "Masthead $side ready, pid ${APP_PID[$side]}"
}
start_app new
start_app old

# ------------------------------------------------------------------ what the editors write into
api() { # method path body
    curl -s -f --max-time 30 -X "$1" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
        ${3:+--data "$3"} "http://127.0.0.1:$NEW_PORT$2"
}
api POST /api/v1/admin/copyright-notices \
    '{"holder":"Bench Media Ltd.","year":2026,"statement":"All rights reserved.","syndication":"partners","isDefault":true}' >/dev/null
SECTION="$(api POST /api/v1/admin/sections '{"slug":"bench-desk","name":"Bench desk"}' | jq -r .slug)"
AUTHOR="$(api POST /api/v1/admin/authors '{"slug":"bench-editor","name":"Bench Editor"}' | jq -r .slug)"
for i in $(seq 1 "$PARTNERS"); do
    api POST /api/v1/admin/partners "{\"name\":\"Bench partner $i\"}" >/dev/null
done
log "section $SECTION, author $AUTHOR, $PARTNERS partners, default notice syndicated to partners"

# The editors' program, compiled once (java would compile the source again at every run).
mkdir -p "$LOGS/classes"
javac -d "$LOGS/classes" "$BENCH/DraftWriters.java" || die "DraftWriters.java does not compile"

# Twice a second during a run: how many PostgreSQL backends wait for an advisory lock (the
# partner feed's) and for any lock at all. Their mean says whether writers queue on the lock.
sample_waits() { # file
    printf '%s\n' "select count(*) filter (where wait_event = 'advisory'), count(*) filter (where wait_event_type = 'Lock')
                 from pg_stat_activity where datname = 'masthead' \\watch 0.5" \
        | psql -X -q -At -F ' ' -h "$PG_DATA" -p "$PG_PORT" -U postgres -d masthead > "$1" 2>/dev/null
}

# One run of the editors against one side; appends its result (with CPU seconds and lock waits)
# to rounds.jsonl.
run_side() { # side label warmup duration
    local side="$1" out="$LOGS/writers-$1-$2.txt" waits="$LOGS/waits-$1-$2.txt" a0 p0 a1 p1 sampler
    a0="$(tree_ticks "${APP_PID[$side]}")"; p0="$(tree_ticks "$PG_PID")"
    sample_waits "$waits" & sampler=$!
    timeout 600 java -cp "$LOGS/classes" DraftWriters "http://127.0.0.1:${PORT[$side]}" "$TOKEN" "$SECTION" "$AUTHOR" \
        "$EDITORS" "$3" "$4" "$side-$2" "$KIND" > "$out" 2>&1 || die "DraftWriters failed for $side $2, see $out"
    kill "$sampler" 2>/dev/null; wait "$sampler" 2>/dev/null || true
    a1="$(tree_ticks "${APP_PID[$side]}")"; p1="$(tree_ticks "$PG_PID")"
    grep '^WRITES_RESULT ' "$out" | sed 's/^WRITES_RESULT //' \
        | jq -c --arg side "$side" --arg round "$2" --argjson hz "$HZ" --argjson app $((a1 - a0)) --argjson pg $((p1 - p0)) \
              --argjson adv "$(awk 'NF == 2 {a += $1; n++} END {printf "%.2f", n ? a / n : 0}' "$waits")" \
              --argjson locks "$(awk 'NF == 2 {a += $2; n++} END {printf "%.2f", n ? a / n : 0}' "$waits")" \
            '. + {side: $side, round: $round, app_cpu_s: ($app / $hz), pg_cpu_s: ($pg / $hz),
                  advisory_waiters: $adv, lock_waiters: $locks}' >> "$ROUNDS_FILE"
    log "$side $2: $(tail -1 "$ROUNDS_FILE" | jq -r '"\(.wps) writes/s, p50 \(.p50_ms) ms, p99 \(.p99_ms) ms, errors \(.errors), waiting for the feed lock \(.advisory_waiters)"')"
}

LOAD_BEFORE="$(loadavg)"
TOP_BEFORE="$(top_cpu)"
for side in old new; do run_side "$side" jit 0 "$JIT_WARMUP_S"; done
TOP_DURING=""
for i in $(seq 1 "$ROUNDS"); do
    # ABBA order: neither side always runs first, or right after the other's load.
    if (( i % 2 == 1 )); then order=(old new); else order=(new old); fi
    for side in "${order[@]}"; do
        if (( i == 1 )); then (sleep $((WARMUP_S + DURATION_S / 2)); top_cpu > "$LOGS/top-$side.txt") & top_pid=$!; fi
        run_side "$side" "round$i" "$WARMUP_S" "$DURATION_S"
        if (( i == 1 )); then
            wait "$top_pid" || true  # that one only: the Masthead instances are children too
            TOP_DURING+=$'\n'"$side, mid round 1:"$'\n'"$(cat "$LOGS/top-$side.txt")"
        fi
    done
done
LOAD_AFTER="$(loadavg)"
TOP_AFTER="$(top_cpu)"
ERRORS_OLD="$(grep -cE ' ERROR |OutOfMemoryError' "$LOGS/masthead-old.log" || true)"
ERRORS_NEW="$(grep -cE ' ERROR |OutOfMemoryError' "$LOGS/masthead-new.log" || true)"
FEED_ROWS="$(psql -X -At -h "$PG_DATA" -p "$PG_PORT" -U postgres -d masthead -c "select count(*) from syndication_change")"
REVISIONS="$(psql -X -At -h "$PG_DATA" -p "$PG_PORT" -U postgres -d masthead -c "select count(*) from article_revision")"
# With PUBLISHED=1 and a build that renders documents at write time (issue #19): the new build's
# articles (slugs bench-published-new-…) must all have theirs. The old build's need not: it ignores
# the columns. Waits up to 30 s for the render queue, in case a write leaves its render to it.
RENDER_CHECK=""
if [[ "$PUBLISHED" == 1 ]] && [[ "$(psql -X -At -h "$PG_DATA" -p "$PG_PORT" -U postgres -d masthead \
        -c "select count(*) from information_schema.columns where table_name = 'article' and column_name = 'public_summary'")" == 1 ]]; then
    for _ in $(seq 1 30); do
        RENDER_CHECK="$(psql -X -At -F ' ' -h "$PG_DATA" -p "$PG_PORT" -U postgres -d masthead \
            -c "select count(*) filter (where public_summary is null), count(*) from article
                where status = 'published' and slug like 'bench-published-new-%'")"
        [[ "${RENDER_CHECK%% *}" == 0 ]] && break
        sleep 1
    done
fi

# ------------------------------------------------------------------ report
median() { jq -s -r --arg s "$1" --arg f "$2" '[.[] | select(.side == $s and (.round | startswith("round"))) | .[$f]]
                                              | sort | .[(length - 1) / 2 | floor]' "$ROUNDS_FILE"; }
per_write() { jq -s -r --arg s "$1" --arg f "$2" '[.[] | select(.side == $s and (.round | startswith("round")))]
                                                  | ((map(.[$f]) | add) * 1000 / (map(.writes) | add) * 1000 | round / 1000)' "$ROUNDS_FILE"; }
for side in old new; do
    declare "WPS_$side=$(median "$side" wps)" "P50_$side=$(median "$side" p50_ms)" "P99_$side=$(median "$side" p99_ms)"
    declare "APPMS_$side=$(per_write "$side" app_cpu_s)" "PGMS_$side=$(per_write "$side" pg_cpu_s)"
    declare "ADV_$side=$(median "$side" advisory_waiters)"
done
RATIO="$(awk -v a="$WPS_new" -v b="$WPS_old" 'BEGIN{printf "%.2f", a/b}')"
TOTAL_ERRORS="$(jq -s '[.[] | .errors] | add' "$ROUNDS_FILE")"

mkdir -p "$BENCH/results"
STEM="$BENCH/results/$(date -u +%Y-%m-%d-%H%M)-writes$( [[ "$PUBLISHED" == 1 ]] && echo -published || true)-e$EDITORS"
RESULT="$STEM.md"; CHART="$STEM.svg"
# Chart: writes/s of every measured round, old and new side by side (plain SVG, no plotting tool).
jq -s -r '[.[] | select(.round | startswith("round"))] | group_by(.round)[] | [.[0].round, (map(select(.side == "old"))[0].wps), (map(select(.side == "new"))[0].wps)] | @tsv' "$ROUNDS_FILE" \
  | awk -F'\t' -v title="${KIND^} article writes/s, $EDITORS editors, old $OLD_NAME vs new (per round)" '
    { r[NR] = $1; o[NR] = $2; n[NR] = $3; if ($2 > max) max = $2; if ($3 > max) max = $3 }
    END {
      w = 120 + NR * 110; h = 320; base = 270; scale = 200 / (max > 0 ? max : 1)
      printf "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">\n", w, h
      printf "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/><text x=\"10\" y=\"20\" font-size=\"14\">%s</text>\n", title
      printf "<rect x=\"10\" y=\"32\" width=\"12\" height=\"12\" fill=\"#8c8c8c\"/><text x=\"26\" y=\"43\">old</text>\n"
      printf "<rect x=\"70\" y=\"32\" width=\"12\" height=\"12\" fill=\"#4C72B0\"/><text x=\"86\" y=\"43\">new</text>\n"
      for (i = 1; i <= NR; i++) {
        x = 60 + (i - 1) * 110
        printf "<rect x=\"%d\" y=\"%.1f\" width=\"40\" height=\"%.1f\" fill=\"#8c8c8c\"/>", x, base - o[i] * scale, o[i] * scale
        printf "<text x=\"%d\" y=\"%.1f\" text-anchor=\"middle\">%.0f</text>\n", x + 20, base - o[i] * scale - 4, o[i]
        printf "<rect x=\"%d\" y=\"%.1f\" width=\"40\" height=\"%.1f\" fill=\"#4C72B0\"/>", x + 42, base - n[i] * scale, n[i] * scale
        printf "<text x=\"%d\" y=\"%.1f\" text-anchor=\"middle\">%.0f</text>\n", x + 62, base - n[i] * scale - 4, n[i]
        printf "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>\n", x + 41, base + 18, r[i]
      }
      printf "<line x1=\"50\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/></svg>\n", base, w - 10, base
    }' > "$CHART"

{
    echo "# Editors' writes to ${KIND} articles: old $OLD_NAME vs new $NEW_NAME"
    echo
    echo "Produced by \`$( [[ "$PUBLISHED" == 1 ]] && echo 'PUBLISHED=1 ' || true)bash bench/writes.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC'). Chart: [$(basename "$CHART")]($(basename "$CHART"))."
    echo
    if [[ "$PUBLISHED" == 1 ]]; then
        echo "$EDITORS editors, each PATCHing its own **published** article (created and published once per run, before the clock starts)"
        echo "with \`If-Match\` (the ETag of its previous answer), closed loop;"
    else
        echo "$EDITORS editors, each PATCHing its own draft with \`If-Match\` (the ETag of its previous answer), closed loop;"
    fi
    echo "both Masthead builds run at once against the same PostgreSQL, measured alternately (ABBA), $ROUNDS rounds of"
    echo "${DURATION_S} s each after ${WARMUP_S} s uncounted, after a ${JIT_WARMUP_S} s JIT warm-up per build."
    echo "PostgreSQL $DURABILITY; $PARTNERS partners entitled to the default notice the articles carry."
    echo
    echo "| build | writes/s (median) | p50 ms | p99 ms | Masthead CPU ms/write | PostgreSQL CPU ms/write | backends waiting for the feed lock (median of the rounds' means) |"
    echo "|---|---:|---:|---:|---:|---:|---:|"
    echo "| old \`$OLD_NAME\` | $WPS_old | $P50_old | $P99_old | $APPMS_old | $PGMS_old | $ADV_old |"
    echo "| new \`$NEW_NAME\` | $WPS_new | $P50_new | $P99_new | $APPMS_new | $PGMS_new | $ADV_new |"
    echo
    echo "**new ÷ old: ${RATIO}×** (medians of writes/s). Non-200 answers over all runs: $TOTAL_ERRORS; ERROR lines in the logs: old $ERRORS_OLD, new $ERRORS_NEW."
    echo "Issue #19's target, writes/s not more than 10% below the old build (new ÷ old ≥ 0.90): **$(awk -v r="$RATIO" 'BEGIN{print (r >= 0.90 ? "PASS" : "FAIL")}')**$( [[ "$PUBLISHED" == 1 ]] || echo ' (measured on drafts here; the documents are rendered only for published articles: `PUBLISHED=1`)')."
    if [[ "$PUBLISHED" == 1 ]]; then
        echo "Partner feed rows appended during the whole run: $FEED_ROWS (published articles append them); revisions: $REVISIONS."
        if [[ -n "$RENDER_CHECK" ]]; then
            echo "The new build's published articles without a \`public_summary\` after the runs: ${RENDER_CHECK%% *} of ${RENDER_CHECK#* } (must be 0)."
        else
            echo "This schema has no \`public_summary\` column: no documents rendered at write time to check."
        fi
    else
        echo "Partner feed rows appended during the whole run: $FEED_ROWS (drafts must append none); revisions: $REVISIONS."
    fi
    echo
    echo "## Every run"
    echo
    echo "| build | run | writes | writes/s | p50 ms | p90 ms | p99 ms | max ms | errors | Masthead CPU s | PostgreSQL CPU s | waiting for the feed lock | waiting for any lock |"
    echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    jq -r '"| \(.side) | \(.round) | \(.writes) | \(.wps) | \(.p50_ms) | \(.p90_ms) | \(.p99_ms) | \(.max_ms) | \(.errors) | \(.app_cpu_s * 10 | round / 10) | \(.pg_cpu_s * 10 | round / 10) | \(.advisory_waiters) | \(.lock_waiters) |"' "$ROUNDS_FILE"
    echo
    echo "CPU seconds cover each whole run (draft creation and warm-up included); the lock columns are the mean number of"
    echo "PostgreSQL backends waiting, sampled twice a second over the run (\`pg_stat_activity\`: wait_event \`advisory\`, the"
    echo "partner feed's lock; wait_event_type \`Lock\`, any heavyweight lock)."
    echo
    echo "## Machine"
    echo
    echo "- $(nproc) CPUs ($(awk -F': ' '/model name/{print $2; exit}' /proc/cpuinfo)), $(awk '/MemTotal/{printf "%.1f GiB", $2/1048576}' /proc/meminfo); $(. /etc/os-release && echo "$PRETTY_NAME"), $(uname -sr)."
    echo "- $( (java -version 2>&1 || true) | head -1); Masthead \`-Xmx$APP_HEAP\`, JDBC pool 16 each; $PG_VERSION (shared_buffers 256MB, $DURABILITY), data on $(df -P "$(dirname "$PG_DATA")" | awk 'NR==2{print $1}')."
    echo "- Load average (1/5/15 min): at start $LOAD_START; before the runs $LOAD_BEFORE; after $LOAD_AFTER."
    echo
    echo "The machine is shared with other work; \`top\` (2 s sample, top 10 by %CPU) shows what ran beside the benchmark."
    echo "Masthead is \`java\` (old pid ${APP_PID[old]}, new pid ${APP_PID[new]}), PostgreSQL runs as \`postgres\`; the editors are"
    echo "another \`java\`. Compare the two builds within this run; across runs only with similar load."
    for snap in "At start:$TOP_START" "Before the runs:$TOP_BEFORE" "During round 1:$TOP_DURING" "After:$TOP_AFTER"; do
        echo
        echo "${snap%%:*}:"
        echo
        echo '```'
        printf '%s\n' "${snap#*:}"
        echo '```'
    done
} > "$RESULT"
log "result written to ${RESULT#$REPO/}"
echo "old $OLD_NAME: $WPS_old writes/s; new $NEW_NAME: $WPS_new writes/s; new/old $RATIO; $RESULT"
