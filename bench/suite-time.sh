#!/usr/bin/env bash
# Test-suite wall time, before and after, in one run: the test classes both commits have run
# alternately (A B A B ...), so load from whatever else shares the machine falls on both alike.
#
#   bash bench/suite-time.sh 857d19d HEAD 3 'FuzzTest,ConcurrentSyncTest,...'
#
# Writes bench/results/<stamp>-suite-time.md with the per-class medians and their ratio.
set -Eeuo pipefail
OLD="${1:?old ref}"; NEW="${2:?new ref}"; ROUNDS="${3:-3}"; CLASSES="${4:?comma-separated test classes}"
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="$(mktemp -d /tmp/masthead-suite-time.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
STAMP="$(date -u +%Y-%m-%d-%H%M)"
OUT="$REPO/bench/results/$STAMP-suite-time.md"
RAW="$WORK/raw.tsv"
: > "$RAW"

for side in old new; do
  ref=$([ "$side" = old ] && echo "$OLD" || echo "$NEW")
  git clone -q "$REPO" "$WORK/$side"
  (cd "$WORK/$side" && git checkout -q "$(cd "$REPO" && git rev-parse "$ref")")
  # Compile once, outside the measured runs.
  (cd "$WORK/$side" && ./mvnw -q -o test-compile > "$WORK/$side-build.log" 2>&1)
done

for round in $(seq 1 "$ROUNDS"); do
  for side in old new; do
    start=$(date +%s.%N)
    (cd "$WORK/$side" && ./mvnw -o surefire:test -Dtest="$CLASSES" -DfailIfNoTests=false > "$WORK/$side-$round.log" 2>&1) \
      || { echo "tests failed on $side round $round, see $WORK/$side-$round.log" >&2; trap - EXIT; exit 1; }
    wall=$(echo "$(date +%s.%N) - $start" | bc)
    load=$(cut -d' ' -f1 /proc/loadavg)
    printf '%s\t%s\tWALL\t%.1f\t%s\n' "$side" "$round" "$wall" "$load" >> "$RAW"
    for xml in "$WORK/$side"/target/surefire-reports/TEST-*.xml; do
      python3 - "$xml" "$side" "$round" >> "$RAW" <<'EOF'
import re, sys
head = open(sys.argv[1]).read(4000)
attrs = re.search(r'<testsuite([^>]*)>', head).group(1)
name = re.search(r'name="([^"]+)"', attrs).group(1).rsplit('.', 1)[-1]
time = float(re.search(r'time="([\d.,]+)"', attrs).group(1).replace(',', ''))
print(f"{sys.argv[2]}\t{sys.argv[3]}\t{name}\t{time:.1f}\t")
EOF
    done
  done
done

python3 - "$RAW" "$OUT" "$OLD" "$NEW" "$ROUNDS" "$(nproc)" <<'EOF'
import statistics, sys, collections
raw, out, old, new, rounds, cpus = sys.argv[1:]
t = collections.defaultdict(lambda: collections.defaultdict(list))
loads = []
for line in open(raw):
    side, rnd, name, secs, load = line.rstrip('\n').split('\t')
    t[name][side].append(float(secs))
    if load: loads.append(float(load))
names = ['WALL'] + sorted(n for n in t if n != 'WALL')
rows = []
for n in names:
    o, w = statistics.median(t[n]['old']), statistics.median(t[n]['new'])
    rows.append((n, o, w, w / o if o else float('nan')))
bar = lambda v, m: '█' * max(1, round(30 * v / m))
m = max(max(r[1], r[2]) for r in rows[1:]) if len(rows) > 1 else 1
with open(out, 'w') as f:
    f.write(f"# Test wall time: {old} vs {new}\n\n")
    f.write(f"`bash bench/suite-time.sh {old} {new} {rounds} …`: the same test classes run at both commits, "
            f"alternately, {rounds} rounds each (medians). Machine: {cpus} CPUs, shared; 1-min load average at the end "
            f"of each run: median {statistics.median(loads):.1f} (min {min(loads):.1f}, max {max(loads):.1f}).\n"
            "WALL is `./mvnw -o surefire:test` for the whole set, Quarkus start included; the class rows are "
            "Surefire's own times.\n\n")
    f.write("| test | before (s) | after (s) | after/before |\n|---|---:|---:|---:|\n")
    for n, o, w, r in rows:
        f.write(f"| {n} | {o:.1f} | {w:.1f} | {r:.2f} |\n")
    f.write("\n```\n")
    for n, o, w, r in rows[1:]:
        f.write(f"{n:<24} before {bar(o, m)} {o:.1f}\n{'':<24} after  {bar(w, m)} {w:.1f}\n")
    f.write("```\n")
print(out)
EOF
