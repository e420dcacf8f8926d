"""Times khronika's command line as a pipeline runs it, the whole process (start-up, JSON in
and out, analysis) on one thread; prints one TSV line, as peer.py does:

    python3 cli.py BINARY CORPUS.jsonl

The output goes to /dev/null, so the figure is the program's own; `found` is the number of
mentions, counted in a second run.
"""
import json
import subprocess
import sys
import time

binary, corpus = sys.argv[1], sys.argv[2]
docs = chars = size = 0
with open(corpus, encoding="utf-8") as f:
    for line in f:
        if line.strip():
            text = json.loads(line)["text"]
            docs += 1
            chars += len(text)
            size += len(text.encode("utf-8"))
with open(corpus, "rb") as stdin, open("/dev/null", "wb") as devnull:
    start = time.perf_counter()
    subprocess.run([binary, "--jsonl"], stdin=stdin, stdout=devnull, check=True)
    seconds = time.perf_counter() - start
with open(corpus, "rb") as stdin:
    out = subprocess.run([binary, "--jsonl"], stdin=stdin, capture_output=True, check=True).stdout
found = out.count(b'"byte_start":')
print(f"khronika CLI --jsonl\t{docs}\t{chars}\t{size}\t{seconds:.6f}\t{found}")
