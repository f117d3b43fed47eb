#!/usr/bin/env bash
# Spark check of .ci/run: `dipgraph extract --records` runs as the mapper of Spark's RDD.pipe
# (local mode, several partitions) over a generated corpus; the shards' records are loaded
# into stores, merged, and the merged graph must be byte-identical to a single-machine build.
# Needs a Java runtime (Debian's default-jre-headless) and PyPI's pyspark in a virtual
# environment under target/; prints "skipped: ..." when they cannot be installed.
set -euo pipefail
cd "$(dirname "$0")/../.."

skip() { echo "skipped: $*"; exit 0; }

if ! command -v java >/dev/null 2>&1; then
  echo "installing Debian's Java runtime (default-jre-headless)"
  if ! { apt-get install -y -q default-jre-headless >/dev/null 2>&1 ||
         { apt-get update -q >/dev/null 2>&1 && apt-get install -y -q default-jre-headless >/dev/null 2>&1; }; }; then
    skip "no Java runtime and apt-get could not install default-jre-headless"
  fi
fi
command -v java >/dev/null 2>&1 || skip "no Java runtime on PATH"

venv=target/spark-venv
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import pyspark" >/dev/null 2>&1; then
  echo "installing pyspark from PyPI into $venv"
  python3 -m venv "$venv" >/dev/null 2>&1 || skip "python3 cannot create a virtual environment"
  "$venv/bin/pip" install -q pyspark >/dev/null 2>&1 || skip "pip could not install pyspark from PyPI"
fi

cargo build --release --quiet
bin=$(pwd)/target/release/dipgraph
work=target/spark
rm -rf "$work"
mkdir -p "$work"
"$bin" bench-corpus --docs 3000 --seed 5 --out "$work/corpus.jsonl"
SPARK_LOCAL_IP=127.0.0.1 "$venv/bin/python" .ci/checks/spark/pipe.py "$bin" "$work" 2> "$work/spark.log" || { tail -n 30 "$work/spark.log" >&2; exit 1; }
