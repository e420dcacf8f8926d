"""khronika.merge: the library's corpus timeline of many records."""

import json

import pytest

import khronika

DOCS = [
    {"id": "kz-a", "date": "2020-03-17", "text": "Вчера в Караганде выявлено 5 случаев заражения коронавирусом."},
    {"id": "kz-b", "date": "2020-03-16", "text": "В Караганде сегодня выявили 5 случаев коронавируса."},
    {"id": "kz-c", "date": "2020-03-20", "text": "С 22 марта в Алматы закрываются торговые центры. Вчера в Алматы выявлено 12 случаев."},
    {"date": "2020-03-21", "text": "Торговые центры Алматы закроют с 22 марта."},
    {"date": "2020-03-21", "text": "Пресс-служба акимата сообщила подробности."},
]


def jsonl(docs):
    return "\n".join(json.dumps(d, ensure_ascii=False) for d in docs).encode()


def test_reports_of_one_happening_become_one_event_with_every_source():
    merged = khronika.merge(khronika.analyze_many(DOCS[:2]))
    assert set(merged) == {"events", "undated"}
    (event,) = merged["events"]
    assert event["when"] == "2020-03-16"
    assert "cases" in event["kinds"]
    assert sorted(s["doc"] for s in event["sources"]) == ["kz-a", "kz-b"]


def test_merge_is_the_library_corpus_merge_of_the_same_lines():
    expected, errors = khronika._khronika.corpus_merge(jsonl(DOCS))
    assert errors == []
    assert khronika.merge(khronika.analyze_many(DOCS, jobs=2)) == json.loads(expected)


def test_documents_without_ids_are_numbered_by_position():
    merged = khronika.merge(khronika.analyze_many(DOCS))
    docs = {s["doc"] for e in merged["events"] for s in e["sources"]}
    assert {"kz-a", "kz-b", "kz-c", "#4"} <= docs
    assert merged["undated"][0]["doc"] == "#5"


def test_error_records_are_skipped_but_keep_their_place():
    docs = [DOCS[0], {"id": "broken", "date": "2020-02-31", "text": "x"}, DOCS[3]]
    records = list(khronika.analyze_many(docs))
    assert "error" in records[1]
    expected, errors = khronika._khronika.corpus_merge(jsonl(docs))
    assert len(errors) == 1 and json.loads(errors[0])["id"] == "broken"
    merged = khronika.merge(records)
    assert merged == json.loads(expected)
    assert "#3" in {s["doc"] for e in merged["events"] for s in e["sources"]}


def test_merge_is_order_independent():
    records = list(khronika.analyze_many(DOCS[:3]))
    assert khronika.merge(records) == khronika.merge(reversed(records))


def test_one_record_merged_is_its_own_timeline():
    record = khronika.analyze(DOCS[2]["text"], DOCS[2]["date"], id="kz-c")
    merged = khronika.merge([record])
    assert [e["when"] for e in merged["events"]] == [e["when"] for e in record["events"]]
    assert [e["text"] for e in merged["events"]] == [e["text"] for e in record["events"]]


def test_merge_of_nothing_is_empty():
    assert khronika.merge([]) == {"events": [], "undated": []}


def test_a_record_read_back_from_json_cannot_be_merged():
    record = khronika.analyze(DOCS[0]["text"], DOCS[0]["date"])
    with pytest.raises(khronika.Error, match="item 1 is not a record made by khronika"):
        khronika.merge([json.loads(json.dumps(record))])
    with pytest.raises(khronika.Error, match="item 2"):
        khronika.merge([record, DOCS[1]])
    with pytest.raises(TypeError, match="item 1"):
        khronika.merge(["record"])


def test_merged_parts_merge_again_into_the_merge_of_the_whole():
    docs = [dict(d, id=d.get("id", f"doc-{k}")) for k, d in enumerate(DOCS)]
    whole = khronika.merge(khronika.analyze_many(docs))
    first = khronika.merge(khronika.analyze_many(docs[:2]))
    second = khronika.merge(khronika.analyze_many(docs[2:]))
    assert khronika.merge([first, second]) == whole
    assert khronika.merge([second, first]) == whole
    # A part read back from its JSON text, mixed with records.
    part = json.loads(json.dumps(first, ensure_ascii=False))
    assert khronika.merge([part, *khronika.analyze_many(docs[2:])]) == whole
    # Merging a merged timeline alone changes nothing.
    assert khronika.merge([whole]) == whole


def test_a_merged_timeline_that_khronika_did_not_write_is_an_error():
    with pytest.raises(khronika.Error, match="item 2: not a merged timeline"):
        khronika.merge([{"events": [], "undated": []}, {"events": [{"when": "2020-13"}], "undated": []}])
