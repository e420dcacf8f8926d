import datetime
from typing import Any, Dict, Iterable, Iterator, Literal, Mapping, Optional, Union

from ._khronika import Error as Error
from ._khronika import Timeline

__version__: str
__all__ = ["Error", "Record", "__version__", "analyze", "analyze_many", "merge", "to_frame"]

DateLike = Union[str, datetime.date, datetime.datetime]
Prefer = Literal["nearest", "past", "future"]

class Record(Dict[str, Any]):
    """One document's record (the library's record schema), with its timeline kept for merge."""

    _timeline: Optional[Timeline]
    def __init__(self, record: Mapping[str, Any], timeline: Optional[Timeline] = ...) -> None: ...

def analyze(text: str, date: DateLike, id: Any = ..., prefer: Optional[Prefer] = ...) -> Record: ...
def analyze_many(
    docs: Iterable[Any], jobs: int = ..., prefer: Optional[Prefer] = ...
) -> Iterator[Dict[str, Any]]: ...
def merge(records: Iterable[Mapping[str, Any]]) -> Dict[str, Any]: ...
def to_frame(records: Iterable[Mapping[str, Any]], what: Literal["events", "mentions"] = ...) -> Any: ...
