"""A JSONL corpus merged into one timeline on Apache Spark, as a map and a reduce.

    python python/examples/spark_pipe.py CORPUS.jsonl OUT.json [--timeline PATH]
        [--master local[2]] [--partitions N] [--parts DIR] [--driver-memory 2g] [--check]

Each line of CORPUS.jsonl is a document `{"id": ..., "date": "YYYY-MM-DD", "text": ...}`.

- map: every partition of the corpus's lines is piped (`RDD.pipe`) through the `timeline`
  command, `timeline --jsonl - --errors-ok --merge --format json`, which writes the
  partition's merged timeline; each is saved as one part file, DIR/part-NNNNN.
- reduce: `timeline --merge --format json DIR/part-*` reads the partitions' merged
  timelines back and merges them into OUT.json.

The merge is associative and reads back what it wrote, so OUT.json is, byte for byte, what
`timeline --jsonl --merge --format json < CORPUS.jsonl` writes (`--check` runs that too and
compares), provided no two lines give the same id. A line without an id is given `"#N"`, N
its line number, which is the id the one-shot run gives it (the partitions count their lines
from 1, so without it two documents of different partitions would be taken for one);
`--ids-given` skips that pass when every line has an id.

Needs pyspark (`pip install pyspark`, with Java 17) and the command:
`cargo install --path . --example timeline`, or `cargo build --release --example timeline`
and `--timeline target/release/examples/timeline`. docs/scale.md has the figures of a run.
"""

from __future__ import annotations

import argparse
import filecmp
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time


def with_id(pair: tuple[str, int]) -> str:
    """The line, with the id `#N` (N its 1-based number) when it is an object with none.

    The id is added at the end of the object (of a repeated key the last counts), so the
    rest of the line is passed on as it was written. A line that is not a JSON object is
    passed on as it is, to get its error record."""
    line, index = pair
    try:
        doc = json.loads(line)
    except ValueError:
        return line
    if not isinstance(doc, dict) or not doc or doc.get("id") is not None:
        return line
    return line.rstrip()[:-1] + ', "id": "#%d"}' % (index + 1)


def run_reduce(command: list[str]) -> tuple[float, int]:
    """Runs the reduce; its wall time in seconds and its peak memory in MB."""
    started = time.perf_counter()
    child = subprocess.Popen(command)
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        sys.exit(f"the reduce failed (exit {child.returncode}): {' '.join(command)}")
    return time.perf_counter() - started, usage.ru_maxrss // 1024


def count(path: str) -> dict[str, int]:
    """Events, their sources and the undated sentences of a merged timeline as
    `--format json` lays it out (two spaces an indent: an event's first key `"when"` six
    spaces in, a source's `"doc"` ten, an undated sentence's `"doc"` six), read a line at
    a time rather than parsed whole."""
    n = {"events": 0, "sources": 0, "undated": 0}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith('      "when": '):
                n["events"] += 1
            elif line.startswith('          "doc": '):
                n["sources"] += 1
            elif line.startswith('      "doc": '):
                n["undated"] += 1
    return n


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("corpus", help="the JSONL corpus")
    p.add_argument("output", help="the merged timeline (JSON) to write")
    p.add_argument("--timeline", default=shutil.which("timeline") or "target/release/examples/timeline")
    p.add_argument("--master", default="local[2]")
    p.add_argument("--partitions", type=int, default=None, help="at least this many partitions")
    p.add_argument("--parts", default=None, help="a new directory for the part files (default: a temporary one)")
    p.add_argument("--driver-memory", default="2g")
    p.add_argument("--ids-given", action="store_true", help="every line has an id: number none")
    p.add_argument("--check", action="store_true", help="also run the one-shot merge and compare")
    args = p.parse_args()

    timeline = os.path.abspath(args.timeline)
    if not os.access(timeline, os.X_OK):
        sys.exit(f"{timeline}: no timeline command there (--timeline PATH)")
    if args.parts is not None:
        run(args, timeline, args.parts)
        return
    scratch = tempfile.mkdtemp(prefix="khronika-spark-")
    try:
        run(args, timeline, os.path.join(scratch, "parts"))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def run(args: argparse.Namespace, timeline: str, parts: str) -> None:
    """The map on Spark into the directory `parts`, the reduce into `args.output`, the
    figures on stderr; with `args.check`, the one-shot run and the comparison."""
    from pyspark import SparkConf, SparkContext

    conf = SparkConf().setMaster(args.master).setAppName("khronika-merge")
    conf.set("spark.driver.memory", args.driver_memory).set("spark.ui.enabled", "false")
    sc = SparkContext(conf=conf)
    sc.setLogLevel("ERROR")
    try:
        started = time.perf_counter()
        lines = sc.textFile(os.path.abspath(args.corpus), minPartitions=args.partitions)
        if not args.ids_given:
            lines = lines.zipWithIndex().map(with_id)
        # The map: one merged timeline per partition (error records go to the workers' stderr).
        command = f"{timeline} --jsonl - --errors-ok --merge --format json"
        lines.pipe(command).saveAsTextFile("file://" + os.path.abspath(parts))
        mapped = time.perf_counter() - started
        partitions = lines.getNumPartitions()
    finally:
        sc.stop()

    # The reduce: the partitions' timelines merged again.
    part_files = sorted(glob.glob(os.path.join(parts, "part-*")))
    reduce_s, reduce_mb = run_reduce([timeline, "--merge", "--format", "json", "-o", args.output, *part_files])
    with open(args.corpus, "rb") as f:
        lines_read = sum(1 for _ in f)
    n = count(args.output)
    part_mb = sum(os.path.getsize(f) for f in part_files) / 1e6
    print(
        f"{lines_read} lines (documents) in {partitions} partitions: map {mapped:.1f} s (parts {part_mb:.0f} MB), "
        f"reduce {reduce_s:.1f} s ({reduce_mb} MB peak); {n['events']} events after the merge, "
        f"{n['sources']} sources, {n['undated']} undated sentences; {args.output} "
        f"{os.path.getsize(args.output) / 1e6:.0f} MB",
        file=sys.stderr,
    )
    if args.check:
        one_shot = args.output + ".one-shot"
        started = time.perf_counter()
        with open(args.corpus, "rb") as corpus:
            cmd = [timeline, "--jsonl", "--errors-ok", "--merge", "--format", "json", "-o", one_shot]
            subprocess.run(cmd, stdin=corpus, check=True)
        took = time.perf_counter() - started
        same = filecmp.cmp(one_shot, args.output, shallow=False)
        print(f"one-shot --jsonl --merge: {took:.1f} s; identical to the Spark result: {same}", file=sys.stderr)
        if not same:
            sys.exit(1)


if __name__ == "__main__":
    main()
