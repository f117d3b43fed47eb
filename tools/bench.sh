#!/usr/bin/env bash
# End-to-end benchmark of the dipgraph CLI: MB/s, documents/s and peak memory (from
# /usr/bin/time) of extract, build (fresh, incremental with 1% new documents, with exports)
# and query, medians of several runs, beside the `rg -c -i` floor for the same bytes.
#
#   tools/bench.sh                 # 100 MB and 1 GB generated corpora, plus Reuters x3 if present
#   SIZES="100" RUNS=5 tools/bench.sh
#
# Corpora are generated with `dipgraph bench-corpus` under target/bench (about 870 bytes per
# document); the real corpus is ../shared/corpus/reuters-21578.jsonl three times over.
# Prints one markdown table; say what the machine was doing when you quote it (`uptime`).
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=${SIZES:-"100 1000"}
RUNS=${RUNS:-3}
work=target/bench
mkdir -p "$work"
cargo build --release --quiet
bin=$(pwd)/target/release/dipgraph
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (Debian package 'time')" >&2; exit 1; }
have_rg=$(command -v rg || true)
cues='accus|denie|deny|reject|dismiss|condemn|critici|warn|threat|urge|urging|demand|prais|support'

# measure OUT CMD...: runs CMD once, appends "seconds peak_kb" to OUT.
measure() {
  local out=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/time.$$" "$@" >/dev/null 2>"$work/err.$$" || {
    echo "failed: $*" >&2; cat "$work/err.$$" >&2; exit 1; }
  cat "$work/time.$$" >> "$out"
}

# median FILE: median seconds and the largest peak memory (MB) of the runs in FILE.
median() {
  sort -n "$1" | awk '{ t[NR] = $1; if ($2 > m) m = $2 } END {
    med = (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2;
    printf "%.3f %.0f\n", med, m / 1024 }'
}

row() { # row NAME FILE BYTES DOCS STAT
  local name=$1 file=$2 bytes=$3 docs=$4 s m
  read -r s m < <(median "$5")
  awk -v n="$name" -v f="$file" -v b="$bytes" -v d="$docs" -v s="$s" -v m="$m" 'BEGIN {
    if (s < 0.001) s = 0.001
    printf "| %s | %s | %.1f MB | %.3f s | %.1f MB/s | %.0f docs/s | %s MB |\n",
      n, f, b / 1e6, s, b / 1e6 / s, d / s, m }'
}

echo "| step | input | size | median time | throughput | documents | peak memory |"
echo "|---|---|---|---|---|---|---|"

corpora=()
for mb in $SIZES; do
  f="$work/syn$mb.jsonl"
  docs=$((mb * 1150))
  [ -f "$f" ] || "$bin" bench-corpus --docs "$docs" --seed 1 --out "$f"
  corpora+=("$f")
done
reuters=../shared/corpus/reuters-21578.jsonl
if [ -f "$reuters" ]; then
  f="$work/reuters-x3.jsonl"
  [ -f "$f" ] || cat "$reuters" "$reuters" "$reuters" > "$f"
  corpora=("$f" "${corpora[@]}")
fi

for f in "${corpora[@]}"; do
  name=$(basename "$f" .jsonl)
  bytes=$(stat -c %s "$f")
  docs=$(wc -l < "$f")
  rm -f "$work"/*.t
  for _ in $(seq "$RUNS"); do measure "$work/extract.t" "$bin" extract "$f"; done
  row extract "$name" "$bytes" "$docs" "$work/extract.t"
  if [ -n "$have_rg" ]; then
    for _ in $(seq "$RUNS"); do measure "$work/rg.t" rg -c -i "$cues" "$f"; done
    row "rg -c -i (floor)" "$name" "$bytes" "$docs" "$work/rg.t"
  fi
  case $name in reuters*) continue ;; esac  # repeated ids: a build would skip two thirds

  store="$work/$name.db"
  for _ in $(seq "$RUNS"); do
    rm -f "$store" "$store"-wal "$store"-shm
    measure "$work/build.t" "$bin" -q --store "$store" build --no-export "$f"
  done
  row "build, fresh (store only)" "$name" "$bytes" "$docs" "$work/build.t"

  # 1% new documents (another seed: other ids) into a copy of the built store.
  extra="$work/$name-1pct.jsonl"
  [ -f "$extra" ] || "$bin" bench-corpus --docs $((docs / 100)) --seed 2 --out "$extra"
  xbytes=$(stat -c %s "$extra")
  for _ in $(seq "$RUNS"); do
    cp "$store" "$store.inc"
    measure "$work/inc.t" "$bin" -q --store "$store.inc" build --no-export "$extra"
  done
  row "build, +1% new documents" "$name" "$xbytes" $((docs / 100)) "$work/inc.t"
  rm -f "$store.inc" "$store.inc"-wal "$store.inc"-shm

  rm -f "$work/$name.json" "$work/$name.dot"
  measure "$work/export.t" "$bin" -q --store "$store" build "$extra"
  row "build, +1% with exports (graph.json, graph.dot)" "$name" "$xbytes" $((docs / 100)) "$work/export.t"

  for _ in $(seq "$RUNS"); do
    measure "$work/q1.t" "$bin" -q --store "$store" query --relation accuses --top 10
  done
  row "query: top 10 accusations" "$name" "$bytes" "$docs" "$work/q1.t"
  for _ in $(seq "$RUNS"); do
    measure "$work/q2.t" "$bin" -q --store "$store" query --source China --evidence --format json
  done
  row "query: all China said, with evidence (JSON)" "$name" "$bytes" "$docs" "$work/q2.t"
done
rm -f "$work/time.$$" "$work/err.$$"
echo
echo "machine: $(nproc) cores, $(uptime | sed 's/.*load average/load average/')"
