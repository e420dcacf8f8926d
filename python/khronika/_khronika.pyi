"""The Rust extension of khronika (private: use the functions of `khronika`)."""

from typing import List, Optional, Tuple

__version__: str

class Error(ValueError):
    """A value khronika cannot use: a bad date, a bad preference, a record that cannot be merged."""

class Timeline:
    """One analysed document's timeline, kept beside its record for `khronika.merge`."""

    def __len__(self) -> int: ...

def analyze_lines(
    lines: List[Tuple[int, bytes]], jobs: int = 1, prefer: Optional[str] = None
) -> List[Tuple[str, Optional[Timeline]]]: ...
def merge_timelines(timelines: List[Optional[Timeline]], parts: List[Tuple[int, str]] = ...) -> str: ...
def corpus_records(input: bytes, jobs: int = 1, prefer: Optional[str] = None) -> bytes: ...
def corpus_merge(input: bytes, jobs: int = 1) -> Tuple[str, List[str]]: ...
def jobs(requested: int) -> int: ...
