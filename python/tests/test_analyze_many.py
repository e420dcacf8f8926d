"""khronika.analyze_many: records in input order, error records, threads, lazy input."""

import datetime
import itertools
import json

import pytest

import khronika

TEXTS = [
    "Вчера в Шымкенте выявлено {n} новых случаев коронавируса.",
    "С {d} апреля в Костанае закрыты кафе и рестораны.",
    "Режим самоизоляции в Москве продлили до {d} мая.",
    "Сегодня в Атырау выписали {n} пациентов.",
]


def corpus(n):
    """`n` documents, each with its index as its id and a text that names it."""
    for k in range(n):
        text = TEXTS[k % len(TEXTS)].format(n=k + 1, d=k % 27 + 1)
        yield {"id": k, "date": f"2020-04-{k % 28 + 1:02d}", "text": text}


def test_records_come_in_input_order():
    docs = list(corpus(40))
    records = list(khronika.analyze_many(docs, jobs=1))
    assert [r["id"] for r in records] == list(range(40))
    for doc, record in zip(docs, records):
        assert record == khronika.analyze(doc["text"], doc["date"], id=doc["id"])


def test_records_equal_the_library_corpus_mode():
    docs = list(corpus(30)) + [{"id": "no-text", "date": "2020-04-01"}, {"date": "2020-04-31", "text": "x"}]
    lines = "\n".join(json.dumps(d, ensure_ascii=False) for d in docs).encode()
    written = [json.loads(line) for line in khronika._khronika.corpus_records(lines, 2).splitlines()]
    assert list(khronika.analyze_many(docs, jobs=2)) == written


@pytest.mark.parametrize("jobs", [0, 2, 3, 8, 10**30])
def test_many_threads_give_the_same_records(jobs):
    # More than one batch (256 documents), so that batches follow each other in order.
    docs = list(corpus(600))
    one = list(khronika.analyze_many(docs, jobs=1))
    assert list(khronika.analyze_many(docs, jobs=jobs)) == one


def test_generator_input_is_read_lazily():
    taken = []

    def docs():
        for doc in corpus(10**6):
            taken.append(doc["id"])
            yield doc

    records = khronika.analyze_many(docs(), jobs=2)
    first = list(itertools.islice(records, 3))
    assert [r["id"] for r in first] == [0, 1, 2]
    # At most two batches read ahead (256 documents each), not the million documents.
    assert len(taken) <= 2 * 256


def test_empty_input_yields_nothing():
    assert list(khronika.analyze_many([])) == []
    assert list(khronika.analyze_many(iter(()), jobs=4)) == []


def test_bad_documents_yield_error_records_and_the_run_goes_on():
    docs = [
        {"id": "ok-1", "date": "2020-03-20", "text": "Карантин ввели 16 марта."},
        {"id": "no-text", "date": "2020-03-20"},
        {"id": "int-text", "date": "2020-03-20", "text": 16},
        {"id": 7, "date": "2020-02-30", "text": "Вчера."},
        {"date": None, "text": "Сегодня."},
        {"date": 20200320, "text": "Сегодня."},
        None,
        "Карантин ввели 16 марта.",
        {"id": object(), "date": "2020-03-20", "text": "Вчера."},
        {"id": "bad-prefer", "date": "2020-03-20", "text": "Вчера.", "prefer": "later"},
        {"id": "int-prefer", "date": "2020-03-20", "text": "Вчера.", "prefer": 3},
        {"id": "surrogate", "date": "2020-03-20", "text": "\udcff"},
        {"id": "ok-2", "date": datetime.date(2020, 3, 21), "text": "Вчера закрыли школы."},
    ]
    records = list(khronika.analyze_many(docs, jobs=2))
    assert len(records) == len(docs)
    assert records[0]["mentions"][0]["value"] == "2020-03-16"
    assert records[-1]["mentions"][0]["value"] == "2020-03-20"
    errors = records[1:-1]
    assert [e["line"] for e in errors] == list(range(2, len(docs)))
    assert all(set(e) <= {"line", "error", "id"} for e in errors)
    messages = [e["error"] for e in errors]
    assert messages[0] == 'missing field "text" (a string)'
    assert messages[1] == 'missing field "text" (a string)'
    assert messages[2].startswith("bad date: impossible date")
    assert messages[3] == 'missing field "date" (a string YYYY-MM-DD)'
    assert messages[4] == 'missing field "date" (a string YYYY-MM-DD)'
    assert messages[5].startswith("expected a dict")
    assert messages[6].startswith("expected a dict")
    assert messages[7].startswith("bad id")
    assert messages[8].startswith("bad prefer: unknown preference")
    assert messages[9].startswith("bad prefer: expected a string")
    assert messages[10].startswith("bad document: its text is not valid Unicode")
    assert [e.get("id") for e in errors] == [
        "no-text", "int-text", 7, None, None, None, None, None, "bad-prefer", "int-prefer", "surrogate",
    ]


def test_a_document_may_carry_its_own_preference():
    docs = [
        {"date": "2020-06-03", "text": "В пятницу открылись парки."},
        {"date": "2020-06-03", "text": "В пятницу открылись парки.", "prefer": "future"},
    ]
    past, future = khronika.analyze_many(docs, prefer="past")
    assert past["mentions"][0]["value"] == "2020-05-29"
    assert future["mentions"][0]["value"] == "2020-06-05"


def test_bad_arguments_fail_before_any_document_is_read():
    with pytest.raises(khronika.Error, match="bad prefer"):
        khronika.analyze_many(corpus(3), prefer="sometime")
    with pytest.raises(khronika.Error, match="jobs"):
        khronika.analyze_many(corpus(3), jobs=-1)
    with pytest.raises(TypeError, match="jobs"):
        khronika.analyze_many(corpus(3), jobs="2")
    with pytest.raises(TypeError):
        khronika.analyze_many(5)


def test_an_error_of_the_input_iterator_reaches_the_caller():
    def docs():
        yield {"date": "2020-03-20", "text": "Вчера."}
        raise RuntimeError("the feed broke")

    with pytest.raises(RuntimeError, match="the feed broke"):
        list(khronika.analyze_many(docs()))


def test_library_jobs_clamp_is_exposed():
    assert khronika._khronika.jobs(1) == 1
    assert khronika._khronika.jobs(0) >= 1
    assert khronika._khronika.jobs(2**63) == khronika._khronika.jobs(2**62)
