"""khronika: dated event timelines from Russian news articles.

khronika finds the temporal expressions of an article (``16 марта``, ``вчера``,
``до 15 апреля``), resolves them against the day it was published to TIMEX3 values
(``2020-03-16``), and orders the article's events into a timeline.

>>> import khronika
>>> khronika.analyze("Карантин ввели 16 марта.", "2020-03-20")["mentions"][0]["value"]
'2020-03-16'

Every function returns the records the library's corpus mode writes (one JSON object per
document, see ``DocumentRecord`` in the Rust crate): offsets ``start``/``end`` count
characters, as ``str`` indexes them; ``byte_start``/``byte_end`` count UTF-8 bytes.
"""

from __future__ import annotations

import datetime as _dt
import json
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Optional, Union

from . import _khronika
from ._khronika import Error, __version__

__all__ = ["Error", "Record", "__version__", "analyze", "analyze_many", "merge", "to_frame"]

# A batch of analyze_many holds at most this many documents, or about this many bytes of
# them (as the library's corpus mode batches its lines).
_BATCH_DOCS = 256
_BATCH_BYTES = 1 << 20
# A larger `jobs` asks for the same as this one: the library runs at most four threads a core.
_JOBS_ASKED_MAX = 1 << 16

DateLike = Union[str, _dt.date, _dt.datetime]


class Record(dict):
    """One document's record: a ``dict`` of the library's record schema (``id``, ``date``,
    ``mentions``, ``events``, ``undated``, ``lang``), exactly what its corpus mode writes.

    It also keeps the timeline the library built for the document, so that :func:`merge`
    folds the very events of the analysis. Editing the dict does not change that timeline;
    a copy keeps it, a pickle or a JSON dump is a plain dict.
    """

    __slots__ = ("_timeline",)

    def __init__(self, record: Mapping[str, Any], timeline: Any = None) -> None:
        super().__init__(record)
        self._timeline = timeline

    def __reduce__(self) -> Any:
        return (dict, (dict(self),))

    def __copy__(self) -> "Record":
        return Record(self, self._timeline)

    def __deepcopy__(self, memo: dict) -> "Record":
        import copy

        return Record(copy.deepcopy(dict(self), memo), self._timeline)


def _date_text(date: Any) -> Optional[str]:
    """A publication time as the library reads it (``YYYY-MM-DD[THH:MM[:SS]]``), or None for
    a value of another type. A ``datetime`` is taken as the wall time it shows (its time
    zone, if any, is dropped; so are its microseconds)."""
    if isinstance(date, _dt.datetime):
        if date.second == 0 and date.microsecond == 0:
            return date.strftime("%Y-%m-%dT%H:%M")
        return date.strftime("%Y-%m-%dT%H:%M:%S")
    if isinstance(date, _dt.date):
        return date.isoformat()
    if isinstance(date, str):
        return date
    return None


def _json_id(doc_id: Any) -> tuple[bool, Any]:
    """Whether an id is a JSON value, and the id as JSON gives it back."""
    try:
        return True, json.loads(json.dumps(doc_id, allow_nan=False))
    except (TypeError, ValueError, RecursionError):
        return False, None


def _line(doc: Any, line_no: int) -> Union[bytes, dict]:
    """A document as the corpus line the library reads, or its error record.

    Only ``id``, ``date``, ``text`` and ``prefer`` are taken. A ``date``/``text`` that is not
    a string is left out, so the library reports it missing as it reports a JSONL line's;
    ``datetime.date`` and ``datetime.datetime`` dates are written out first.
    """
    if not isinstance(doc, Mapping):
        kind = type(doc).__name__
        return {"line": line_no, "error": f"expected a dict {{id, date, text}} (a JSON object), not {kind}"}
    line: dict[str, Any] = {}
    doc_id = doc.get("id")
    if doc_id is not None:
        ok, doc_id = _json_id(doc_id)
        if not ok:
            kind = type(doc.get("id")).__name__
            return {"line": line_no, "error": f"bad id: an id is a JSON value (str, int, float, bool, list, dict), not {kind}"}
        line["id"] = doc_id
    date = _date_text(doc.get("date"))
    if date is not None:
        line["date"] = date
    text = doc.get("text")
    if isinstance(text, str):
        line["text"] = text
    if "prefer" in doc and doc["prefer"] is not None:
        # Not a string: the library says what it takes.
        line["prefer"] = doc["prefer"] if isinstance(doc["prefer"], str) else False
    try:
        return json.dumps(line, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError as e:
        record = {"line": line_no, "error": f"bad document: its text is not valid Unicode ({e.reason})"}
        if "id" in line:
            record["id"] = line["id"]
        return record


def _jobs(jobs: Any) -> int:
    if isinstance(jobs, bool) or not isinstance(jobs, int):
        raise TypeError(f"jobs must be an int, not {type(jobs).__name__}")
    if jobs < 0:
        raise Error(f"jobs must be 0 (one thread per core) or more, not {jobs}")
    return min(jobs, _JOBS_ASKED_MAX)


def _check_prefer(prefer: Any) -> None:
    if prefer is not None and not isinstance(prefer, str):
        raise TypeError(f"prefer must be None, 'nearest', 'past' or 'future', not {type(prefer).__name__}")


def _record(record_json: str, timeline: Any) -> dict:
    record = json.loads(record_json)
    return record if timeline is None else Record(record, timeline)


def analyze(
    text: str,
    date: DateLike,
    id: Any = None,
    prefer: Optional[str] = None,
) -> Record:
    """Analyses one document published on ``date`` and returns its record.

    ``date`` is ``YYYY-MM-DD`` (or ``YYYY-MM-DDTHH:MM[:SS]``), a ``datetime.date`` or a
    ``datetime.datetime``; ``id`` is any JSON value, echoed as the record's ``id``;
    ``prefer`` sends dates the text leaves undecided (a weekday, a month without a year) to
    the ``"nearest"`` (the default), ``"past"`` or ``"future"`` one.

    Raises :class:`khronika.Error` for a date that cannot be read or does not exist, or an
    unknown ``prefer``; ``TypeError`` for arguments of the wrong type.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    date_text = _date_text(date)
    if date_text is None:
        raise TypeError(f"date must be a str YYYY-MM-DD, a datetime.date or a datetime.datetime, not {type(date).__name__}")
    _check_prefer(prefer)
    doc: dict[str, Any] = {"date": date_text, "text": text, "id": id}
    if prefer is not None:
        doc["prefer"] = prefer
    line = _line(doc, 1)
    if isinstance(line, dict):
        raise Error(line["error"])
    ((record_json, timeline),) = _khronika.analyze_lines([(1, line)], 1)
    if timeline is None:
        raise Error(json.loads(record_json)["error"])
    return Record(json.loads(record_json), timeline)


def analyze_many(
    docs: Iterable[Any],
    jobs: int = 0,
    prefer: Optional[str] = None,
) -> Iterator[dict]:
    """Analyses documents ``{"id", "date", "text"}`` (``id`` optional; a ``"prefer"`` of
    its own overrides ``prefer``) and yields one record per document, in input order.

    ``docs`` is any iterable, read lazily in batches (at most 256 documents or about 1 MB
    each; two batches at most are read ahead), each analysed on ``jobs`` threads (0: one
    per core; a larger number is lowered to four per core) with the GIL released, while
    the calling thread turns the batch before into records. A document that cannot be read yields
    the library's error record instead, ``{"line": N, "error": "...", "id": ...}`` (``N``
    its 1-based position, ``id`` when it gives one), and the run goes on.
    """
    jobs = _jobs(jobs)
    _check_prefer(prefer)
    _khronika.analyze_lines([], 1, prefer)  # a bad prefer fails here, not at the first record
    return _analyze_many(iter(docs), jobs, prefer)


def _batches(docs: Iterator[Any]) -> Iterator[list[Union[bytes, dict]]]:
    """The documents as corpus lines (or error records), in batches."""
    line_no = 0
    while True:
        batch: list[Union[bytes, dict]] = []
        size = 0
        for doc in docs:
            line_no += 1
            line = _line(doc, line_no)
            batch.append(line)
            size += len(line) if isinstance(line, bytes) else 0
            if len(batch) >= _BATCH_DOCS or size >= _BATCH_BYTES:
                break
        if not batch:
            return
        yield batch


def _numbered(batch: list[Union[bytes, dict]], first: int) -> list[tuple[int, bytes]]:
    return [(first + k, line) for k, line in enumerate(batch) if isinstance(line, bytes)]


def _emit(batch: list[Union[bytes, dict]], results: list) -> Iterator[dict]:
    analysed = iter(results)
    for line in batch:
        yield line if isinstance(line, dict) else _record(*next(analysed))


def _analyze_many(docs: Iterator[Any], jobs: int, prefer: Optional[str]) -> Iterator[dict]:
    first = 1
    if jobs == 1:
        # One thread: each batch is analysed, then turned into records.
        for batch in _batches(docs):
            yield from _emit(batch, _khronika.analyze_lines(_numbered(batch, first), 1, prefer))
            first += len(batch)
        return
    # Several: while the Rust threads analyse one batch (the GIL released), this thread
    # reads the next batch and turns the one before into records. Two batches at most are
    # in flight.
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="khronika") as pool:
        pending = None
        for batch in _batches(docs):
            future = pool.submit(_khronika.analyze_lines, _numbered(batch, first), jobs, prefer)
            first += len(batch)
            if pending is not None:
                yield from _emit(pending[0], pending[1].result())
            pending = (batch, future)
        if pending is not None:
            yield from _emit(pending[0], pending[1].result())


def _is_error_record(item: Mapping) -> bool:
    return "error" in item and "line" in item and "events" not in item


def _is_merged_timeline(item: Mapping) -> bool:
    return "events" in item and "undated" in item and "mentions" not in item and "date" not in item


def merge(records: Iterable[Mapping[str, Any]]) -> dict:
    """Merges the timelines of many documents' records into one corpus timeline.

    ``records`` are what :func:`analyze` and :func:`analyze_many` return, and timelines a
    merge returned before (this function's result, or the JSON of the example's ``--merge
    --format json``, loaded with :func:`json.loads`): so a corpus can be merged in parts and
    the parts merged again, and the result is the merge of the whole (each document in one
    part, known by an id that is unique in the corpus). Error records among them are
    skipped (each still counts in the numbering below). Events that report the same
    happening in different documents become one event listing every source (the library's
    ``Timeline::merge``; its rules are in ``src/timeline/merge.rs``). A record without an
    ``id`` names its document ``#k``, ``k`` its 1-based position, so
    ``merge(analyze_many(docs))`` is the timeline the library's corpus merge (the example's
    ``--jsonl --merge --format json``) writes for the same documents as JSONL lines (give
    documents ids when merging in parts: ``#k`` counts within one call).

    Returns the timeline's JSON as a dict: ``{"events": [...], "undated": [...]}``.

    Raises :class:`khronika.Error` for a record that is not one made by this package (a
    record read back from JSON has lost what the merge needs: analyse its document again),
    or a merged timeline that is not one khronika wrote.
    """
    timelines: list[Any] = []
    parts: list[tuple[int, str]] = []
    for k, record in enumerate(records, 1):
        if isinstance(record, Record) and record._timeline is not None:
            timelines.append(record._timeline)
        elif isinstance(record, Mapping) and _is_error_record(record):
            timelines.append(None)
        elif isinstance(record, Mapping) and _is_merged_timeline(record):
            timelines.append(None)
            parts.append((k, json.dumps(record, ensure_ascii=False)))
        elif isinstance(record, Mapping):
            raise Error(
                f"item {k} is not a record made by khronika.analyze or khronika.analyze_many "
                "(a record read back from JSON has lost the byte offsets and document ids the "
                "merge needs: analyse its document again)"
            )
        else:
            raise TypeError(f"item {k}: merge takes records (dicts), not {type(record).__name__}")
    return json.loads(_khronika.merge_timelines(timelines, parts))


_EVENT_COLUMNS = [
    "doc", "when", "mod", "start", "end", "text", "kinds", "indicators", "measures",
    "exempted", "places", "place_codes", "figures", "cues", "evidence", "mentions", "inherited",
]
_MENTION_COLUMNS = [
    "doc", "start", "end", "byte_start", "byte_end", "text", "type", "value", "mod", "anchor", "offset",
]


def _event_row(doc: Any, event: Mapping[str, Any]) -> dict:
    sentence = event.get("sentence") or {}
    places = event.get("places") or []
    return {
        "doc": doc,
        "when": event.get("when"),
        "mod": event.get("mod"),
        "start": sentence.get("start"),
        "end": sentence.get("end"),
        "text": event.get("text"),
        "kinds": list(event.get("kinds") or []),
        "indicators": list(event.get("indicators") or []),
        "measures": list(event.get("measures") or []),
        "exempted": list(event.get("exempted") or []),
        "places": [p.get("name") for p in places],
        "place_codes": [p.get("code") for p in places],
        "figures": list(event.get("figures") or []),
        "cues": list(event.get("cues") or []),
        "evidence": list(event.get("evidence") or []),
        "mentions": list(event.get("mentions") or []),
        "inherited": bool(event.get("inherited", False)),
    }


def to_frame(records: Iterable[Mapping[str, Any]], what: str = "events") -> Any:
    """A pandas ``DataFrame`` of the records' events (``what="events"``: one row per event)
    or mentions (``what="mentions"``: one row per mention), with a ``doc`` column: the
    record's ``id``, or ``#k`` (``k`` its 1-based position) when it has none. Error records
    are skipped.

    Event columns: ``doc, when, mod, start, end`` (the dating sentence, in characters),
    ``text, kinds, indicators, measures, exempted, places`` (names), ``place_codes, figures``
    (the record's figure dicts), ``cues, evidence, mentions, inherited``. Mention columns:
    the record's mention keys after ``doc`` (``mod`` and ``offset`` None when absent).

    Needs pandas (khronika itself does not): raises ``ImportError`` without it.
    """
    if what not in ("events", "mentions"):
        raise Error(f"what must be 'events' or 'mentions', not {what!r}")
    try:
        import pandas as pd
    except ImportError as e:
        raise ImportError("khronika.to_frame needs pandas, which is not installed: pip install pandas") from e
    rows: list[dict] = []
    for k, record in enumerate(records, 1):
        if not isinstance(record, Mapping):
            raise TypeError(f"item {k}: to_frame takes records (dicts), not {type(record).__name__}")
        if _is_error_record(record):
            continue
        doc = record.get("id", f"#{k}")
        if what == "events":
            rows.extend(_event_row(doc, event) for event in record.get("events") or [])
        else:
            for mention in record.get("mentions") or []:
                row = {column: mention.get(column) for column in _MENTION_COLUMNS[1:]}
                rows.append({"doc": doc, **row})
    columns = _EVENT_COLUMNS if what == "events" else _MENTION_COLUMNS
    return pd.DataFrame(rows, columns=columns)
