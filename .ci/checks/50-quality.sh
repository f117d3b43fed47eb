#!/usr/bin/env bash
# Quality check of .ci/run: when ../shared is present, the extraction quality figures,
# failing below the floors of quality-floor.toml.
set -euo pipefail
cd "$(dirname "$0")/../.."

shared=../shared
if [ ! -f "$shared/eval/dev-gold.jsonl" ]; then
  echo "../shared not present: skipping the dev-set quality check"
  exit 0
fi
bin=target/release/dipgraph
cargo build --release --quiet
floor() { grep -E "^$1 *=" quality-floor.toml | sed 's/.*= *//'; }
failed=0
# check NAME GOLD INPUT: prints the eval summary and compares its family F1 with the floor.
check() {
  local name=$1 gold=$2 input=$3 out f1 min
  [ -f "$gold" ] && [ -f "$input" ] || { echo "-- $name: data not present, skipped"; return; }
  out=$("$bin" eval --gold "$gold" "$input")
  min=$(floor "$name")
  echo "-- $name (floor $min)"
  echo "$out" | tail -n 2
  f1=$(echo "$out" | awk '/^family/ {for (i = 1; i <= NF; i++) if ($i == "f1") print $(i + 1)}')
  if awk -v f="$f1" -v m="$min" 'BEGIN { exit !(f + 0 < m + 0) }'; then
    echo "quality floor broken: $name family F1 $f1 < $min" >&2
    failed=1
  fi
}
echo "== dev-set quality (floors in quality-floor.toml) =="
check seed_family_f1 "$shared/eval/seed-gold.jsonl" "$shared/eval/seed-article.txt"
check short_news_family_f1 "$shared/eval/dev-gold.jsonl" "$shared/eval/agnews-world.jsonl"
check long_articles_family_f1 "$shared/eval/reuters-dev-gold.jsonl" "$shared/corpus/reuters-21578.jsonl"
exit $failed
