"""Case figures over time from a JSONL corpus of news articles.

    python python/examples/cases_over_time.py CORPUS.jsonl [--jobs N] [--plot cases.png]

Each line of CORPUS.jsonl is a document `{"id": ..., "date": "YYYY-MM-DD", "text": ...}`.
The corpus is analysed (khronika.analyze_many), its timelines merged (khronika.merge: the
same report in several outlets counts once), and for each day an event starts on, the
largest number of cases its events state is printed: `day<TAB>cases<TAB>new|cumulative|-`.
With matplotlib installed the series is also plotted (to the file given by --plot, or to
cases_over_time.png).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Iterator

import khronika


def documents(path: str, bad: list) -> Iterator[dict]:
    """The corpus's documents; a line that is not JSON is passed on as is (and gets an error
    record), so that record `k` answers line `k`."""
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            try:
                yield json.loads(line)
            except ValueError as e:
                bad.append(str(e))
                yield None


def day_of(when: str):
    """The first day of a TIMEX3 value that starts with one (`2020-03-16`, `2020-03-16TMO`,
    `2020-03-16/2020-04-15`), else None (a month, a week, a year)."""
    day = when.split("/", 1)[0][:10]
    return day if len(day) == 10 and day[4] == "-" and day[7] == "-" else None


def series(merged: dict) -> list:
    """For each day, the largest case figure stated, with whether it is new or cumulative."""
    points: dict = {}
    for event in merged["events"]:
        day = day_of(event["when"])
        if day is None:
            continue
        for figure in event.get("figures", []):
            if figure.get("what") != "cases" or figure.get("subset"):
                continue
            best = points.get(day)
            if best is None or figure["value"] > best[0]:
                points[day] = (figure["value"], figure.get("count", "-"))
    return sorted((day, value, count) for day, (value, count) in points.items())


def plot(points: list, out: str) -> bool:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return False
    import datetime

    days = [datetime.date.fromisoformat(d) for d, _, _ in points]
    fig, ax = plt.subplots(figsize=(10, 4))
    ax.plot(days, [v for _, v, _ in points], marker="o", linewidth=1)
    ax.set_title("Cases stated in the corpus, by day")
    ax.set_ylabel("cases")
    fig.autofmt_xdate()
    fig.tight_layout()
    fig.savefig(out)
    return True


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", help="a JSONL file, one {id, date, text} a line")
    parser.add_argument("--jobs", type=int, default=0, help="threads (0: one per core)")
    parser.add_argument("--plot", default="cases_over_time.png", help="where to save the plot")
    args = parser.parse_args()
    bad: list = []
    records = list(khronika.analyze_many(documents(args.corpus, bad), jobs=args.jobs))
    failed = [r for r in records if "error" in r]
    merged = khronika.merge(records)
    points = series(merged)
    for day, value, count in points:
        print(f"{day}\t{value:g}\t{count}")
    print(f"{len(records)} documents, {len(failed)} unreadable, {len(merged['events'])} merged events", file=sys.stderr)
    if points and plot(points, args.plot):
        print(f"plot saved to {args.plot}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
