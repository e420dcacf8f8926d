"""Times one Python date tagger on a khronika corpus file; prints one TSV line.

    peer.py SYSTEM CORPUS.jsonl MAX_BYTES MAX_SECONDS

SYSTEM is `dateparser` (dateparser.search.search_dates, Russian, relative to the
publication date) or `natasha` (natasha.DatesExtractor). The documents are taken in order
until MAX_BYTES of text or MAX_SECONDS have gone by; the line is
`system docs chars bytes seconds found` (seconds of extraction only: imports, model
loading and one warm-up document are not counted). Run by benches/peers.sh.
"""

import datetime
import json
import sys
import time
from importlib.metadata import version


def runner(system):
    if system == "dateparser":
        from dateparser.search import search_dates

        def run(doc):
            base = datetime.datetime.fromisoformat(doc["date"])
            found = search_dates(doc["text"], languages=["ru"], settings={"RELATIVE_BASE": base})
            return len(found or [])

        return run
    if system == "natasha":
        from natasha import DatesExtractor, MorphVocab

        extractor = DatesExtractor(MorphVocab())
        return lambda doc: sum(1 for _ in extractor(doc["text"]))
    raise SystemExit("unknown system " + system)


def main():
    system, path, max_bytes, budget = sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4])
    with open(path, encoding="utf-8") as f:
        docs = [json.loads(line) for line in f if line.strip()]
    run = runner(system)
    run(docs[0])  # warm-up: language data and grammars load on first use
    n = chars = size = found = 0
    start = time.perf_counter()
    for doc in docs:
        if size >= max_bytes or time.perf_counter() - start > budget:
            break
        found += run(doc)
        n += 1
        chars += len(doc["text"])
        size += len(doc["text"].encode("utf-8"))
    seconds = time.perf_counter() - start
    print(f"{system} {version(system)}\t{n}\t{chars}\t{size}\t{seconds:.6f}\t{found}")


if __name__ == "__main__":
    main()
