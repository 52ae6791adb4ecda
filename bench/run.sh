#!/usr/bin/env bash
# Masthead read benchmark: throwaway PostgreSQL + Masthead + N generated articles + wrk.
#
#   bash bench/run.sh 100000
#
# See bench/README.md. Everything runs on 127.0.0.1; everything started here is stopped
# on exit, and the PostgreSQL data directory is removed.
set -Eeuo pipefail
trap 'echo "run.sh: line $LINENO: \"$BASH_COMMAND\" failed" >&2' ERR

N="${1:-100000}"
if ! [[ "$N" =~ ^[0-9]+$ ]] || (( N < 4100 || N > 1000000 )); then
    # 4100: the deep-cursor read needs 200 full pages of 20 published articles.
    echo "usage: bash bench/run.sh N   (N articles, 4100..1000000)" >&2
    exit 2
fi

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH="$REPO/bench"

PG_PORT="${PG_PORT:-55432}"
APP_PORT="${APP_PORT:-8089}"
PG_DATA="${PG_DATA:-/tmp/masthead-bench-pg}"
DB_USER=masthead
DB_PASS=bench
ROUNDS="${ROUNDS:-3}"
DURATION_S="${DURATION_S:-20}"    # seconds per measured round
WARMUP_S="${WARMUP_S:-10}"        # seconds of warm-up per URL
THREADS="${THREADS:-2}"
CONNS="${CONNS:-16}"
DEPTH=200                       # page number of the deep-cursor read
APP_HEAP="${APP_HEAP:-256m}"
BASE="http://127.0.0.1:$APP_PORT"

STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
LOGS="/tmp/masthead-bench-logs-$STAMP"
mkdir -p "$LOGS"
ROUNDS_FILE="$LOGS/rounds.jsonl"
: > "$ROUNDS_FILE"

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# ------------------------------------------------------------------ prerequisites
need_apt=()
command -v wrk  >/dev/null || need_apt+=(wrk)
command -v jq   >/dev/null || need_apt+=(jq)
command -v curl >/dev/null || need_apt+=(curl)
command -v pg_config >/dev/null && [[ -x "$(pg_config --bindir)/initdb" ]] || [[ -x /usr/lib/postgresql/15/bin/initdb ]] \
    || need_apt+=(postgresql postgresql-client)
if (( ${#need_apt[@]} )); then
    log "installing ${need_apt[*]}"
    apt-get update -q >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need_apt[@]}" >/dev/null
fi
PG_BIN="$(pg_config --bindir 2>/dev/null || true)"
[[ -x "$PG_BIN/initdb" ]] || PG_BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
[[ -x "$PG_BIN/initdb" ]] || die "no PostgreSQL server binaries found"
command -v java >/dev/null || die "java (17+) is needed"

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
port_busy "$PG_PORT" && die "port $PG_PORT is in use (set PG_PORT)"
port_busy "$APP_PORT" && die "port $APP_PORT is in use (set APP_PORT)"

if [[ -e "$PG_DATA" ]]; then
    if [[ -f "$PG_DATA/postmaster.pid" ]] && kill -0 "$(head -1 "$PG_DATA/postmaster.pid")" 2>/dev/null; then
        die "$PG_DATA belongs to a running PostgreSQL; stop it or set PG_DATA"
    fi
    log "removing leftover $PG_DATA"
    rm -rf "$PG_DATA"
fi

# ------------------------------------------------------------------ cleanup
APP_PID=""
PG_STARTED=""
cleanup() {
    local rc=$?
    set +e
    trap - ERR
    if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
        log "stopping Masthead (pid $APP_PID)"
        kill -TERM "$APP_PID"
        for _ in $(seq 1 40); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.5; done
        kill -0 "$APP_PID" 2>/dev/null && kill -KILL "$APP_PID"
        wait "$APP_PID" 2>/dev/null
    fi
    if [[ -n "$PG_STARTED" ]]; then
        log "stopping PostgreSQL"
        runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -t 60 stop >/dev/null 2>&1
    fi
    rm -rf "$PG_DATA"
    log "logs kept in $LOGS"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ------------------------------------------------------------------ build
JAR="$REPO/target/quarkus-app/quarkus-run.jar"
if [[ ! -f "$JAR" || "${REBUILD:-0}" == 1 ]]; then
    log "building Masthead (./mvnw -q -DskipTests package)"
    (cd "$REPO" && timeout 1200 ./mvnw -q -DskipTests package) > "$LOGS/build.log" 2>&1 \
        || die "build failed, see $LOGS/build.log"
fi

# ------------------------------------------------------------------ machine, before
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
# Current CPU use (second top sample), top 10 processes by %CPU.
top_cpu() {
    timeout 20 top -b -n 2 -d 2 -o %CPU -w 160 2>/dev/null \
        | awk '/^top -/{n++} n==2' | sed -n '/PID USER/,$p' | head -11 \
        | awk '{printf "%-8s %-9s %6s %6s %10s  %s\n", $1, $2, $9, $10, $6, $12}' || true
}
NPROC="$(nproc)"
MEM_TOTAL="$(awk '/MemTotal/{printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
MEM_AVAIL_BEFORE="$(awk '/MemAvailable/{printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
CPU_MODEL="$(awk -F': ' '/model name/{print $2; exit}' /proc/cpuinfo)"
KERNEL="$(uname -sr)"
OS="$(. /etc/os-release && echo "$PRETTY_NAME")"
JAVA_VERSION="$( (java -version 2>&1 || true) | head -1)"
WRK_VERSION="$( (wrk -v 2>&1 || true) | head -1 | cut -d" " -f1-2)"
GIT_REV="$(cd "$REPO" && git rev-parse --short HEAD 2>/dev/null || echo unknown)"
GIT_DIRTY="$(cd "$REPO" && git status --porcelain --untracked-files=no 2>/dev/null | grep -v ' bench/' | head -1 || true)"
LOAD_START="$(loadavg)"
TOP_START="$(top_cpu)"

# ------------------------------------------------------------------ PostgreSQL
log "initdb $PG_DATA (PostgreSQL binaries in $PG_BIN)"
install -d -m 700 -o postgres -g postgres "$PG_DATA"
PWFILE="$PG_DATA.pw"
printf '%s\n' "$DB_PASS" > "$PWFILE"; chown postgres "$PWFILE"; chmod 600 "$PWFILE"
runuser -u postgres -- "$PG_BIN/initdb" -D "$PG_DATA" -U postgres -E UTF8 --locale=C.UTF-8 \
    --auth-local=trust --auth-host=scram-sha-256 --pwfile="$PWFILE" > "$LOGS/initdb.log" 2>&1 \
    || die "initdb failed, see $LOGS/initdb.log"
rm -f "$PWFILE"
cat >> "$PG_DATA/postgresql.conf" <<EOF
# --- masthead bench ---
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$PG_DATA'
max_connections = 50
shared_buffers = 512MB
effective_cache_size = 4GB
work_mem = 16MB
maintenance_work_mem = 512MB
# Throwaway database: durability off to make the bulk load fast; reads are unaffected.
fsync = off
synchronous_commit = off
full_page_writes = off
max_wal_size = 8GB
checkpoint_timeout = 30min
log_min_duration_statement = -1
# Statement statistics per read (calls per request, mean execution time).
shared_preload_libraries = 'pg_stat_statements,auto_explain'
pg_stat_statements.track = top
# Off; switched on for one request per read to log the plans of Masthead's own queries.
auto_explain.log_min_duration = -1
auto_explain.log_analyze = on
auto_explain.log_buffers = on
auto_explain.log_timing = on
EOF
install -m 644 -o postgres /dev/null "$LOGS/postgres.log"
runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$LOGS/postgres.log" -w -t 60 start >/dev/null \
    || die "PostgreSQL did not start, see $LOGS/postgres.log"
PG_STARTED=1
PG_VERSION="$("$PG_BIN/postgres" --version)"
PG_PID="$(head -1 "$PG_DATA/postmaster.pid")"

psql_admin() { psql -X -q -v ON_ERROR_STOP=1 -h "$PG_DATA" -p "$PG_PORT" -U postgres "$@"; }
psql_db() { psql -X -q -v ON_ERROR_STOP=1 -h "$PG_DATA" -p "$PG_PORT" -U postgres -d masthead "$@"; }
psql_admin -d postgres -c "create role $DB_USER login password '$DB_PASS'" \
    -c "create database masthead owner $DB_USER"
psql_admin -d masthead -c "create extension pg_stat_statements"

# ------------------------------------------------------------------ Masthead
log "starting Masthead on 127.0.0.1:$APP_PORT"
(
    cd "$REPO"
    export QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/masthead"
    export QUARKUS_DATASOURCE_USERNAME="$DB_USER"
    export QUARKUS_DATASOURCE_PASSWORD="$DB_PASS"
    export QUARKUS_HTTP_PORT="$APP_PORT"
    export QUARKUS_HTTP_HOST=127.0.0.1
    export MASTHEAD_ADMIN_TOKEN=bench
    # Own session: a signal sent to this script's process group does not reach Masthead.
    exec setsid java "-Xmx$APP_HEAP" -jar "$JAR"
) > "$LOGS/masthead.log" 2>&1 &
APP_PID=$!

ready=""
deadline=$((SECONDS + 180))
while (( SECONDS < deadline )); do
    kill -0 "$APP_PID" 2>/dev/null || die "Masthead exited during start, see $LOGS/masthead.log"
    code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$BASE/q/health/ready" || true)"
    if [[ "$code" == 200 ]]; then ready="/q/health/ready"; break; fi
    if [[ "$code" == 404 ]]; then
        code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$BASE/api/v1/articles" || true)"
        if [[ "$code" == 200 ]]; then ready="/api/v1/articles"; break; fi
    fi
    sleep 1
done
[[ -n "$ready" ]] || die "Masthead not ready after 180 s, see $LOGS/masthead.log"
log "Masthead ready ($ready answered 200)"

# ------------------------------------------------------------------ data
log "generating $N articles (bench/generate.sql)"
t0="$(date +%s.%N)"
psql_db -v n="$N" -f "$BENCH/generate.sql" > "$LOGS/generate.log" 2>&1 \
    || die "data generation failed, see $LOGS/generate.log"
t1="$(date +%s.%N)"
LOAD_SECONDS="$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.1f", b-a}')"
log "data loaded in ${LOAD_SECONDS}s"

q() { psql_db -At -F '|' -c "$1"; }
COUNTS="$(q "select count(*), count(*) filter (where status='published'),
                    count(*) filter (where status='published' and visible_from <= now()),
                    (select count(*) from author), (select count(*) from section),
                    (select count(*) from article_author), round(avg(octet_length(body::text))),
                    round(avg(jsonb_array_length(body)), 1)
             from article")"
IFS='|' read -r C_ARTICLES C_PUBLISHED C_VISIBLE C_AUTHORS C_SECTIONS C_AA C_BODY C_BLOCKS <<< "$COUNTS"
DB_SIZE="$(q "select pg_size_pretty(pg_database_size('masthead'))")"
ARTICLE_SIZE="$(q "select pg_size_pretty(pg_total_relation_size('article'))")"
(( C_ARTICLES == N )) || die "expected $N articles, found $C_ARTICLES"

# ------------------------------------------------------------------ URLs
URL_LIST="$BASE/api/v1/articles?limit=20"

SLUG="$(q "select slug from article where status = 'published' and visible_from <= now()
           order by slug offset (select count(*) / 2 from article where status = 'published') limit 1")"
URL_SLUG="$BASE/api/v1/articles/$SLUG"

log "following meta.nextCursor $((DEPTH - 1)) times"
cursor_url="$URL_LIST"
walk_deadline=$((SECONDS + 300))
for page in $(seq 1 $((DEPTH - 1))); do
    (( SECONDS < walk_deadline )) || die "cursor walk took longer than 300 s"
    code="$(curl -s -o "$LOGS/page.json" -w '%{http_code}' --max-time 15 "$cursor_url" || true)"
    [[ "$code" == 200 ]] || die "page $page ($cursor_url) answered $code: $(head -c 400 "$LOGS/page.json")"
    size="$(jq '.data | length' "$LOGS/page.json")"
    [[ "$size" == 20 ]] || die "page $page has $size items, expected 20"
    next="$(jq -r '.meta.nextCursor // empty' "$LOGS/page.json")"
    [[ -n "$next" ]] || die "page $page has no meta.nextCursor"
    cursor_url="$URL_LIST&cursor=$next"
done
URL_DEEP="$cursor_url"
code="$(curl -s -o "$LOGS/page.json" -w '%{http_code}' --max-time 15 "$URL_DEEP" || true)"
[[ "$code" == 200 ]] || die "page $DEPTH answered $code"
DEEP_FIRST="$(jq -r '.data[0].slug' "$LOGS/page.json")"
DEEP_EXPECTED="$(q "select slug from article where status = 'published' and visible_from <= now()
                    order by published_at desc, id desc offset $(( (DEPTH - 1) * 20 )) limit 1")"
DEEP_CHECK="first item $DEEP_FIRST; SQL offset $(( (DEPTH - 1) * 20 )) gives $DEEP_EXPECTED"
[[ "$DEEP_FIRST" == "$DEEP_EXPECTED" ]] && DEEP_CHECK="$DEEP_CHECK (match)" || DEEP_CHECK="$DEEP_CHECK (MISMATCH)"
log "deep page: $DEEP_CHECK"

declare -A URL=( [newest]="$URL_LIST" [slug]="$URL_SLUG" [deep]="$URL_DEEP" )
declare -A TITLE=( [newest]="20 newest" [slug]="article by slug" [deep]="page $DEPTH by cursor" )
READS=(newest slug deep)

response_bytes() { curl -s --max-time 15 -o /dev/null -w '%{size_download}' "$1"; }
declare -A BYTES
for r in "${READS[@]}"; do
    code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 15 "${URL[$r]}")"
    [[ "$code" == 200 ]] || die "$r (${URL[$r]}) answered $code before the benchmark"
    BYTES[$r]="$(response_bytes "${URL[$r]}")"
done

# ------------------------------------------------------------------ query plans
# One request per read with auto_explain on: the plans PostgreSQL used for Masthead's queries.
pg_set() { psql_admin -d postgres -c "alter system set $1" -c "select pg_reload_conf()" >/dev/null; }
declare -A PLANS
pg_set "auto_explain.log_min_duration = 0"
sleep 1
for r in "${READS[@]}"; do
    mark="$(stat -c %s "$LOGS/postgres.log")"
    curl -s -o /dev/null --max-time 15 "${URL[$r]}"
    sleep 1
    PLANS[$r]="$(tail -c +$((mark + 1)) "$LOGS/postgres.log" | sed -e 's/^[0-9-]* [0-9:.]* [A-Z]* \[[0-9]*\] //')"
done
pg_set "auto_explain.log_min_duration = -1"

# ------------------------------------------------------------------ benchmark
LOAD_BEFORE="$(loadavg)"
TOP_BEFORE="$(top_cpu)"

# CPU accounting from /proc, in clock ticks: Masthead, our PostgreSQL (postmaster and its
# children), and the whole machine. "Others" below = machine busy - Masthead - PostgreSQL,
# i.e. wrk itself plus everything else running on the machine.
HZ="$(getconf CLK_TCK)"
ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
pg_ticks() {
    local t; t="$(ticks "$PG_PID")"
    for p in $(pgrep -P "$PG_PID" || true); do t=$((t + $(ticks "$p"))); done
    echo "$t"
}
machine_ticks() { awk '/^cpu /{print $2 + $3 + $4 + $7 + $8 + $9; exit}' /proc/stat; }

run_wrk() { # read seconds label
    local out="$LOGS/wrk-$1-$3.txt" a0 p0 m0 a1 p1 m1
    a0="$(ticks "$APP_PID")"; p0="$(pg_ticks)"; m0="$(machine_ticks)"
    timeout 300 wrk -t"$THREADS" -c"$CONNS" -d"${2}s" --timeout 10s -s "$BENCH/reads.lua" "${URL[$1]}" > "$out" 2>&1 \
        || die "wrk failed for $1, see $out"
    a1="$(ticks "$APP_PID")"; p1="$(pg_ticks)"; m1="$(machine_ticks)"
    kill -0 "$APP_PID" 2>/dev/null \
        || die "Masthead (pid $APP_PID) exited during $1/$3 without being asked to by this script; see $LOGS/masthead.log and $out"
    grep -q '^BENCH_RESULT ' "$out" || die "wrk printed no BENCH_RESULT for $1, see $out"
    grep '^BENCH_RESULT ' "$out" | sed 's/^BENCH_RESULT //' \
        | jq -c --arg read "$1" --arg lbl "$3" --argjson hz "$HZ" --argjson ncpu "$NPROC" \
              --argjson app $((a1 - a0)) --argjson pg $((p1 - p0)) --argjson all $((m1 - m0)) \
              '. + {"read": $read, "label": $lbl,
                    "app_cpu_s": ($app / $hz), "pg_cpu_s": ($pg / $hz), "machine_cpu_s": ($all / $hz),
                    "capacity_cpu_s": (.duration_s * $ncpu)}'
}

statements() { # the statements Masthead ran since the last reset, busiest first
    psql_db -At -F $'\t' -c "select calls, round((total_exec_time / calls)::numeric, 3), rows,
                                     left(regexp_replace(regexp_replace(query, '\s+', ' ', 'g'),
                                                         '^select .*? from ', 'select … from '), 400)
                              from pg_stat_statements
                              where userid = '$DB_USER'::regrole and calls > 0
                              order by total_exec_time desc limit 8"
}

declare -A TOP_DURING STATEMENTS REQUESTS
for r in "${READS[@]}"; do
    psql_db -c "select pg_stat_statements_reset()" >/dev/null
    log "$r: warm-up ${WARMUP_S}s"
    run_wrk "$r" "$WARMUP_S" warmup >> "$ROUNDS_FILE"
    for i in $(seq 1 "$ROUNDS"); do
        if (( i == 1 )); then
            # a 2 s top sample in the middle of the first measured round
            (sleep $(( DURATION_S > 4 ? DURATION_S / 2 - 1 : 0 )); top_cpu > "$LOGS/top-during-$r.txt") &
            top_pid=$!
        fi
        run_wrk "$r" "$DURATION_S" "round$i" >> "$ROUNDS_FILE"
        if (( i == 1 )); then wait "$top_pid" || true; TOP_DURING[$r]="$(cat "$LOGS/top-during-$r.txt")"; fi
        log "$r round $i: $(tail -1 "$ROUNDS_FILE" | jq -r '"\(.rps) req/s, p50 \(.p50_ms) ms, p99 \(.p99_ms) ms, non-2xx \(.non2xx)"')"
    done
    STATEMENTS[$r]="$(statements)"
    REQUESTS[$r]="$(jq -s --arg read "$r" '[.[] | select(.read == $read) | .counted] | add' "$ROUNDS_FILE")"
done

LOAD_AFTER="$(loadavg)"
TOP_AFTER="$(top_cpu)"
APP_RSS="$(awk '/VmRSS/{printf "%.0f MiB", $2/1024}' "/proc/$APP_PID/status")"
APP_HWM="$(awk '/VmHWM/{printf "%.0f MiB", $2/1024}' "/proc/$APP_PID/status")"
APP_ERRORS="$(grep -cE ' (ERROR|WARN) ' "$LOGS/masthead.log" || true)"

# ------------------------------------------------------------------ report
median() { # read -> the measured round with the median req/s
    jq -s -c --arg read "$1" '[.[] | select(.read == $read and (.label | startswith("round")))]
                              | sort_by(.rps) | .[(length - 1) / 2 | floor]' "$ROUNDS_FILE"
}
# jq helpers: 2 decimals; CPU as % of one core; CPU ms per request
JQ_DEFS='def r2: . * 100 | round / 100;
         def pct(x): (x / .duration_s * 100 | round);
         def msreq(x): (x * 1000 / .requests | r2);'

mkdir -p "$BENCH/results"
RESULT="$BENCH/results/$(date -u +%Y-%m-%d)-n$N.md"
[[ -e "$RESULT" ]] && RESULT="$BENCH/results/$(date -u +%Y-%m-%d-%H%M)-n$N.md"

{
    echo "# Masthead read benchmark — $N articles"
    echo
    echo "Produced by \`bash bench/run.sh $N\` on $(date -u '+%Y-%m-%d %H:%M UTC'), Masthead at commit \`$GIT_REV\`${GIT_DIRTY:+ (with uncommitted changes)}."
    echo
    echo "## Results (median of $ROUNDS rounds)"
    echo
    echo "wrk \`-t$THREADS -c$CONNS -d${DURATION_S}s\`, ${WARMUP_S} s warm-up per URL, load generator and server on the"
    echo "same $NPROC-CPU machine. req/s is the median of the $ROUNDS measured rounds; p50/p99 are the latencies of that round."
    echo
    echo "| read | URL | req/s | p50 ms | p99 ms | non-2xx | socket errors | response bytes |"
    echo "|---|---|---:|---:|---:|---:|---:|---:|"
    for r in "${READS[@]}"; do
        path="${URL[$r]#$BASE}"
        [[ "$r" == deep ]] && path="/api/v1/articles?limit=20&cursor=…"
        median "$r" | jq -r --arg t "${TITLE[$r]}" --arg p "$path" --arg b "${BYTES[$r]}" "$JQ_DEFS"'
            "| \($t) | `\($p)` | \(.rps | round) | \(.p50_ms | r2) | \(.p99_ms | r2) | \(.non2xx) | \(.errors.connect + .errors.read + .errors.write + .errors.timeout) | \($b) |"'
    done
    echo
    echo "CPU in the median round (from /proc; % of one core, so $((NPROC * 100))% is the whole machine;"
    echo "\"others\" is wrk plus every other process on the machine):"
    echo
    echo "| read | Masthead CPU | PostgreSQL CPU | others CPU | machine busy | Masthead CPU ms/req | PostgreSQL CPU ms/req |"
    echo "|---|---:|---:|---:|---:|---:|---:|"
    for r in "${READS[@]}"; do
        median "$r" | jq -r --arg t "${TITLE[$r]}" "$JQ_DEFS"'
            "| \($t) | \(pct(.app_cpu_s))% | \(pct(.pg_cpu_s))% | \(pct(.machine_cpu_s - .app_cpu_s - .pg_cpu_s))% | \(pct(.machine_cpu_s))% | \(msreq(.app_cpu_s)) | \(msreq(.pg_cpu_s)) |"'
    done
    echo
    echo "## All rounds"
    echo
    echo "| read | round | requests | req/s | p50 ms | p90 ms | p99 ms | max ms | statuses | non-2xx | errors c/r/w/t | Masthead CPU | PostgreSQL CPU | machine busy |"
    echo "|---|---|---:|---:|---:|---:|---:|---:|---|---:|---|---:|---:|---:|"
    jq -r "$JQ_DEFS"'"| \(.read) | \(.label) | \(.requests) | \(.rps | round) | \(.p50_ms | r2) | \(.p90_ms | r2) | \(.p99_ms | r2) | \(.max_ms | r2) | \(.statuses | to_entries | map("\(.key): \(.value)") | join(", ")) | \(.non2xx) | \(.errors.connect)/\(.errors.read)/\(.errors.write)/\(.errors.timeout) | \(pct(.app_cpu_s))% | \(pct(.pg_cpu_s))% | \(pct(.machine_cpu_s))% |"' "$ROUNDS_FILE"
    echo
    echo "## SQL per read"
    echo
    echo "From pg_stat_statements, reset before each read's warm-up; \"per request\" divides the calls by the"
    echo "HTTP requests of that read (warm-up and rounds). Top statements by total execution time."
    for r in "${READS[@]}"; do
        echo
        echo "**${TITLE[$r]}** (${REQUESTS[$r]} requests):"
        echo
        echo "| calls | per request | mean ms | rows | statement |"
        echo "|---:|---:|---:|---:|---|"
        if [[ -n "${STATEMENTS[$r]}" ]]; then
            printf '%s\n' "${STATEMENTS[$r]}" | awk -F'\t' -v req="${REQUESTS[$r]}" '{
                q = $4; gsub(/\|/, "\\|", q); gsub(/`/, "", q)
                printf "| %d | %.2f | %s | %d | `%s` |\n", $1, $1 / req, $2, $3, q }'
        fi
    done
    echo
    echo "## Query plans"
    echo
    echo "auto_explain (ANALYZE, BUFFERS) for one request per read, before the warm-up:"
    for r in "${READS[@]}"; do
        echo
        echo "<details><summary>${TITLE[$r]}</summary>"
        echo
        echo '```'
        printf '%s\n' "${PLANS[$r]}"
        echo '```'
        echo
        echo "</details>"
    done
    echo
    echo "## Data"
    echo
    echo "- Articles: $C_ARTICLES ($C_PUBLISHED published, $C_VISIBLE publicly visible, the rest drafts); $C_AUTHORS authors, $C_SECTIONS sections, $C_AA article–author rows."
    echo "- Body: $C_BLOCKS paragraph blocks and $C_BODY bytes of JSON on average. Table \`article\` with indexes and TOAST: $ARTICLE_SIZE; database: $DB_SIZE."
    echo "- Load (bench/generate.sql, one transaction with \`setseed(0.42)\`, then ANALYZE): **${LOAD_SECONDS} s**."
    echo "- Article by slug: \`$SLUG\`."
    echo "- Deep page: reached by following \`meta.nextCursor\` $((DEPTH - 1)) times; $DEEP_CHECK."
    echo
    echo "## Machine"
    echo
    echo "- $NPROC CPUs ($CPU_MODEL), $MEM_TOTAL memory ($MEM_AVAIL_BEFORE available at start); $OS, $KERNEL."
    echo "- $JAVA_VERSION; Masthead \`-Xmx$APP_HEAP\`, JDBC pool 16; $PG_VERSION (shared_buffers 512MB, fsync off); $WRK_VERSION."
    echo "- Masthead RSS after the run: **$APP_RSS** (peak $APP_HWM). WARN/ERROR lines in its log: $APP_ERRORS."
    echo "- Load average (1/5/15 min): at script start $LOAD_START; before the benchmark $LOAD_BEFORE; after $LOAD_AFTER."
    echo
    echo "Other builds and sessions share this machine; the snapshots below show what used the CPU"
    echo "(\`top\`, a 2 s sample, top 10 by %CPU; %CPU is per core). Masthead is pid $APP_PID (\`java\`),"
    echo "PostgreSQL runs as user \`postgres\`, \`wrk\` is the load generator; any other process is not ours."
    snapshot() {
        echo
        echo "$1:"
        echo
        echo '```'
        echo "PID      USER        %CPU   %MEM        RES  COMMAND"
        printf '%s\n' "$2" | tail -n +2
        echo '```'
    }
    snapshot "At script start" "$TOP_START"
    snapshot "Before the benchmark" "$TOP_BEFORE"
    for r in "${READS[@]}"; do
        snapshot "Mid round 1 of \"${TITLE[$r]}\"" "${TOP_DURING[$r]}"
    done
    snapshot "After the benchmark" "$TOP_AFTER"
} > "$RESULT"

log "result written to ${RESULT#$REPO/}"
echo
for r in "${READS[@]}"; do
    median "$r" | jq -r --arg t "${TITLE[$r]}" '"\($t): \(.rps | round) req/s, p50 \(.p50_ms) ms, p99 \(.p99_ms) ms, non-2xx \(.non2xx)"'
done
echo "data load: ${LOAD_SECONDS} s; Masthead RSS after the run: $APP_RSS; result: ${RESULT#$REPO/}"
