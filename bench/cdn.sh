#!/usr/bin/env bash
# Masthead behind Varnish: warm reads through Varnish vs nginx serving the same bytes vs Masthead's
# own warm cache, and purge-to-fresh latency (commit of a headline correction -> first fresh read
# through Varnish) over C corrections.
#
#   bash bench/cdn.sh                 # 1000 articles, 200 corrections, 3 rounds of 15 s
#   N=30 CORRECTIONS=10 ROUNDS=1 DURATION_S=2 OUT=/tmp bash bench/cdn.sh     # smoke test
#
# Throwaway PostgreSQL, one Masthead (the packaged jar; built if missing), varnishd with the
# committed src/main/varnish/masthead.vcl, nginx; all on 127.0.0.1, all stopped on exit.
# Results: bench/results/<date>-cdn-n<N>.md and .svg.
set -Eeuo pipefail
trap 'echo "cdn.sh: line $LINENO: \"$BASH_COMMAND\" failed" >&2' ERR

N="${N:-1000}"
CORRECTIONS="${CORRECTIONS:-200}"
ROUNDS="${ROUNDS:-3}"
DURATION_S="${DURATION_S:-15}"
CONNS="${CONNS:-16}"
THREADS="${THREADS:-2}"
PG_PORT="${PG_PORT:-55442}"
APP_PORT="${APP_PORT:-8099}"
VARNISH_PORT="${VARNISH_PORT:-8098}"
NGINX_PORT="${NGINX_PORT:-8097}"
APP_HEAP="${APP_HEAP:-256m}"

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH="$REPO/bench"
OUT="${OUT:-$BENCH/results}"
JAR="${JAR:-$REPO/target/quarkus-app/quarkus-run.jar}"
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
WORK="/tmp/masthead-bench-cdn-$STAMP"
PG_DATA="$WORK/pg"
mkdir -p "$WORK"
APP="http://127.0.0.1:$APP_PORT"
EDGE="http://127.0.0.1:$VARNISH_PORT"
NGX="http://127.0.0.1:$NGINX_PORT"
TOKEN=bench

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# ------------------------------------------------------------------ prerequisites
need=()
command -v wrk >/dev/null || need+=(wrk)
command -v jq >/dev/null || need+=(jq)
command -v curl >/dev/null || need+=(curl)
[[ -x /usr/sbin/nginx ]] || command -v nginx >/dev/null || need+=(nginx)
[[ -x /usr/sbin/varnishd ]] || need+=(varnish varnish-modules)
ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1 || need+=(postgresql-15)
if (( ${#need[@]} )); then
    log "installing ${need[*]}"
    apt-get install -y -q "${need[@]}" >/dev/null || die "apt-get install ${need[*]} failed"
fi
PG_BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
NGINX_BIN="$(command -v nginx || echo /usr/sbin/nginx)"
[[ -f "$JAR" ]] || (cd "$REPO" && ./mvnw -q -DskipTests package) || die "could not build $JAR"

PIDS=()
cleanup() {
    local i
    for (( i = ${#PIDS[@]} - 1; i >= 0; i-- )); do
        kill "${PIDS[$i]}" 2>/dev/null || true
        wait "${PIDS[$i]}" 2>/dev/null || true
    done
    [[ -f "$PG_DATA/postmaster.pid" ]] && runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast stop >/dev/null 2>&1 || true
    rm -rf "$PG_DATA"
}
trap cleanup EXIT
wait_http() { # url what
    local deadline=$((SECONDS + 180))
    until curl -s -o /dev/null --max-time 2 "$1"; do
        (( SECONDS < deadline )) || die "$2 did not answer at $1 (logs in $WORK)"
        sleep 0.5
    done
}

# ------------------------------------------------------------------ PostgreSQL
log "PostgreSQL in $PG_DATA"
install -d -m 700 -o postgres -g postgres "$PG_DATA"
runuser -u postgres -- "$PG_BIN/initdb" -D "$PG_DATA" -U postgres -E UTF8 --auth=trust >"$WORK/initdb.log" 2>&1
printf "listen_addresses = '127.0.0.1'\nport = $PG_PORT\nunix_socket_directories = '$PG_DATA'\nfsync = off\n" \
    >> "$PG_DATA/postgresql.conf"
install -m 644 -o postgres /dev/null "$WORK/postgres.log"
runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$WORK/postgres.log" -w start >/dev/null
psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -c "create database masthead" postgres

# ------------------------------------------------------------------ Varnish (the committed VCL)
mkdir -p "$WORK/varnish"
cp "$REPO/src/main/varnish/masthead.vcl" "$WORK/varnish/"
cat > "$WORK/varnish/masthead-site.vcl" <<EOF
backend default { .host = "127.0.0.1"; .port = "$APP_PORT"; }
acl masthead_purgers { "127.0.0.1"; }
EOF
log "varnishd on $EDGE"
/usr/sbin/varnishd -F -n "$WORK/varnish/work" -a "127.0.0.1:$VARNISH_PORT" -T none -f "$WORK/varnish/masthead.vcl" \
    -s malloc,256m -p http_resp_hdr_len=64k -p http_resp_size=96k -p workspace_backend=256k \
    > "$WORK/varnishd.log" 2>&1 &
PIDS+=($!)

# ------------------------------------------------------------------ Masthead (purging Varnish)
log "Masthead on $APP (purge URL $EDGE/)"
(
    export QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/masthead"
    export QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=unused
    export QUARKUS_HTTP_PORT="$APP_PORT" QUARKUS_HTTP_HOST=127.0.0.1
    export MASTHEAD_ADMIN_TOKEN="$TOKEN" MASTHEAD_CONTENT_CACHE_ENABLED=true
    export MASTHEAD_RATE_LIMIT_ANONYMOUS=0 MASTHEAD_RATE_LIMIT_TOKEN=0 MASTHEAD_WEBHOOKS_DELIVER_EVERY=off
    export MASTHEAD_PURGE_URL="$EDGE/" MASTHEAD_TRUSTED_PROXIES=127.0.0.1
    exec java "-Xmx$APP_HEAP" -jar "$JAR"
) > "$WORK/masthead.log" 2>&1 &
PIDS+=($!)
wait_http "$APP/q/health/ready" Masthead
wait_http "$EDGE/api/v1/articles" Varnish

admin() { # method path [body] [extra curl args...]: prints the body, fails on a non-2xx
    local m="$1" p="$2" b="${3:-}"; shift 3 || shift $#
    local out code
    out="$(curl -s -w '\n%{http_code}' -X "$m" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
        ${b:+--data "$b"} "$@" "$APP$p")"
    code="${out##*$'\n'}"; out="${out%$'\n'*}"
    [[ "$code" == 2* ]] || die "$m $p answered $code: $out"
    printf '%s' "$out"
}

# ------------------------------------------------------------------ data
log "creating $N published articles"
admin POST /api/v1/admin/copyright-notices \
    '{"holder":"Bench Newsroom","year":2026,"statement":"All rights reserved.","isDefault":true}' >/dev/null
FIRST_SLUG="" FIRST_ID=""
for (( i = 1; i <= N; i++ )); do
    slug="bench-$i-${STAMP,,}"
    created="$(admin POST /api/v1/admin/articles "{\"slug\":\"$slug\",\"headline\":\"Bench story $i\",\"summary\":\"A summary.\",\"body\":[{\"type\":\"paragraph\",\"text\":\"Text of story $i, written for the benchmark.\"}]}" -D "$WORK/h")"
    id="$(jq -r .id <<<"$created")"
    etag="$(awk -F': ' 'tolower($1)=="etag"{print $2}' "$WORK/h" | tr -d '\r')"
    admin POST "/api/v1/admin/articles/$id/publish" '{}' -H "If-Match: $etag" >/dev/null
    [[ -n "$FIRST_ID" ]] || { FIRST_ID="$id"; FIRST_SLUG="$slug"; }
done

# ------------------------------------------------------------------ nginx: the same bytes
declare -A PATHS=([slug]="/api/v1/articles/$FIRST_SLUG" [newest]="/api/v1/articles?limit=20")
READS=(slug newest)
mkdir -p "$WORK/nginx/www" "$WORK/nginx/tmp"
for r in "${READS[@]}"; do curl -sf "$APP${PATHS[$r]}" > "$WORK/nginx/www/$r.json"; done
cat > "$WORK/nginx/nginx.conf" <<EOF
worker_processes 1;
daemon off;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $WORK/nginx/tmp; proxy_temp_path $WORK/nginx/tmp; fastcgi_temp_path $WORK/nginx/tmp;
    uwsgi_temp_path $WORK/nginx/tmp; scgi_temp_path $WORK/nginx/tmp;
    server {
        listen 127.0.0.1:$NGINX_PORT;
        root $WORK/nginx/www;
        default_type application/json;
    }
}
EOF
"$NGINX_BIN" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" > "$WORK/nginx/stdout.log" 2>&1 &
PIDS+=($!)
wait_http "$NGX/slug.json" nginx
for r in "${READS[@]}"; do
    curl -sf "$EDGE${PATHS[$r]}" | cmp -s - "$WORK/nginx/www/$r.json" || die "Varnish and Masthead differ for $r"
    curl -sf "$NGX/$r.json" | cmp -s - "$WORK/nginx/www/$r.json" || die "nginx does not serve the same bytes for $r"
done

# ------------------------------------------------------------------ warm reads
url_of() { case "$1" in masthead) echo "$APP${PATHS[$2]}" ;; varnish) echo "$EDGE${PATHS[$2]}" ;; nginx) echo "$NGX/$2.json" ;; esac; }
SERVERS=(masthead varnish nginx)
declare -A RPS_ALL
for (( round = 1; round <= ROUNDS; round++ )); do
    for r in "${READS[@]}"; do
        for s in "${SERVERS[@]}"; do
            u="$(url_of "$s" "$r")"
            wrk -t"$THREADS" -c"$CONNS" -d1s "$u" >/dev/null            # warm-up, uncounted
            out="$(wrk -t"$THREADS" -c"$CONNS" -d"${DURATION_S}s" "$u")"
            rps="$(awk '/Requests\/sec/{print $2}' <<<"$out")"
            bad="$(awk '/Non-2xx/{print $NF}' <<<"$out")"
            [[ -z "$bad" ]] || die "$s $r: $bad non-2xx answers"
            RPS_ALL[$s-$r]+="$rps "
            log "round $round $r $s: $rps req/s"
        done
    done
done
median() { tr ' ' '\n' <<<"$1" | grep -v '^$' | sort -g | awk '{a[NR]=$1} END{print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
declare -A RPS
for k in "${!RPS_ALL[@]}"; do RPS[$k]="$(median "${RPS_ALL[$k]}")"; done
XCACHE="$(curl -s -o /dev/null -D - "$(url_of varnish slug)" | awk -F': ' 'tolower($1)=="x-cache"{print $2}' | tr -d '\r')"

# ------------------------------------------------------------------ purge-to-fresh
log "$CORRECTIONS corrections, commit -> first fresh read through Varnish"
LAT="$WORK/latencies.txt"; : > "$LAT"
SLUG_URL="$EDGE/api/v1/articles/$FIRST_SLUG"
etag="$(curl -sf -D - -o /dev/null -H "Authorization: Bearer $TOKEN" "$APP/api/v1/admin/articles/$FIRST_ID" \
    | awk -F': ' 'tolower($1)=="etag"{print $2}' | tr -d '\r')"
for (( i = 1; i <= CORRECTIONS; i++ )); do
    # Varnish holds the current version (a hit), so only a purge can make the next one show.
    deadline=$((SECONDS + 10))
    until [[ "$(curl -s -o /dev/null -D - "$SLUG_URL" | awk -F': ' 'tolower($1)=="x-cache"{print $2}' | tr -d '\r')" == HIT ]]; do
        (( SECONDS < deadline )) || die "correction $i: Varnish never held the article"
    done
    headline="Bench story 1, correction $i"
    admin PATCH "/api/v1/admin/articles/$FIRST_ID" \
        "{\"headline\":\"$headline\",\"updateNote\":\"Corrects the headline ($i).\",\"updateKind\":\"correction\"}" \
        -H "If-Match: $etag" -D "$WORK/h" >/dev/null
    t0="$(date +%s%N)"    # the PATCH has answered: committed
    etag="$(awk -F': ' 'tolower($1)=="etag"{print $2}' "$WORK/h" | tr -d '\r')"
    until curl -s "$SLUG_URL" | jq -e --arg h "$headline" '.headline == $h' >/dev/null; do
        (( $(date +%s%N) - t0 < 10000000000 )) || die "correction $i not fresh through Varnish after 10 s"
    done
    echo $(( ($(date +%s%N) - t0) / 1000000 )) >> "$LAT"
done
pct() { sort -n "$LAT" | awk -v p="$1" '{a[NR]=$1} END{i=int((NR*p+99)/100); if (i<1) i=1; print a[i]}'; }
P50="$(pct 50)"; P99="$(pct 99)"; PMAX="$(sort -n "$LAT" | tail -1)"

# ------------------------------------------------------------------ results
mkdir -p "$OUT"
STEM="$OUT/$(date -u +%Y-%m-%d-%H%M)-cdn-n$N"
CHART="$STEM.svg"
{
    for r in "${READS[@]}"; do printf '%s\t%s\t%s\t%s\n' "$r" "${RPS[masthead-$r]}" "${RPS[varnish-$r]}" "${RPS[nginx-$r]}"; done
} | awk -F'\t' -v title="Warm reads, req/s (median of $ROUNDS rounds, -c$CONNS)" '
    { r[NR] = $1; m[NR] = $2; v[NR] = $3; n[NR] = $4; for (i = 2; i <= 4; i++) if ($i > max) max = $i }
    END {
      w = 120 + NR * 170; h = 320; base = 270; scale = 200 / (max > 0 ? max : 1)
      split("#8c8c8c #4C72B0 #55A868", col, " "); split("Masthead Varnish nginx", name, " ")
      printf "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">\n", w, h
      printf "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/><text x=\"10\" y=\"20\" font-size=\"14\">%s</text>\n", title
      for (k = 1; k <= 3; k++) printf "<rect x=\"%d\" y=\"32\" width=\"12\" height=\"12\" fill=\"%s\"/><text x=\"%d\" y=\"43\">%s</text>\n", 10 + (k-1)*90, col[k], 26 + (k-1)*90, name[k]
      for (i = 1; i <= NR; i++) {
        x = 60 + (i - 1) * 170; val[1] = m[i]; val[2] = v[i]; val[3] = n[i]
        for (k = 1; k <= 3; k++) {
          printf "<rect x=\"%d\" y=\"%.1f\" width=\"40\" height=\"%.1f\" fill=\"%s\"/>", x + (k-1)*42, base - val[k]*scale, val[k]*scale, col[k]
          printf "<text x=\"%d\" y=\"%.1f\" text-anchor=\"middle\">%.0f</text>\n", x + (k-1)*42 + 20, base - val[k]*scale - 4, val[k]
        }
        printf "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>\n", x + 62, base + 18, r[i]
      }
      printf "<line x1=\"50\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/></svg>\n", base, w - 10, base
    }' > "$CHART"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{ if (b > 0) printf "%.1f%%", 100*a/b; else print "n/a" }'; }
{
    echo "# Masthead behind Varnish: warm reads and purge-to-fresh"
    echo
    echo "Produced by \`bash bench/cdn.sh\` (N=$N, CORRECTIONS=$CORRECTIONS, ROUNDS=$ROUNDS, DURATION_S=$DURATION_S) on"
    echo "$(date -u '+%Y-%m-%d %H:%M UTC'), commit $(cd "$REPO" && git rev-parse --short HEAD). Chart: [$(basename "$CHART")]($(basename "$CHART"))."
    echo
    echo "Machine: $(nproc) CPUs ($(awk -F': ' '/model name/{print $2; exit}' /proc/cpuinfo)), load at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
    echo "wrk, PostgreSQL, Masthead (\`-Xmx$APP_HEAP\`, content cache on), varnishd (committed VCL) and nginx share it."
    echo
    echo "## Warm reads (req/s, median of $ROUNDS rounds of ${DURATION_S} s, \`-t$THREADS -c$CONNS\`)"
    echo
    echo "| read | Masthead warm cache | through Varnish | nginx, same bytes | Varnish / nginx | Varnish / Masthead |"
    echo "|---|---:|---:|---:|---:|---:|"
    for r in "${READS[@]}"; do
        echo "| $r (\`${PATHS[$r]}\`) | ${RPS[masthead-$r]} | ${RPS[varnish-$r]} | ${RPS[nginx-$r]} | $(ratio "${RPS[varnish-$r]}" "${RPS[nginx-$r]}") | $(ratio "${RPS[varnish-$r]}" "${RPS[masthead-$r]}") |"
    done
    echo
    echo "Varnish answered from its cache (\`X-Cache: $XCACHE\` after the runs)."
    echo
    echo "## Purge-to-fresh over $CORRECTIONS corrections"
    echo
    echo "Each: the article is a Varnish hit; a headline correction is PATCHed (its answer means committed); then"
    echo "Varnish is polled back to back until it serves the new headline. Purges go through the outbox and"
    echo "PurgeWorker (woken by the commit), as in production."
    echo
    echo "| p50 | p99 | max |"
    echo "|---:|---:|---:|"
    echo "| ${P50} ms | ${P99} ms | ${PMAX} ms |"
} > "$STEM.md"
log "wrote $STEM.md and $CHART"
cat "$STEM.md"
