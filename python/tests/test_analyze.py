"""khronika.analyze: one document's record, and the errors of bad arguments."""

import copy
import datetime
import json
import pickle

import pytest

import khronika


def test_acceptance_quarantine_day_resolves_against_publication():
    assert khronika.analyze("Карантин ввели 16 марта.", "2020-03-20")["mentions"][0]["value"] == "2020-03-16"


def test_record_has_the_library_schema_with_character_and_byte_offsets():
    text = "Вчера в Павлодаре выявлено 7 случаев заражения коронавирусом. С 23 марта школы закрыты."
    record = khronika.analyze(text, "2020-03-21", id="pv-1")
    assert list(record) == ["id", "date", "mentions", "events", "undated", "lang"]
    assert record["id"] == "pv-1"
    assert record["date"] == "2020-03-21"
    first, second = record["mentions"]
    assert (first["text"], first["value"], first["type"]) == ("Вчера", "2020-03-20", "DATE")
    assert text[first["start"]:first["end"]] == "Вчера"
    assert text.encode()[first["byte_start"]:first["byte_end"]].decode() == "Вчера"
    assert second["mod"] == "ON_OR_AFTER"
    assert text[second["start"]:second["end"]] == "С 23 марта"
    cases = [e for e in record["events"] if "cases" in e["kinds"]]
    assert len(cases) == 1
    assert cases[0]["when"] == "2020-03-20"
    assert cases[0]["places"][0]["name"] == "Павлодар"
    assert cases[0]["figures"][0]["value"] == 7.0
    assert text[cases[0]["sentence"]["start"]:cases[0]["sentence"]["end"]] == cases[0]["text"]


def test_record_is_the_one_the_library_corpus_mode_writes():
    doc = {"id": 12345678901234567890123, "date": "2020-04-02", "text": "Режим ЧП продлили до 30 апреля."}
    record = khronika.analyze(doc["text"], doc["date"], id=doc["id"])
    line = json.dumps(doc, ensure_ascii=False).encode()
    written = json.loads(khronika._khronika.corpus_records(line))
    assert record == written
    assert record["id"] == 12345678901234567890123


def test_record_without_id_has_no_id_key():
    assert "id" not in khronika.analyze("Сегодня в Алматы открылись рынки.", "2020-05-11")


def test_date_objects_are_accepted():
    text = "Завтра в Нур-Султане откроют парки."
    by_str = khronika.analyze(text, "2020-05-10")
    assert khronika.analyze(text, datetime.date(2020, 5, 10)) == by_str
    at = khronika.analyze(text, datetime.datetime(2020, 5, 10, 9, 30))
    assert at["date"] == "2020-05-10T09:30"
    assert at["mentions"] == by_str["mentions"]


def test_prefer_moves_an_undecided_weekday():
    text = "В пятницу в Караганде открылись торговые центры."
    past = khronika.analyze(text, "2020-06-03", prefer="past")["mentions"][0]["value"]
    future = khronika.analyze(text, "2020-06-03", prefer="future")["mentions"][0]["value"]
    assert past == "2020-05-29"
    assert future == "2020-06-05"


def test_text_without_dates_has_no_mentions():
    record = khronika.analyze("Врачи просят соблюдать масочный режим.", "2020-07-01")
    assert record["mentions"] == []
    assert record["events"] == []
    assert record["undated"][0]["text"] == "Врачи просят соблюдать масочный режим."


@pytest.mark.parametrize("date", ["2020-02-30", "2020-13-01", "20.03.2020", "", "вчера"])
def test_bad_date_raises_khronika_error(date):
    with pytest.raises(khronika.Error, match="bad date"):
        khronika.analyze("Карантин ввели 16 марта.", date)


def test_khronika_error_is_a_value_error():
    assert issubclass(khronika.Error, ValueError)
    with pytest.raises(ValueError):
        khronika.analyze("x", "2021-02-29")


def test_bad_prefer_raises_khronika_error():
    with pytest.raises(khronika.Error, match="bad prefer.*later"):
        khronika.analyze("В пятницу.", "2020-06-03", prefer="later")


@pytest.mark.parametrize("text", [None, 5, b"\xd0\x92\xd1\x87\xd0\xb5\xd1\x80\xd0\xb0", ["Вчера"]])
def test_non_str_text_raises_type_error(text):
    with pytest.raises(TypeError, match="text must be a str"):
        khronika.analyze(text, "2020-03-20")


@pytest.mark.parametrize("date", [None, 20200320, 2020.0])
def test_non_date_raises_type_error(date):
    with pytest.raises(TypeError, match="date must be"):
        khronika.analyze("Вчера.", date)


def test_prefer_of_wrong_type_raises_type_error():
    with pytest.raises(TypeError, match="prefer"):
        khronika.analyze("Вчера.", "2020-03-20", prefer=1)


def test_id_that_is_not_json_raises_khronika_error():
    with pytest.raises(khronika.Error, match="bad id"):
        khronika.analyze("Вчера.", "2020-03-20", id=object())


def test_lone_surrogate_raises_khronika_error():
    with pytest.raises(khronika.Error, match="not valid Unicode"):
        khronika.analyze("Вчера \ud800 закрыли школы.", "2020-03-20")


def test_odd_text_never_crashes():
    for text in ["", " ", "\x00", "16" * 5000, "марта " * 2000, "до до до 17.00 17.00", "\u202e16 марта"]:
        record = khronika.analyze(text, "2020-03-20")
        assert record["date"] == "2020-03-20"


def test_record_is_a_dict_that_copies_and_pickles():
    record = khronika.analyze("Карантин ввели 16 марта.", "2020-03-20", id="c")
    assert isinstance(record, dict)
    assert json.loads(json.dumps(record)) == record
    restored = pickle.loads(pickle.dumps(record))
    assert type(restored) is dict and restored == record
    assert copy.deepcopy(record) == record
    assert khronika.merge([copy.copy(record)]) == khronika.merge([record])


def test_version_is_the_crate_version():
    assert khronika.__version__ == khronika._khronika.__version__
    assert khronika.__version__.count(".") == 2
