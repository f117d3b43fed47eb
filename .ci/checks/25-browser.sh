#!/usr/bin/env bash
# Browser check of .ci/run: Debian's Chromium, driven by Playwright (playwright-core from
# npm, pointed at /usr/bin/chromium), loads the HTML report of the samples, clicks an actor
# and an arrow and checks the evidence shown; then measures how long reports with 8,000+
# edges (an invented corpus) and of the Reuters corpus (when ../shared is there) take to
# become usable. Prints "skipped: why" when Chromium or Playwright cannot be installed.
set -uo pipefail
cd "$(dirname "$0")/../.."

work=target/browser
bin=target/release/dipgraph
cargo build --release --quiet || exit 1
mkdir -p "$work"

if ! command -v chromium >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  apt-get update -qq >/dev/null 2>&1
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null 2>&1
fi
if ! command -v chromium >/dev/null 2>&1; then
  echo "skipped: Debian's chromium could not be installed (apt-get install chromium)"
  exit 0
fi
if ! command -v node >/dev/null 2>&1; then
  echo "skipped: node is not installed, so Playwright cannot run"
  exit 0
fi
if [ ! -d "$work/node_modules/playwright-core" ] &&
  ! npm install --silent --no-audit --no-fund --prefix "$work" playwright-core@1 >/dev/null 2>&1; then
  echo "skipped: playwright-core could not be installed from npm"
  exit 0
fi
echo "$(chromium --version 2>/dev/null), playwright-core $(node -p "require('./$work/node_modules/playwright-core/package.json').version")"

$bin --graph "$work/samples.json" -q build data/samples/ --dot - || exit 1
$bin --graph "$work/samples.json" -q report --out "$work/samples.html" || exit 1
$bin --graph "$work/samples.json" -q report --renderer builtin --out "$work/samples-builtin.html" || exit 1
python3 .ci/checks/browser/synthetic.py "$work/synthetic.jsonl" || exit 1
$bin --graph "$work/synthetic.json" -q build "$work/synthetic.jsonl" --dot - || exit 1
$bin --graph "$work/synthetic.json" -q report --out "$work/synthetic.html" || exit 1
large=("$work/synthetic.html")
reuters=../shared/corpus/reuters-21578.jsonl
if [ -f "$reuters" ]; then
  $bin --graph "$work/reuters.json" -q build "$reuters" --dot - || exit 1
  $bin --graph "$work/reuters.json" -q report --out "$work/reuters.html" || exit 1
  large+=("$work/reuters.html")
else
  echo "(../shared not present: the Reuters report is not measured)"
fi
echo "== the report with the diagram drawn without Graphviz =="
NODE_PATH="$PWD/$work/node_modules" node .ci/checks/browser/report.test.js "$work/samples-builtin.html" || exit 1
echo "== the report with Graphviz's diagram (when installed), and large reports =="
NODE_PATH="$PWD/$work/node_modules" node .ci/checks/browser/report.test.js "$work/samples.html" "${large[@]}"
