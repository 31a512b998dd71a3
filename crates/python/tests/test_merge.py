"""The map and the reduce: partials merged in any order and grouping give
the matrix of one analyze; partials survive pickle and JSON."""

from __future__ import annotations

import json
import pickle
import random

import pytest
import stance_matrix as sm
from conftest import read_text, source_paragraphs


@pytest.fixture(scope="module")
def corpus():
    rng = random.Random(7)
    paras = source_paragraphs()
    docs = []
    for i in range(40):
        text = "\n".join(rng.sample(paras, k=min(len(paras), rng.randint(2, 6))))
        # Repeated ids, so that the " (2)" suffixes depend on the order too.
        docs.append({"id": f"d{i % 13}", "text": text, "date": "2024-05-03" if i % 5 == 0 else None})
    return docs


def partials_of(docs):
    return [sm.analyze_document(d["id"], d["text"], index=i, date=d.get("date")) for i, d in enumerate(docs)]


def test_merge_equals_analyze_in_any_order_and_grouping(corpus):
    expected = sm.analyze_json(corpus)
    partials = partials_of(corpus)
    assert sm.merge_json(partials) == expected
    rng = random.Random(11)
    for _ in range(12):
        shuffled = partials[:]
        rng.shuffle(shuffled)
        assert sm.merge_json(shuffled) == expected
        # Grouped as per-worker lists of any sizes, nested any depth.
        cuts = sorted(rng.sample(range(1, len(shuffled)), k=rng.randint(1, 6)))
        groups = [shuffled[a:b] for a, b in zip([0, *cuts], [*cuts, len(shuffled)])]
        rng.shuffle(groups)
        assert sm.merge_json(groups) == expected
        assert sm.merge_json([groups[:1], [groups[1:]]]) == expected
    assert sm.merge(partials) == json.loads(expected) == sm.analyze(corpus)


def test_partials_pickle_and_json_round_trip(corpus):
    partials = partials_of(corpus)
    expected = sm.merge_json(partials)
    pickled = pickle.loads(pickle.dumps(partials))
    assert pickled == partials
    assert sm.merge_json(pickled) == expected
    via_json = [sm.Partial.from_json(p.to_json()) for p in partials]
    assert sm.merge_json(via_json) == expected
    doc = json.loads(partials[0].to_json())
    assert doc["schema"] == "stance-partial/1" and doc["index"] == 0


def test_the_order_rule_is_index_then_id():
    a = sm.analyze_document("b", "نص", index=1)
    b = sm.analyze_document("a", "نص", index=1)
    c = sm.analyze_document("z", "نص", index=0)
    ids = [d["id"] for d in sm.merge([a, b, c])["documents"]]
    assert ids == ["z", "a", "b"]
    assert repr(c) == 'Partial(id="z", index=0, actors=0)'
    assert (c.index, c.id, c.actor_count, c.document["chars"]) == (0, "z", 0, 2)


def test_partials_carry_date_and_outlet(examples):
    text = read_text(examples[0])
    p = sm.analyze_document("x", text, date="2020-01-05", outlet="الصباح")
    assert p.document["date"] == "2020-01-05" and p.document["outlet"] == "الصباح"
    m = sm.analyze([{"id": "x", "text": text, "date": "2020-01-05", "outlet": "الصباح"}])
    assert sm.merge([p]) == m


def test_merge_of_nothing_is_an_empty_matrix():
    m = sm.merge([])
    assert m["schema"] == sm.SCHEMA and m["documents"] == [] and m["actors"] == []
