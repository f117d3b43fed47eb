#!/usr/bin/env bash
# Regenerates data/model/weights.tsv, the scorer shipped in the binary, from the annotated
# documents of ../shared/eval (gold and silver) — deterministic: same data, same bytes.
# Held-out documents are not in these files and are never read.
set -euo pipefail
cd "$(dirname "$0")/.."
S=${SHARED:-../shared}
E=$S/eval
cargo run --release --quiet -- train --out data/model/weights.tsv \
  --gold "$E/dev-gold.jsonl" --gold "$E/huffpost-dev-gold.jsonl" \
  --gold "$E/reuters-dev-gold.jsonl+$E/reuters-dev2-gold.jsonl+$E/reuters-dev3-gold.jsonl" \
  --gold "$E/seed-gold.jsonl" --silver "$E/reuters-silver.jsonl" \
  "$E/agnews-world.jsonl" "$E/huffpost-world.jsonl" "$S/corpus/reuters-21578.jsonl" "$E/seed-article.txt"
