#!/usr/bin/env bash
# Peer comparison: `jifen rank` against ledger-cli's `ledger balance` on the
# same one million claims.
#
#   benches/peer.sh            # N=1000000 claims over MEMBERS=2000 members
#   N=100000 benches/peer.sh   # a quicker run
#
# Generates members and claims (village-quarterly scheme: base 100, one bonus
# and one deduction item, no caps, so a member's score is exactly the base plus
# the signed sum of the claims), imports them into jifen with `member import`
# and `claim import` (verdict `approved`), and writes the same entries as a
# ledger journal: one opening transaction of 100 per member (the base), then
# one transaction per claim, `Members:<name>  ±points` balanced by
# `Points:Source`. Then times `jifen rank --period 2026Q4 --format csv`
# against `ledger -f J balance Members` (best of REPEAT runs each), prints
# both times and the ratio, and checks that the per-member totals are equal.
set -euo pipefail

N=${N:-1000000}
MEMBERS=${MEMBERS:-2000}
REPEAT=${REPEAT:-3}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
JIFEN=${JIFEN:-$ROOT/target/release/jifen}
WORK=${WORK:-$(mktemp -d -t jifen-peer.XXXXXX)}
mkdir -p "$WORK"

if ! command -v ledger >/dev/null 2>&1; then
    echo "installing ledger (Debian package ledger)..." >&2
    if [ "$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi
    $SUDO apt-get install -y -q ledger >/dev/null || {
        $SUDO apt-get update -q >/dev/null && $SUDO apt-get install -y -q ledger >/dev/null
    }
fi
if [ -z "${JIFEN_PREBUILT:-}" ]; then
    (cd "$ROOT" && cargo build --release --quiet --bin jifen)
fi

echo "work dir: $WORK"
echo "machine:  $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
echo "jifen:    $("$JIFEN" --version)"
echo "ledger:   $(ledger --version | head -1)"

# ---- generate ----------------------------------------------------------------
t0=$(date +%s.%N)
python3 - "$WORK" "$N" "$MEMBERS" <<'PY'
import random, sys, os
work, n, m = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rnd = random.Random(20261001)
surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
given = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍建国红梅鹏飞宇浩然欣怡子涵雨轩思远"
names = []
seen = set()
while len(names) < m:
    nm = rnd.choice(surnames) + rnd.choice(given) + rnd.choice(given)
    if nm in seen:
        nm = f"{nm}{len(names)}"
        if nm in seen:
            continue
    seen.add(nm)
    names.append(nm)
with open(os.path.join(work, "members.csv"), "w", encoding="utf-8") as f:
    f.write("name,category,tier,group\n")
    for i, nm in enumerate(names):
        f.write(f"{nm},full,,第{i % 12 + 1}小组\n")
with open(os.path.join(work, "claims.csv"), "w", encoding="utf-8") as c, \
     open(os.path.join(work, "journal.ledger"), "w", encoding="utf-8") as j:
    c.write("member,item,level,count,points,date,note,period,verdict\n")
    for nm in names:
        j.write(f"2026-10-01 opening {nm}\n    Members:{nm}  100\n    Points:Base\n\n")
    for i in range(n):
        nm = names[i % m]
        day = 1 + rnd.randrange(92)
        month, d = (10, day) if day <= 31 else ((11, day - 31) if day <= 61 else (12, day - 61))
        date = f"2026-{month:02d}-{d:02d}"
        if rnd.random() < 0.75:
            item, pts = "bonus.contribution", rnd.randint(1, 5)
            signed = pts
        else:
            item, pts = "deduction.violation", rnd.randint(1, 3)
            signed = -pts
        c.write(f"{nm},{item},,1,{pts},{date},c{i},2026Q4,approved\n")
        j.write(f"{date} c{i}\n    Members:{nm}  {signed}\n    Points:Source\n\n")
PY
t1=$(date +%s.%N)
printf 'generated %d claims over %d members in %.1f s\n' "$N" "$MEMBERS" "$(echo "$t1 - $t0" | bc)"

# ---- import into jifen ----------------------------------------------------------
DB=$WORK/peer.sqlite
rm -f "$DB" "$DB-wal" "$DB-shm"
"$JIFEN" --db "$DB" --branch 对比支部 init --scheme village-quarterly >/dev/null
"$JIFEN" --db "$DB" period open 2026Q4 >/dev/null
"$JIFEN" --db "$DB" member import "$WORK/members.csv" >/dev/null
t0=$(date +%s.%N)
"$JIFEN" --db "$DB" claim import "$WORK/claims.csv" >/dev/null
t1=$(date +%s.%N)
imp=$(echo "$t1 - $t0" | bc)
printf 'jifen claim import: %.2f s (%.0f claims/s)\n' "$imp" "$(echo "$N / $imp" | bc -l)"

# ---- time both -------------------------------------------------------------------
best() { # best wall time in seconds of REPEAT runs of "$@", output to $OUT
    local b=""
    for _ in $(seq "$REPEAT"); do
        local s e d
        s=$(date +%s.%N)
        "$@" >"$OUT"
        e=$(date +%s.%N)
        d=$(echo "$e - $s" | bc -l)
        if [ -z "$b" ] || [ "$(echo "$d < $b" | bc -l)" = 1 ]; then b=$d; fi
    done
    echo "$b"
}
tj=$(OUT=$WORK/jifen-rank.csv best "$JIFEN" --db "$DB" rank --period 2026Q4 --format csv)
tl=$(OUT=$WORK/ledger-balance.txt best ledger -f "$WORK/journal.ledger" balance Members --flat --no-total)

printf 'jifen rank --period 2026Q4 --format csv: %8.3f s\n' "$tj"
printf 'ledger -f J balance Members:              %8.3f s\n' "$tl"
printf 'ratio (ledger / jifen):                   %8.1f x\n' "$(echo "$tl / $tj" | bc -l)"

# ---- compare totals ------------------------------------------------------------------
python3 - "$WORK/jifen-rank.csv" "$WORK/ledger-balance.txt" "$MEMBERS" <<'PY'
import csv, sys, re
jf, lf, m = sys.argv[1], sys.argv[2], int(sys.argv[3])
def norm(x):
    x = float(x.replace(",", ""))
    return int(x) if x == int(x) else round(x, 6)
j = {r["member"]: norm(r["score"]) for r in csv.DictReader(open(jf, encoding="utf-8"))}
l = {}
for line in open(lf, encoding="utf-8"):
    mm = re.match(r"^\s*(-?[\d,.]+)\s+Members:(.+?)\s*$", line)
    if mm:
        l[mm.group(2)] = norm(mm.group(1))
diff = [k for k in set(j) | set(l) if j.get(k) != l.get(k)]
print(f"members: jifen {len(j)}, ledger {len(l)}; sum jifen {sum(j.values())}, ledger {sum(l.values())}")
if len(j) == m and not diff:
    print("per-member totals: IDENTICAL")
else:
    print(f"per-member totals: DIFFER for {len(diff)} members, e.g. " +
          ", ".join(f"{k}: jifen {j.get(k)} ledger {l.get(k)}" for k in sorted(diff)[:5]))
    sys.exit(1)
PY
