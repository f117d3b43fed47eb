"""Runs `dipgraph extract --records` through Spark's RDD.pipe in local mode, merges the
shards, and compares the result with a single-machine build (byte for byte)."""

import filecmp
import glob
import os
import subprocess
import sys

from pyspark import SparkConf, SparkContext

PARTITIONS = 4


def run(*args):
    subprocess.run(args, check=True)


def main():
    binary, work = sys.argv[1], os.path.abspath(sys.argv[2])
    corpus = os.path.join(work, "corpus.jsonl")
    conf = (
        SparkConf()
        .setMaster("local[2]")
        .setAppName("dipgraph-extract")
        .set("spark.ui.enabled", "false")
        .set("spark.driver.host", "127.0.0.1")
        .set("spark.ui.showConsoleProgress", "false")
    )
    sc = SparkContext(conf=conf)
    sc.setLogLevel("ERROR")
    try:
        lines = sc.textFile("file://" + corpus, minPartitions=PARTITIONS)
        parts = lines.getNumPartitions()
        records = lines.pipe(f"{binary} -q extract --records -")
        shards = os.path.join(work, "shards")
        records.saveAsTextFile("file://" + shards)
    finally:
        sc.stop()
    files = sorted(glob.glob(os.path.join(shards, "part-*")))
    print(f"spark: {parts} partitions, {len(files)} shards of records")
    assert parts >= 2, "the corpus was not split"

    # Each shard becomes a store, the stores are merged, and the merge exported.
    stores = []
    for i, f in enumerate(files):
        db = os.path.join(work, f"shard-{i}.db")
        run(binary, "-q", "merge", f, "--out", db)
        stores.append(db)
    merged = os.path.join(work, "merged.json")
    run(binary, "-q", "merge", *reversed(stores), "--out", merged)

    single = os.path.join(work, "single.db")
    run(binary, "-q", "--store", single, "build", "--no-export", corpus)
    single_json = os.path.join(work, "single-store.json")
    run(binary, "-q", "merge", single, "--out", single_json)
    # The build's own export (single.json beside single.db) must be the same bytes too.
    run(binary, "-q", "--store", single, "build", corpus)

    same = filecmp.cmp(merged, single_json, shallow=False)
    same_build = filecmp.cmp(merged, os.path.join(work, "single.json"), shallow=False)
    size = os.path.getsize(merged)
    print(f"spark: merged graph {size} bytes; identical to a single-machine build: {same and same_build}")
    if not (same and same_build):
        sys.exit("spark: the merged shards differ from a single-machine build")


if __name__ == "__main__":
    main()
