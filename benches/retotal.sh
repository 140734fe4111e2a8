#!/usr/bin/env bash
# `jifen retotal` on a copy of the county database: every kept score of every
# branch re-computed from the tallies in one pass.
#
#   benches/retotal.sh                      # DB=/tmp/county.sqlite, REPEAT=3
#   DB=/tmp/other.sqlite REPEAT=1 benches/retotal.sh
#
# Times (a) `retotal --check` and `retotal` with nothing to change, and
# (b) `retotal` after `DELETE FROM score` (every row rewritten), best of
# REPEAT runs each. The original database is never written: the runs use a
# copy (a reflink where the file system allows it).
set -euo pipefail

DB=${DB:-/tmp/county.sqlite}
REPEAT=${REPEAT:-3}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
JIFEN=${JIFEN:-$ROOT/target/release/jifen}
COPY=${COPY:-/tmp/county_rt.sqlite}

[ -f "$DB" ] || { echo "$DB: no such database (make one with jifen gen)" >&2; exit 1; }
[ -x "$JIFEN" ] || { echo "$JIFEN: build with cargo build --release first" >&2; exit 1; }
if [ ! -f "$COPY" ]; then
    cp --reflink=auto "$DB" "$COPY"
fi

# Best wall time of REPEAT runs of a command, in seconds; PREP runs untimed before each.
best() {
    local best= t0 t1 s
    for _ in $(seq "$REPEAT"); do
        [ -n "${PREP:-}" ] && sqlite3 "$COPY" "$PREP"
        t0=$(date +%s.%N)
        "$@" >/tmp/retotal-bench.out || [ "$?" = 1 ]
        t1=$(date +%s.%N)
        s=$(echo "$t1 - $t0" | bc)
        if [ -z "$best" ] || [ "$(echo "$s < $best" | bc)" = 1 ]; then best=$s; fi
    done
    tail -n 1 /tmp/retotal-bench.out >&2
    echo "$best"
}

"$JIFEN" --db "$COPY" retotal >/dev/null   # start from a consistent copy
echo "(a) nothing changed, --check: $(best "$JIFEN" --db "$COPY" retotal --check) s"
echo "(a) nothing changed, write:   $(best "$JIFEN" --db "$COPY" retotal) s"
echo "(b) after DELETE FROM score:  $(PREP='DELETE FROM score' best "$JIFEN" --db "$COPY" retotal) s"
