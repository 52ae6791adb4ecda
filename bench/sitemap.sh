#!/usr/bin/env bash
# Sitemap benchmark: how long the monthly sitemap of a month with ~50,000 public articles takes to
# render cold at N articles (issue 17: "under 1 s cold at 1M articles"), and news.xml and index.xml.
#
#   flock /tmp/masthead-bench.lock bash bench/sitemap.sh                    # 1,000,000 articles
#   N=20000 SPAN_DAYS=12 ROUNDS=2 FRESH_ROUNDS=1 REPEATS=3 OUT=/tmp flock /tmp/masthead-bench.lock bash bench/sitemap.sh   # smoke test
#
# Throwaway PostgreSQL with the bench/gen/*.sql data (as bench/replica.sh loads it), Masthead from
# the packaged jar (built if missing) with its content cache off; all on 127.0.0.1, all stopped on
# exit. The generator spreads publication dates over SPAN_DAYS before today (the other benches use
# its default, 1095 days): at N=1M, 562 days put ~49,600 public articles in a 31-day month, so the
# busiest month is as close to the 50,000 URLs a sitemap file may hold as chance allows. The month
# measured is the busiest one with at most 50,000 public articles, so the file lists every one of
# them and its URL count can be checked against SQL.
#
# Content cache off throughout, and three kinds of cold (see the result file for the details):
#   fresh      PostgreSQL restarted, the kernel's page cache dropped, Masthead started: its first requests;
#   cold data  the same restart and drop, the JVM warmed on news.xml and the smallest month, then the month;
#   warm       REPEATS more requests after the rounds: every one renders, on warm data and a warm JVM.
# Then EXPLAIN ANALYZE and a psql fetch of the month's statement, to split the time between
# PostgreSQL and Java. Run as root (runuser -u postgres, drop_caches).
# Results: bench/results/<date>-sitemap-n<N>.md and .svg.
set -Eeuo pipefail
trap 'echo "sitemap.sh: line $LINENO: \"$BASH_COMMAND\" failed" >&2' ERR

N="${N:-1000000}"
SPAN_DAYS="${SPAN_DAYS:-562}"
ROUNDS="${ROUNDS:-5}"               # cold-data rounds (B)
FRESH_ROUNDS="${FRESH_ROUNDS:-2}"   # fresh-JVM rounds (A)
JIT_REQUESTS="${JIT_REQUESTS:-12}"  # warm-up requests of news.xml per cold-data round (and one of the smallest month per 4)
REPEATS="${REPEATS:-9}"             # warm requests (C)
# AB_SQL: SQL run after the measurements (then VACUUM ANALYZE article), and the cold-data and warm
# measurements again, in the same run on the same data: an index or a setting tried against the
# build as it is.
AB_SQL="${AB_SQL:-}"
PG_PORT="${PG_PORT:-55472}"
APP_PORT="${APP_PORT:-8131}"
APP_HEAP="${APP_HEAP:-256m}"
MONTH_MAX=50000   # SitemapReader.MONTH_MAX: the sitemap protocol's limit per file

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH="$REPO/bench"
OUT="${OUT:-$BENCH/results}"
JAR="${JAR:-$REPO/target/quarkus-app/quarkus-run.jar}"
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
WORK="/tmp/masthead-bench-sitemap-$STAMP"
PG_DATA="$WORK/pg"
APP="http://127.0.0.1:$APP_PORT"
mkdir -p "$WORK"
chmod 755 "$WORK"

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

# ------------------------------------------------------------------ prerequisites
need=()
command -v jq >/dev/null || need+=(jq)
command -v curl >/dev/null || need+=(curl)
command -v python3 >/dev/null || need+=(python3)
[[ -x /usr/lib/postgresql/15/bin/initdb ]] || need+=(postgresql-15)
if (( ${#need[@]} )); then
    log "installing ${need[*]}"
    apt-get install -y -q "${need[@]}" >/dev/null || die "apt-get install ${need[*]} failed"
fi
PG_BIN=/usr/lib/postgresql/15/bin
[[ -f "$JAR" ]] || (cd "$REPO" && ./mvnw -q -Dmaven.test.skip=true package) || die "could not build $JAR"
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
port_busy "$PG_PORT" && die "port $PG_PORT is in use (set PG_PORT)"
port_busy "$APP_PORT" && die "port $APP_PORT is in use (set APP_PORT)"
DROP_CACHES=yes
{ sync && echo 3 > /proc/sys/vm/drop_caches; } 2>/dev/null || DROP_CACHES=no
LOAD_START="$(loadavg)"

APP_PID=""
cleanup() {
    [[ -n "$APP_PID" ]] && { kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; }
    [[ -f "$PG_DATA/postmaster.pid" ]] && runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$PG_DATA"
}
trap cleanup EXIT

# ------------------------------------------------------------------ PostgreSQL
log "PostgreSQL in $PG_DATA"
install -d -m 700 -o postgres -g postgres "$PG_DATA"
runuser -u postgres -- "$PG_BIN/initdb" -D "$PG_DATA" -U postgres -E UTF8 --locale=C.UTF-8 --auth=trust \
    > "$WORK/initdb.log" 2>&1 || die "initdb failed, see $WORK/initdb.log"
cat >> "$PG_DATA/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$PG_DATA'
max_connections = 40
shared_buffers = 384MB
effective_cache_size = 2GB
work_mem = 16MB
maintenance_work_mem = 512MB
fsync = off
synchronous_commit = off
full_page_writes = off
max_wal_size = 8GB
checkpoint_timeout = 30min
EOF
install -m 644 -o postgres /dev/null "$WORK/postgres.log"
pg_start() {
    runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$WORK/postgres.log" -w -t 120 start >/dev/null \
        || die "PostgreSQL did not start, see $WORK/postgres.log"
}
pg_stop() { runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 120 stop >/dev/null || die "PostgreSQL did not stop"; }
pg_start
PG_VERSION="$("$PG_BIN/postgres" --version)"
sql() { psql -X -q -At -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres -d masthead "$@"; }
psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -c "create database masthead"

# Cache off, rate limits off, no background delivery.
start_app() {
    (
        cd "$WORK"
        export QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/masthead"
        export QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=unused
        export QUARKUS_HTTP_PORT="$APP_PORT" QUARKUS_HTTP_HOST=127.0.0.1
        export MASTHEAD_ADMIN_TOKEN=bench MASTHEAD_CONTENT_CACHE_ENABLED=false
        export MASTHEAD_RATE_LIMIT_ANONYMOUS=0 MASTHEAD_RATE_LIMIT_TOKEN=0 MASTHEAD_WEBHOOKS_DELIVER_EVERY=off
        export MASTHEAD_SITE_BASE_URL=https://news.example MASTHEAD_API_BASE_URL=https://api.news.example
        exec java "-Xmx$APP_HEAP" -jar "$JAR"
    ) >> "$WORK/masthead.log" 2>&1 &
    APP_PID=$!
    local deadline=$((SECONDS + 300))
    until [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$APP/q/health/ready" || true)" == 200 ]]; do
        kill -0 "$APP_PID" 2>/dev/null || die "Masthead exited during start, see $WORK/masthead.log"
        (( SECONDS < deadline )) || die "Masthead not ready after 300 s, see $WORK/masthead.log"
        sleep 0.5
    done
}
stop_app() { kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; APP_PID=""; }

# Flyway creates the schema; then the data goes in with psql, as bench/replica.sh does it.
start_app
stop_app
NPROC="$(nproc)"
log "generating $N articles over $SPAN_DAYS days (bench/gen/*.sql, $NPROC article sessions)"
t0="$(date +%s)"
sql -v n="$N" -f "$BENCH/gen/setup.sql" > "$WORK/generate-setup.log" 2>&1 || die "setup failed, see $WORK"
gen=()
for part in $(seq 0 $((NPROC - 1))); do
    sql -v part="$part" -v parts="$NPROC" -v span_days="$SPAN_DAYS" -f "$BENCH/gen/articles.sql" \
        > "$WORK/generate-articles-$part.log" 2>&1 &
    gen+=($!)
done
for p in "${gen[@]}"; do wait "$p" || die "article generation failed, see $WORK"; done
sql -f "$BENCH/gen/finish.sql" > "$WORK/generate-finish.log" 2>&1 || die "finish failed, see $WORK"
LOAD_S=$(( $(date +%s) - t0 ))
log "data loaded in ${LOAD_S}s"
DB_SIZE="$(sql -c "select pg_size_pretty(pg_database_size('masthead'))")"
PUBLIC="$(sql -c "select count(*) from article where status = 'published' and visible_from <= now()")"

# Public articles per UTC month, as SitemapReader counts them (the one visibility predicate).
sql -c "select to_char(published_at at time zone 'UTC', 'YYYY-MM'), count(*) from article
        where status = 'published' and visible_from <= now() group by 1 order by 2 desc" > "$WORK/months.txt"
MONTHS="$(wc -l < "$WORK/months.txt")"
BUSIEST="$(head -1 "$WORK/months.txt")"
PICK="$(awk -F'|' -v max="$MONTH_MAX" '$2 <= max { print; exit }' "$WORK/months.txt")"
[[ -n "$PICK" ]] || die "no month with at most $MONTH_MAX public articles"
MONTH="${PICK%%|*}"
MONTH_COUNT="${PICK##*|}"
OVER="$(awk -F'|' -v max="$MONTH_MAX" '$2 > max' "$WORK/months.txt" | wc -l)"
log "month $MONTH: $MONTH_COUNT public articles (busiest: ${BUSIEST/|/: }; $OVER month(s) over $MONTH_MAX)"
MONTH_PATH="/api/v1/sitemaps/articles/$MONTH.xml"
SMALL="$(tail -1 "$WORK/months.txt")"
[[ "${SMALL%%|*}" != "$MONTH" ]] || die "only one month: nothing to warm the JVM on but the month measured"
SMALL_PATH="/api/v1/sitemaps/articles/${SMALL%%|*}.xml"
INDEX_PATH="/api/v1/sitemaps/index.xml"
NEWS_PATH="/api/v1/sitemaps/news.xml"
NEWS_EXPECTED="$(sql -c "select least(1000, count(*)) from article where status = 'published' and visible_from <= now()
                         and published_at >= now() - interval '48 hours'")"

# ------------------------------------------------------------------ measuring
RESULTS="$WORK/results.jsonl"
: > "$RESULTS"
# fetch phase label what path: one timed GET, the body kept for the checks.
fetch() {
    local phase="$1" label="$2" what="$3" path="$4" body="$WORK/body-$3.xml" out
    out="$(curl -s -o "$body" -w '%{http_code} %{time_starttransfer} %{time_total} %{size_download}' --max-time 60 "$APP$path")" \
        || die "GET $path failed"
    read -r code ttfb total bytes <<<"$out"
    [[ "$code" == 200 ]] || die "GET $path answered $code"
    jq -nc --arg phase "$phase" --arg lbl "$label" --arg what "$what" --argjson ttfb "$ttfb" --argjson total "$total" \
        --argjson bytes "$bytes" '{phase: $phase, label: $lbl, what: $what, ttfb_ms: ($ttfb * 1000), total_ms: ($total * 1000), bytes: $bytes}' \
        >> "$RESULTS"
}
# The <url> (or <sitemap>) elements of a sitemap, counted by an XML parser: it must parse.
count_xml() { # file element
    python3 -c '
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
print(sum(1 for _ in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}" + sys.argv[2])))' "$1" "$2"
}

LOAD_BEFORE="$(loadavg)"
# cold_start: nothing of the data in memory, and a JVM that has served nothing.
cold_start() {
    stop_app
    pg_stop
    [[ "$DROP_CACHES" == yes ]] && { sync; echo 3 > /proc/sys/vm/drop_caches; }
    pg_start
    start_app
}
round_log() { log "$1: $(jq -rs --arg p "$2" --arg l "$3" 'map(select(.phase == $p and .label == $l)) | map("\(.what) \(.total_ms | round) ms") | join(", ")' "$RESULTS")"; }
# A. Fresh: the first requests of a fresh JVM on cold data (no JIT, no connections, nothing cached).
for r in $(seq 1 "$FRESH_ROUNDS"); do
    cold_start
    fetch fresh "round$r" month "$MONTH_PATH"
    fetch fresh "round$r" index "$INDEX_PATH"
    fetch fresh "round$r" news "$NEWS_PATH"
    round_log "fresh round $r" fresh "round$r"
done

# The month's statement as SitemapReader sends it (visibility at now, the month's bounds, the
# 50,000 cap), for EXPLAIN ANALYZE and a whole fetch by psql.
FROM="$MONTH-01 00:00:00+00"
TO="$(date -u -d "$MONTH-01 +1 month" '+%Y-%m-01 00:00:00+00')"
MONTH_SQL="select a.slug as slug, a.headline as headline, a.published_at as published_at,
  coalesce(a.updated_at, a.published_at) as updated_at from article a
  where a.status = 'published' and a.visible_from <= now() and a.published_at >= '$FROM' and a.published_at < '$TO'
  order by a.published_at desc, a.id desc fetch first $MONTH_MAX rows only"
exec_ms() { awk -F': ' '/^Execution Time/{sub(/ ms/, "", $2); print $2}' "$1"; }
declare -A PG_EXEC_MS PG_COLD_MS PSQL_FETCH
# measure side: the cold-data rounds, the warm requests, the checks and the statement's plans, with
# the phases named cold<side> and warm<side> ("" for the build as it is, "B" after AB_SQL).
measure() {
    local side="$1" r i
    # B. Cold data: a JVM warmed on news.xml and the smallest month's sitemap (rows on few of the
    # month's pages: dates are random, so every month's rows are spread over the whole table), then
    # the month, whose rows PostgreSQL reads from disk. index.xml comes after it: it reads every
    # public article, and would warm the month's pages.
    for r in $(seq 1 "$ROUNDS"); do
        cold_start
        for i in $(seq 1 "$JIT_REQUESTS"); do
            fetch "jit$side" "round$r" news "$NEWS_PATH"
            if (( i % 4 == 0 )); then fetch "jit$side" "round$r" small "$SMALL_PATH"; fi
        done
        fetch "cold$side" "round$r" month "$MONTH_PATH"
        fetch "cold$side" "round$r" index "$INDEX_PATH"
        round_log "cold-data round $r$side" "cold$side" "round$r"
    done
    # C. Warm: content cache off, so every request renders and queries; the data and the JVM are warm.
    for i in $(seq 1 "$REPEATS"); do
        fetch "warm$side" "repeat$i" month "$MONTH_PATH"
        fetch "warm$side" "repeat$i" index "$INDEX_PATH"
        fetch "warm$side" "repeat$i" news "$NEWS_PATH"
    done
    URLS="$(count_xml "$WORK/body-month.xml" url)"
    INDEX_PARTS="$(count_xml "$WORK/body-index.xml" sitemap)"
    NEWS_URLS="$(count_xml "$WORK/body-news.xml" url)"
    [[ "$URLS" == "$MONTH_COUNT" ]] || die "the sitemap of $MONTH lists $URLS URLs, SQL counts $MONTH_COUNT public articles"
    [[ "$INDEX_PARTS" == "$MONTHS" ]] || die "the index lists $INDEX_PARTS months, SQL counts $MONTHS"
    [[ "$NEWS_URLS" == "$NEWS_EXPECTED" ]] || die "news.xml lists $NEWS_URLS URLs, SQL expects $NEWS_EXPECTED"
    grep -q "<loc>https://news.example/articles/" "$WORK/body-month.xml" || die "the month's URLs are not on the configured site"
    sql -c "explain (analyze, buffers) $MONTH_SQL" > "$WORK/explain-month$side.txt"
    stop_app
    pg_stop
    if [[ "$DROP_CACHES" == yes ]]; then sync; echo 3 > /proc/sys/vm/drop_caches; fi
    pg_start
    sql -c "explain (analyze, buffers) $MONTH_SQL" > "$WORK/explain-month-cold$side.txt"
    PG_COLD_MS[${side:-A}]="$(exec_ms "$WORK/explain-month-cold$side.txt")"
    PG_EXEC_MS[${side:-A}]="$(exec_ms "$WORK/explain-month$side.txt")"
    local times=() t0 t1
    for i in 1 2 3; do
        t0="$(date +%s%N)"; sql -c "$MONTH_SQL" > /dev/null; t1="$(date +%s%N)"
        times+=($(( (t1 - t0) / 1000000 )))
    done
    PSQL_FETCH[${side:-A}]="$(printf '%s\n' "${times[@]}" | sort -n | sed -n 2p) (of ${times[*]})"
}
measure ""
if [[ -n "$AB_SQL" ]]; then
    log "B side: $AB_SQL"
    sql -c "$AB_SQL" -c "vacuum analyze article" > "$WORK/ab.log" 2>&1 || die "AB_SQL failed, see $WORK/ab.log"
    measure B
fi
LOAD_AFTER="$(loadavg)"

# ------------------------------------------------------------------ results
pick() { # phase what field fn(median|max)
    jq -rs --arg p "$1" --arg w "$2" --arg f "$3" --arg fn "$4" '[.[] | select(.phase == $p and .what == $w) | .[$f]] | sort
        | if length == 0 then "-" elif $fn == "max" then .[-1] * 10 | round / 10 else .[(length - 1) / 2 | floor] * 10 | round / 10 end' "$RESULTS"
}
declare -A MED MAX BYTES
for ph in fresh cold warm coldB warmB; do
    for w in month index news; do
        MED[$ph-$w]="$(pick "$ph" "$w" total_ms median)"
        MAX[$ph-$w]="$(pick "$ph" "$w" total_ms max)"
    done
done
for w in month index news; do BYTES[$w]="$(pick warm "$w" bytes max | awk '{printf "%.0f", $1}')"; done
verdict() { awk -v m="$1" 'BEGIN{print (m < 1000 ? "under" : "over")}'; }
mkdir -p "$OUT"
STEM="$OUT/$(date -u +%Y-%m-%d-%H%M)-sitemap-n$N"
RESULT="$STEM.md"; CHART="$STEM.svg"

BARS=("month fresh" "${MED[fresh-month]}" "${MAX[fresh-month]}" "month cold data" "${MED[cold-month]}" "${MAX[cold-month]}"
      "month warm" "${MED[warm-month]}" "${MAX[warm-month]}" "index cold data" "${MED[cold-index]}" "${MAX[cold-index]}"
      "news fresh" "${MED[fresh-news]}" "${MAX[fresh-news]}")
[[ -n "$AB_SQL" ]] && BARS+=("month cold B" "${MED[coldB-month]}" "${MAX[coldB-month]}" "index cold B" "${MED[coldB-index]}" "${MAX[coldB-index]}")
printf '%s\n' "${BARS[@]}" \
    | paste - - - | awk -F'\t' -v title="Sitemaps at N=$N, ms (bar: median, tick: max); dashed: 1 s" '
    { label[NR] = $1; v[NR] = $2; m[NR] = $3; if ($3 > max) max = $3 }
    END {
      if (max < 1000) max = 1000
      w = 40 + NR * 120; h = 300; base = 250; scale = 190 / max
      printf "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">\n", w, h
      printf "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/><text x=\"10\" y=\"20\" font-size=\"14\">%s</text>\n", title
      for (i = 1; i <= NR; i++) {
        x = 40 + (i - 1) * 120; c = (i <= 3 ? "#4C72B0" : "#DD8452")
        printf "<rect x=\"%d\" y=\"%.1f\" width=\"70\" height=\"%.1f\" fill=\"%s\"/>", x, base - v[i] * scale, v[i] * scale, c
        printf "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"black\" stroke-width=\"2\"/>", x + 20, base - m[i] * scale, x + 50, base - m[i] * scale
        printf "<text x=\"%d\" y=\"%.1f\" text-anchor=\"middle\">%.0f / %.0f</text>\n", x + 35, base - m[i] * scale - 6, v[i], m[i]
        printf "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>\n", x + 35, base + 18, label[i]
      }
      printf "<line x1=\"30\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#C44E52\" stroke-dasharray=\"6 4\"/>\n", base - 1000 * scale, w - 10, base - 1000 * scale
      printf "<line x1=\"30\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/></svg>\n", base, w - 10, base
    }' > "$CHART"

{
    echo "# Sitemaps at N=$N: the monthly sitemap of a ~50,000-article month, cold"
    echo
    echo "Produced by \`bash bench/sitemap.sh\` (N=$N SPAN_DAYS=$SPAN_DAYS FRESH_ROUNDS=$FRESH_ROUNDS ROUNDS=$ROUNDS REPEATS=$REPEATS) on"
    echo "$(date -u '+%Y-%m-%d %H:%M UTC') at $(cd "$REPO" && git rev-parse --short HEAD). Chart: [$(basename "$CHART")]($(basename "$CHART"))."
    echo
    echo "$PUBLIC public of $N generated articles (bench/gen, dates over the last $SPAN_DAYS days), $MONTHS months,"
    echo "database $DB_SIZE, loaded in ${LOAD_S} s. $PG_VERSION, Masthead \`-Xmx$APP_HEAP\` with the content cache off."
    echo "Measured month: **$MONTH**, the busiest with at most $MONTH_MAX public articles: **$MONTH_COUNT** (SQL count);"
    echo "the busiest month of all has ${BUSIEST##*|}; $OVER month(s) have more than $MONTH_MAX."
    echo
    echo "Three measurements, all with Masthead's content cache off (so every request renders and queries):"
    echo
    echo "- **fresh** ($FRESH_ROUNDS rounds): Masthead stopped, PostgreSQL restarted (empty shared buffers), the kernel"
    echo "  page cache dropped (drop_caches: $DROP_CACHES), Masthead started; then the month, index.xml and news.xml,"
    echo "  in that order: the first requests of a JVM that has served nothing, on data read from disk.";
    echo "- **cold data** ($ROUNDS rounds): the same restart and cache drop, then $JIT_REQUESTS requests of news.xml and"
    echo "  $(( JIT_REQUESTS / 4 )) of the smallest month (${SMALL%%|*}, ${SMALL##*|} articles) to warm the JVM, then the month"
    echo "  (its rows come from disk: dates are random, so they are spread over the whole table) and index.xml."
    echo "  This is a cache miss on a running server for a month nobody asked for lately."
    echo "- **warm** ($REPEATS requests each, after the last round): the same URLs again, data and JVM warm."
    echo
    echo "Times are curl's time_total on 127.0.0.1, in ms."
    echo
    echo "| sitemap | fresh median | fresh max | cold data median | cold data max | warm median | warm max | bytes | entries |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
    echo "| \`$MONTH_PATH\` | ${MED[fresh-month]} | ${MAX[fresh-month]} | ${MED[cold-month]} | ${MAX[cold-month]} | ${MED[warm-month]} | ${MAX[warm-month]} | ${BYTES[month]} | $URLS URLs (= SQL) |"
    echo "| \`$INDEX_PATH\` | ${MED[fresh-index]} | ${MAX[fresh-index]} | ${MED[cold-index]} | ${MAX[cold-index]} | ${MED[warm-index]} | ${MAX[warm-index]} | ${BYTES[index]} | $INDEX_PARTS months (= SQL) |"
    echo "| \`$NEWS_PATH\` | ${MED[fresh-news]} | ${MAX[fresh-news]} | (warm-up) | | ${MED[warm-news]} | ${MAX[warm-news]} | ${BYTES[news]} | $NEWS_URLS URLs (= SQL) |"
    echo
    echo "The month's sitemap: cold data at worst **${MAX[cold-month]} ms** ($(verdict "${MAX[cold-month]}") 1 s), warm at worst"
    echo "**${MAX[warm-month]} ms** ($(verdict "${MAX[warm-month]}") 1 s), the first request of a fresh JVM at worst ${MAX[fresh-month]} ms."
    echo
    if [[ -n "$AB_SQL" ]]; then
        echo "**B side**, same run and data, after \`$AB_SQL\` and \`VACUUM ANALYZE article\`: the cold-data rounds and"
        echo "warm requests again."
        echo
        echo "| sitemap | cold data median | cold data max | warm median | warm max | cold data B median | cold data B max | warm B median | warm B max |"
        echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
        for w in month index news; do
            echo "| $w | ${MED[cold-$w]} | ${MAX[cold-$w]} | ${MED[warm-$w]} | ${MAX[warm-$w]} | ${MED[coldB-$w]} | ${MAX[coldB-$w]} | ${MED[warmB-$w]} | ${MAX[warmB-$w]} |"
        done
        echo
    fi
    for side in A B; do
        [[ "$side" == B && -z "$AB_SQL" ]] && continue
        f=""; [[ "$side" == B ]] && f=B
        echo "### The month's statement$([[ "$side" == B ]] && echo ", B side")"
        echo
        echo "PostgreSQL executes it in ${PG_EXEC_MS[$side]} ms warm and ${PG_COLD_MS[$side]} ms on cold data (EXPLAIN ANALYZE;"
        echo "cold: PostgreSQL restarted and the page cache dropped); psql fetches its $MONTH_COUNT rows warm in ${PSQL_FETCH[$side]} ms."
        echo "Masthead answers the month warm in ${MED[warm$f-month]} ms (median): Java (rows to records, the XML, HTTP) is"
        echo "about the difference from the psql fetch."
        echo
        echo "Warm:"
        echo
        echo '```'
        cat "$WORK/explain-month$f.txt"
        echo '```'
        echo
        echo "Cold data:"
        echo
        echo '```'
        cat "$WORK/explain-month-cold$f.txt"
        echo '```'
        echo
    done
    echo "Load average before: $LOAD_START (start), $LOAD_BEFORE (after loading); after: $LOAD_AFTER. Other helpers"
    echo "were compiling and testing on the same $(nproc) CPUs ($(awk -F': ' '/model name/{print $2; exit}' /proc/cpuinfo))."
    echo
    echo "## Every request"
    echo
    echo "| phase | run | sitemap | first byte ms | total ms | bytes |"
    echo "|---|---|---|---:|---:|---:|"
    jq -r '"| \(.phase) | \(.label) | \(.what) | \(.ttfb_ms | round) | \(.total_ms | round) | \(.bytes) |"' "$RESULTS"
    echo
    echo "Busiest months (public articles): $(head -5 "$WORK/months.txt" | tr '|' ' ' | paste -sd, - | sed 's/,/, /g')."
} > "$RESULT"
log "wrote $RESULT and $CHART"
cat "$RESULT"
