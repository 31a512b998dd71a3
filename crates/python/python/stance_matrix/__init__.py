"""Who stands where on foreign forces leaving Iraq, from Python.

The stance-matrix analyzer of Arabic news (the Rust engine of the ``stance``
command line tool and of the browser widget) as a Python package. It finds
the actors each article quotes or attributes a position to, and whether they
are *for*, *against* or *conditional* on the withdrawal of US / coalition /
foreign forces from Iraq, with the sentences behind every cell.

Whole corpora
    ``analyze(docs)`` returns the ``stance-matrix/1`` matrix as a dict,
    ``analyze_json(docs)`` the very bytes the CLI writes (as ``str``), and
    ``to_pandas(matrix)`` one row per actor and document.

Map and reduce (Dask, Spark, multiprocessing)
    ``analyze_document(id, text, index=i)`` analyzes one document and returns
    a ``Partial``, which pickles and converts to JSON; ``merge(partials)``
    folds partials into the matrix. Documents are ordered by ``index`` (then
    by id), so any order and grouping of the same partials gives the same
    matrix. ``python -m stance_matrix.dask IN.jsonl OUT.json`` runs a corpus
    on a Dask cluster.

Documents
    A document is a dict ``{"id": str | int, "text": str, "date"?: str,
    "outlet"?: str}`` or a plain ``str``. A plain string at position ``n``
    (from 0) gets the id ``f"{source}:{n + 1}"`` (``source`` defaults to
    ``"stdin"``), exactly as ``stance analyze -`` names a JSON Lines record
    without an id on standard input; pass ``source="corpus.jsonl"`` to match
    ``stance analyze corpus.jsonl``. A repeated id gets a `` (2)``, `` (3)``…
    suffix. A record's ``date`` wins over a date found in the text.

Errors
    ``TypeError`` for arguments of the wrong type, ``StanceMatrixError`` (a
    ``ValueError``) for documents the analyzer cannot take: a dict without
    ``"id"`` or ``"text"``, text that is not valid Unicode (lone surrogates).
    The analysis itself runs without the GIL.
"""

from __future__ import annotations

import json as _json
from typing import TYPE_CHECKING, Any, Dict, Iterable, List, Union

from . import _native
from ._native import Partial, StanceMatrixError

if TYPE_CHECKING:  # pragma: no cover
    import pandas

__all__ = [
    "SCHEMA",
    "CSV_COLUMNS",
    "Partial",
    "StanceMatrixError",
    "analyze",
    "analyze_json",
    "analyze_document",
    "merge",
    "merge_json",
    "to_pandas",
]

#: The schema tag of the matrices this package returns.
SCHEMA = "stance-matrix/1"

#: The columns of ``to_pandas``, those of ``stance analyze --format csv``.
CSV_COLUMNS = (
    "actor_id",
    "actor",
    "actor_en",
    "kind",
    "document",
    "stance",
    "confidence",
    "overall",
    "evidence",
    "cue",
)

Document = Union[str, Dict[str, Any]]


def analyze(docs: Iterable[Document], *, source: str = "stdin") -> Dict[str, Any]:
    """Analyzes documents and returns the ``stance-matrix/1`` matrix as a dict.

    ``docs`` is a list (or any iterable) of dicts ``{"id", "text", "date"?,
    "outlet"?}`` or plain strings; a plain string at position ``n`` gets the
    id ``f"{source}:{n + 1}"``, as the CLI names JSON Lines records without
    an id.

    >>> m = analyze([{"id": "a", "text": "وطالب البرلمان العراقي بانسحاب القوات الأمريكية."}])
    >>> m["schema"], m["actors"][0]["id"], m["actors"][0]["cells"][0]["stance"]
    ('stance-matrix/1', 'iraq-parliament', 'for')

    Raises ``TypeError`` for wrong types and ``StanceMatrixError`` for
    documents without an id or text, or with text that is not valid Unicode.
    """
    return _json.loads(_native.analyze_compact(docs, source=source))


def analyze_json(docs: Iterable[Document], *, source: str = "stdin") -> str:
    """Like ``analyze``, but returns the JSON text exactly as ``stance analyze``
    writes it: pretty-printed with two spaces, UTF-8 unescaped, a trailing
    newline. ``analyze_json(docs).encode()`` equals the CLI's output bytes."""
    return _native.analyze_json(docs, source=source)


def analyze_document(
    id: Union[str, int],
    text: str,
    *,
    index: int = 0,
    date: Union[str, None] = None,
    outlet: Union[str, None] = None,
) -> Partial:
    """Analyzes one document: the map step. Returns a ``Partial``.

    ``index`` is the document's position in the corpus; ``merge`` orders the
    documents by it (then by id), so give each document its own index to get
    the matrix of ``analyze`` on the list in that order. ``date`` and
    ``outlet`` go into the document's entry as in a JSON Lines record.
    """
    return _native.analyze_document(id, text, index=index, date=date, outlet=outlet)


def merge(partials: Iterable[Union[Partial, Iterable[Partial]]]) -> Dict[str, Any]:
    """Merges partials into the ``stance-matrix/1`` matrix: the reduce step.

    ``partials`` may be nested (a list of per-worker lists): the result is
    the same for any order and grouping, because documents are ordered by
    each partial's ``index``, then id. With ``index=i`` for the i-th
    document, ``merge`` equals ``analyze`` on the list.
    """
    return _json.loads(_native.merge_compact(partials))


def merge_json(partials: Iterable[Union[Partial, Iterable[Partial]]]) -> str:
    """Like ``merge``, but returns the CLI's JSON text (pretty, trailing newline)."""
    return _native.merge_json(partials)


def to_pandas(matrix: Dict[str, Any]) -> "pandas.DataFrame":
    """One row per actor and document, with the columns of the CLI's CSV
    (``CSV_COLUMNS``): the actor, the document, the cell's stance and
    confidence, the actor's overall stance, and the first evidence and cue.

    Needs pandas (``pip install pandas``). ``confidence`` is a float; the
    other columns are strings (``actor_en``, ``evidence`` and ``cue`` are
    ``""`` when absent, as in the CSV).
    """
    try:
        import pandas as pd
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError("to_pandas needs pandas: pip install pandas") from e
    if not isinstance(matrix, dict) or "actors" not in matrix:
        raise TypeError("to_pandas takes a stance-matrix/1 dict, as analyze or merge return it")
    rows: List[tuple] = []
    for actor in matrix["actors"]:
        for cell in actor["cells"]:
            first = cell["evidence"][0] if cell["evidence"] else {}
            rows.append(
                (
                    actor["id"],
                    actor["name"],
                    actor.get("name_en") or "",
                    actor["kind"],
                    cell["document"],
                    cell["stance"],
                    float(cell["confidence"]),
                    actor["overall"],
                    first.get("text", ""),
                    first.get("cue", ""),
                )
            )
    return pd.DataFrame.from_records(rows, columns=list(CSV_COLUMNS))
