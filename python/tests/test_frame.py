"""khronika.to_frame: records as pandas DataFrames (pandas is optional)."""

import builtins
import subprocess
import sys

import pytest

import khronika

DOCS = [
    {"id": "n1", "date": "2020-04-10", "text": "Вчера в Актобе выявлено 8 случаев. С 13 апреля в Актобе закрыты рынки."},
    {"date": "2020-04-11", "text": "Сегодня в Уральске выписали 3 пациентов."},
    {"id": "bad", "date": "2020-04-31", "text": "x"},
]


def test_events_frame_has_one_row_per_event_with_doc():
    pd = pytest.importorskip("pandas")
    records = list(khronika.analyze_many(DOCS))
    frame = khronika.to_frame(records)
    assert isinstance(frame, pd.DataFrame)
    assert len(frame) == sum(len(r.get("events", [])) for r in records)
    assert list(frame.columns[:3]) == ["doc", "when", "mod"]
    assert set(frame["doc"]) == {"n1", "#2"}
    cases = frame[frame["kinds"].apply(lambda kinds: "cases" in kinds)]
    assert list(cases["when"]) == ["2020-04-09"]
    assert cases.iloc[0]["places"] == ["Актобе"]
    assert cases.iloc[0]["figures"][0]["value"] == 8.0


def test_mentions_frame_has_one_row_per_mention():
    pytest.importorskip("pandas")
    records = list(khronika.analyze_many(DOCS))
    frame = khronika.to_frame(records, what="mentions")
    assert len(frame) == sum(len(r.get("mentions", [])) for r in records)
    assert list(frame.columns) == [
        "doc", "start", "end", "byte_start", "byte_end", "text", "type", "value", "mod", "anchor", "offset",
    ]
    first = frame.iloc[0]
    assert (first["doc"], first["text"], first["value"]) == ("n1", "Вчера", "2020-04-09")


def test_empty_frame_keeps_its_columns():
    pytest.importorskip("pandas")
    frame = khronika.to_frame([])
    assert len(frame) == 0
    assert "doc" in frame.columns


def test_unknown_what_is_an_error():
    with pytest.raises(khronika.Error, match="what must be"):
        khronika.to_frame([], what="sentences")


def test_without_pandas_to_frame_raises_import_error(monkeypatch):
    real_import = builtins.__import__

    def no_pandas(name, *args, **kwargs):
        if name == "pandas" or name.startswith("pandas."):
            raise ImportError("No module named 'pandas'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pandas)
    with pytest.raises(ImportError, match="to_frame needs pandas"):
        khronika.to_frame([])


def test_importing_khronika_does_not_import_pandas():
    code = "import sys, khronika; khronika.analyze('Вчера.', '2020-04-10'); print('pandas' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
