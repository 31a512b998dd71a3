"""The API's contract: inputs, errors, large texts, the GIL, to_pandas, help."""

from __future__ import annotations

import pydoc
import threading
import time

import pytest
import stance_matrix as sm
from conftest import read_text

SENTENCE = "وطالب البرلمان العراقي بانسحاب القوات الأمريكية."


def test_analyze_returns_the_contract():
    m = sm.analyze([{"id": "a", "text": SENTENCE, "outlet": "المدى"}, SENTENCE])
    assert m["schema"] == "stance-matrix/1" and m["topic"]
    assert [d["id"] for d in m["documents"]] == ["a", "stdin:2"]
    assert m["documents"][0]["outlet"] == "المدى"
    row = next(a for a in m["actors"] if a["id"] == "iraq-parliament")
    assert [c["stance"] for c in row["cells"]] == ["for", "for"] and row["overall"] == "for"
    assert sm.analyze_json([SENTENCE]).endswith("}\n")


def test_any_iterable_and_int_ids():
    m = sm.analyze(({"id": i, "text": SENTENCE} for i in range(3)))
    assert [d["id"] for d in m["documents"]] == ["0", "1", "2"]
    assert sm.analyze([]) == sm.merge([])


@pytest.mark.parametrize(
    "docs, error, message",
    [
        ([{"text": SENTENCE}], sm.StanceMatrixError, 'document 0 has no "id"'),
        ([{"id": "a"}], sm.StanceMatrixError, 'document 0 ("a") has no "text"'),
        ([{"id": "a", "text": 5}], TypeError, '"text" must be a str, not int'),
        ([{"id": "a", "text": b"bytes"}], TypeError, "not bytes"),
        ([{"id": "a", "text": None}], TypeError, "not NoneType"),
        ([{"id": None, "text": "x"}], TypeError, '"id" must be a str or an int'),
        ([{"id": True, "text": "x"}], TypeError, "not bool"),
        ([{"id": "", "text": "x"}], sm.StanceMatrixError, '"id" is empty'),
        ([{"id": "a", "text": "x", "date": 2024}], TypeError, '"date" must be a str'),
        ([SENTENCE, 42], TypeError, "document 1 must be a dict"),
        ("a single text", TypeError, "not a single str"),
        ({"id": "a", "text": "x"}, TypeError, "not a single dict"),
        (42, TypeError, "docs must be a list"),
        (["ok", "bad \ud800 surrogate"], sm.StanceMatrixError, "document 1: text is not valid Unicode: a lone surrogate at character 4"),
        ([{"id": "\udcff", "text": "x"}], sm.StanceMatrixError, "not valid Unicode"),
    ],
)
def test_bad_input_raises_a_clear_exception(docs, error, message):
    with pytest.raises(error) as caught:
        sm.analyze(docs)
    assert message in str(caught.value)
    with pytest.raises(error):
        sm.analyze_json(docs)


def test_errors_of_the_map_and_the_reduce():
    assert issubclass(sm.StanceMatrixError, ValueError)
    with pytest.raises(sm.StanceMatrixError, match="lone surrogate at character 1"):
        sm.analyze_document("a", "x\ud83d")
    with pytest.raises(TypeError, match="text must be a str, not list"):
        sm.analyze_document("a", ["x"])
    with pytest.raises(OverflowError):
        sm.analyze_document("a", "x", index=-1)
    with pytest.raises(TypeError, match="merge takes Partial objects"):
        sm.merge([sm.analyze_document("a", "x"), 3])
    with pytest.raises(sm.StanceMatrixError, match="Partial.from_json"):
        sm.merge([sm.analyze_document("a", "x").to_json()])
    with pytest.raises(sm.StanceMatrixError, match="not a serialized partial"):
        sm.Partial.from_json('{"schema": "other"}')
    with pytest.raises(sm.StanceMatrixError, match='schema "x/1"'):
        good = sm.analyze_document("a", "x").to_json()
        sm.Partial.from_json(good.replace("stance-partial/1", "x/1"))


def test_a_ten_megabyte_text_is_analyzed(examples):
    base = read_text(examples[0])
    text = (base + "\n") * (10_000_000 // len(base.encode()) + 1)
    assert len(text.encode()) >= 10_000_000
    started = time.perf_counter()
    m = sm.analyze([{"id": "big", "text": text}])
    assert m["documents"][0]["chars"] == len(text)
    assert m["actors"], "the repeated example still names its actors"
    assert time.perf_counter() - started < 120


def test_the_gil_is_released_while_analyzing(examples):
    """Another Python thread keeps running while a long analysis runs: the
    longest pause it sees is far below the analysis time."""
    base = read_text(examples[0])
    text = (base + "\n") * (4_000_000 // len(base.encode()) + 1)
    started = time.perf_counter()
    sm.analyze_document("warm", text)
    alone = time.perf_counter() - started
    worker = threading.Thread(target=sm.analyze_document, args=("big", text))
    worker.start()
    last, longest = time.perf_counter(), 0.0
    while worker.is_alive():
        now = time.perf_counter()
        longest, last = max(longest, now - last), now
        time.sleep(0.001)
    worker.join()
    assert longest < alone / 2, f"the main thread stalled {longest:.3f} s of a {alone:.3f} s analysis"


def test_to_pandas_has_the_cli_csv_columns(examples):
    pd = pytest.importorskip("pandas")
    docs = [{"id": f.name, "text": read_text(f)} for f in examples]
    m = sm.analyze(docs)
    df = sm.to_pandas(m)
    assert list(df.columns) == list(sm.CSV_COLUMNS) == [
        "actor_id", "actor", "actor_en", "kind", "document", "stance", "confidence", "overall", "evidence", "cue",
    ]
    assert len(df) == sum(len(a["cells"]) for a in m["actors"])
    assert df["confidence"].dtype == float
    by_stance = df.groupby("stance").size()
    assert by_stance.sum() == len(df)
    assert isinstance(df, pd.DataFrame)
    with pytest.raises(TypeError):
        sm.to_pandas([1, 2])


def test_help_reads_well():
    text = pydoc.render_doc(sm, renderer=pydoc.plaintext)
    for name in ["analyze", "analyze_json", "analyze_document", "merge", "to_pandas", "Partial", "StanceMatrixError", "index"]:
        assert name in text
    assert "stance-matrix/1" in (sm.__doc__ or "")
    assert sm.Partial.__doc__ and "merge" in sm.Partial.__doc__
