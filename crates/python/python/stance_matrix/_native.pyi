"""The compiled part of ``stance_matrix``: use the ``stance_matrix`` package."""

from typing import Any, Iterable, List, Optional, Tuple, Union

SCHEMA: str

class StanceMatrixError(ValueError):
    """A document or partial that the analyzer cannot take."""

class Partial:
    """One document's analysis, ready to be merged with others by ``merge``.

    Pickles as its JSON; ``to_json`` / ``Partial.from_json`` convert it.
    """

    @property
    def index(self) -> int:
        """The document's position in the corpus, the key ``merge`` sorts by."""
    @property
    def id(self) -> str:
        """The document id."""
    @property
    def document(self) -> dict:
        """The document's entry in ``documents[]``: id, title, chars, date?, outlet?."""
    @property
    def actor_count(self) -> int:
        """Number of actors that hold a statement in this document."""
    def to_json(self) -> str:
        """The partial as JSON: ``{"schema": "stance-partial/1", "index", "analysis"}``."""
    @staticmethod
    def from_json(json: str) -> "Partial":
        """A partial from the JSON that ``to_json`` wrote."""
    def __reduce__(self) -> Tuple[Any, Tuple[str]]: ...

_Doc = Union[str, dict]
_Partials = Iterable[Union[Partial, Iterable[Partial]]]

def analyze_json(docs: Iterable[_Doc], *, source: str = "stdin") -> str: ...
def analyze_compact(docs: Iterable[_Doc], *, source: str = "stdin") -> str: ...
def analyze_document(
    id: Union[str, int],
    text: str,
    *,
    index: int = 0,
    date: Optional[str] = None,
    outlet: Optional[str] = None,
) -> Partial: ...
def merge_json(partials: _Partials) -> str: ...
def merge_compact(partials: _Partials) -> str: ...
def analyze_jsonl_block(name: str, first_line: int, data: bytes) -> Tuple[List[Partial], List[str]]: ...
