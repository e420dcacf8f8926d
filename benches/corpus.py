#!/usr/bin/env python3
"""Writes khronika's benchmark corpus: deterministic Russian news articles as JSONL.

The same templates (benches/common/templates.txt) and the same SplitMix64 generator as
benches/common/mod.rs, so the bytes are identical to what the Rust benches generate.

    python3 benches/corpus.py --mb 150 > target/corpus.jsonl
    python3 benches/corpus.py --mb 5 --seed 7 --format text > target/corpus.txt

One line per article: {"id": "n0000001", "date": "2020-03-20", "text": "..."}.
--format text writes the article texts only, separated by blank lines.
Standard library only.
"""

import argparse
import json
import os
import sys

MASK = (1 << 64) - 1
TEMPLATES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "common", "templates.txt")


class Rng:
    def __init__(self, seed):
        self.state = seed & MASK

    def next_u64(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def below(self, n):
        return self.next_u64() % n


def parse(src):
    slots, current = {}, None
    for line in src.splitlines():
        line = line.rstrip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("@"):
            head = line[1:]
            if " = " in head:
                name, rng = head.split(" = ", 1)
                a, b = rng.split("..", 1)
                slots[name.strip()] = (int(a), int(b))
                current = None
            else:
                slots[head] = []
                current = head
            continue
        if current is None:
            raise SystemExit("templates.txt: a line outside a list: " + line)
        slots[current].append(line)
    return slots


class Generator:
    def __init__(self, seed):
        self.rng = Rng(seed)
        with open(TEMPLATES, encoding="utf-8") as f:
            self.slots = parse(f.read())
        self.count = 0

    def expand(self, name, out):
        slot = self.slots[name]
        if isinstance(slot, tuple):
            a, b = slot
            out.append(str(a + self.rng.below(b - a + 1)))
            return
        rest = slot[self.rng.below(len(slot))]
        while "{" in rest:
            open_ = rest.index("{")
            out.append(rest[:open_])
            close = rest.index("}", open_)
            self.expand(rest[open_ + 1 : close], out)
            rest = rest[close + 1 :]
        out.append(rest)

    def article(self):
        year = 2020 + self.rng.below(2)
        month = 1 + self.rng.below(12)
        day = 1 + self.rng.below(28)
        out = []
        self.expand("headline", out)
        for _ in range(2 + self.rng.below(5)):
            out.append("\n")
            sentences = 2 + self.rng.below(3)
            for s in range(sentences):
                if s > 0:
                    out.append(" ")
                self.expand("sentence", out)
        self.count += 1
        return {"id": "n%07d" % self.count, "date": "%04d-%02d-%02d" % (year, month, day), "text": "".join(out)}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=10.0, help="stop after this many MB (10^6 bytes) of article text")
    ap.add_argument("--seed", type=int, default=2020, help="generator seed (the Rust benches use 2020)")
    ap.add_argument("--format", choices=["jsonl", "text"], default="jsonl")
    ap.add_argument("-o", "--output", help="file to write (default: standard output)")
    args = ap.parse_args()
    out = open(args.output, "w", encoding="utf-8", newline="\n") if args.output else sys.stdout
    gen = Generator(args.seed)
    limit, total, first = int(args.mb * 1_000_000), 0, True
    while total < limit:
        a = gen.article()
        total += len(a["text"].encode("utf-8"))
        if args.format == "jsonl":
            out.write(
                '{"id": %s, "date": %s, "text": %s}\n'
                % tuple(json.dumps(a[k], ensure_ascii=False) for k in ("id", "date", "text"))
            )
        else:
            if not first:
                out.write("\n\n")
            out.write(a["text"])
            first = False
    if args.format == "text":
        out.write("\n")
    out.flush()


if __name__ == "__main__":
    try:
        main()
    except BrokenPipeError:
        # The reader went away (`| head`): end quietly, as the CLI does.
        sys.stderr.close()
        sys.exit(1)
