#!/usr/bin/env bash
# Builds Masthead as it was at a git ref, for A/B runs, and prints the path of its quarkus-run.jar.
#
#   bash bench/old-jar.sh 857d19d      # -> /tmp/masthead-bench-ref-857d19d/target/quarkus-app/quarkus-run.jar
#
# The ref's tree is exported with `git archive` into /tmp/masthead-bench-ref-<ref> (no worktree,
# nothing written into this repository) and built with `./mvnw -Dmaven.test.skip=true package`,
# offline first (the local Maven repository usually has everything), then online. A finished
# build is reused; REBUILD_OLD=1 rebuilds it. The build log is <dir>/build.log.
set -Eeuo pipefail
REF="${1:?usage: bash bench/old-jar.sh <git ref>}"
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SHA="$(git -C "$REPO" rev-parse --short=12 "$REF^{commit}")"
DIR="${OLD_BUILD_DIR:-/tmp/masthead-bench-ref-$SHA}"
JAR="$DIR/target/quarkus-app/quarkus-run.jar"
if [[ -f "$JAR" && "${REBUILD_OLD:-0}" != 1 ]]; then
    echo "$JAR"
    exit 0
fi
rm -rf "$DIR"
mkdir -p "$DIR"
git -C "$REPO" archive "$SHA" | tar -x -C "$DIR"
echo "$(date -u +%H:%M:%S) building $REF ($SHA) in $DIR" >&2
if ! (cd "$DIR" && timeout 1200 ./mvnw -q -o -Dmaven.test.skip=true package) > "$DIR/build.log" 2>&1; then
    (cd "$DIR" && timeout 1200 ./mvnw -q -Dmaven.test.skip=true package) >> "$DIR/build.log" 2>&1 \
        || { echo "build of $REF failed, see $DIR/build.log" >&2; exit 1; }
fi
[[ -f "$JAR" ]] || { echo "build of $REF made no $JAR" >&2; exit 1; }
echo "$JAR"
