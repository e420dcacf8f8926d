"""examples/cases_over_time.py on a small corpus written here."""

import json
import pathlib
import subprocess
import sys

EXAMPLE = pathlib.Path(__file__).resolve().parent.parent / "examples" / "cases_over_time.py"


def test_cases_over_time_prints_one_line_per_day(tmp_path):
    docs = [
        {"id": "a", "date": "2020-03-20", "text": "Вчера в Таразе выявлено 4 новых случая коронавируса."},
        {"id": "b", "date": "2020-03-19", "text": "Сегодня в Таразе выявили 4 новых случая заражения."},
        {"id": "c", "date": "2020-03-23", "text": "Вчера в Семее выявлено 9 новых случаев коронавируса."},
    ]
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("\n".join(json.dumps(d, ensure_ascii=False) for d in docs) + "\nnot json\n", encoding="utf-8")
    out = subprocess.run(
        [sys.executable, str(EXAMPLE), str(corpus), "--plot", str(tmp_path / "plot.png")],
        capture_output=True, text=True, check=True,
    )
    assert out.stdout.splitlines() == ["2020-03-19\t4\tnew", "2020-03-22\t9\tnew"]
    assert "4 documents, 1 unreadable" in out.stderr
