#!/usr/bin/env bash
# Quality check of .ci/run: when ../shared is present, the cross-validated extraction figures
# (5 folds by document hash; for each fold the scorer is trained on the other folds only),
# failing below the floors of quality-floor.toml. The seed article is scored with the shipped
# model (it is one document: cross-validation would score it with a model that never saw its
# kind of text, and it is also in the training data of the shipped model).
set -euo pipefail
cd "$(dirname "$0")/../.."

shared=../shared
E=$shared/eval
if [ ! -f "$E/dev-gold.jsonl" ]; then
  echo "skipped: ../shared not present, no quality figures"
  exit 0
fi
bin=target/release/dipgraph
cargo build --release --quiet
floor() { grep -E "^$1 *=" quality-floor.toml | sed 's/.*= *//'; }
failed=0
# below NAME VALUE: fails the check when VALUE is under the floor NAME.
below() {
  local min
  min=$(floor "$1")
  echo "   $1 = $2 (floor $min)"
  if awk -v f="$2" -v m="$min" 'BEGIN { exit !(f + 0 < m + 0) }'; then
    echo "quality floor broken: $1 $2 < $min" >&2
    failed=1
  fi
}
out=$("$bin" eval --folds 5 \
  --gold "$E/dev-gold.jsonl" --gold "$E/huffpost-dev-gold.jsonl" \
  --gold "$E/reuters-dev-gold.jsonl+$E/reuters-dev2-gold.jsonl+$E/reuters-dev3-gold.jsonl" \
  --silver "$E/reuters-silver.jsonl" \
  "$E/agnews-world.jsonl" "$E/huffpost-world.jsonl" "$shared/corpus/reuters-21578.jsonl")
echo "$out" | grep -Ev '^fold [1-9]'
# value CORPUS FIELD: the mean-over-folds figure of one corpus block ("family f1", "exact precision").
value() {
  echo "$out" | awk -v c="$1" -v line="$2" -v key="$3" '
    /^== / { inblock = index($0, c) > 0 }
    inblock && $1 == line { for (i = 1; i <= NF; i++) if ($i == key) { print $(i + 1); exit } }'
}
echo "== cross-validated quality (floors in quality-floor.toml) =="
below short_news_ag_family_f1 "$(value dev-gold family f1)"
below short_news_huffpost_family_f1 "$(value huffpost-dev-gold family f1)"
below long_articles_family_f1 "$(value reuters-dev-gold family f1)"
below short_news_ag_exact_precision "$(value dev-gold exact precision)"
below short_news_huffpost_exact_precision "$(value huffpost-dev-gold exact precision)"
below long_articles_exact_precision "$(value reuters-dev-gold exact precision)"
seed=$("$bin" eval --gold "$E/seed-gold.jsonl" "$E/seed-article.txt" | awk '/^family/ {for (i = 1; i <= NF; i++) if ($i == "f1") print $(i + 1)}')
below seed_family_f1 "$seed"
exit $failed
