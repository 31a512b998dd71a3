"""analyze_json gives the CLI's bytes: on the five seed articles, on the
project's examples, and on JSON Lines records without ids."""

from __future__ import annotations

import json

import stance_matrix as sm
from conftest import read_text, run_cli, write_corpus


def docs_of(files):
    return [{"id": f.name, "text": read_text(f)} for f in files]


def test_seeds_equal_the_cli_byte_for_byte(stance_cli, seeds):
    cli = run_cli(stance_cli, seeds)
    assert cli.returncode == 0, cli.stderr.decode()
    assert sm.analyze_json(docs_of(seeds)).encode("utf-8") == cli.stdout
    assert sm.analyze(docs_of(seeds)) == json.loads(cli.stdout)


def test_examples_equal_the_cli_byte_for_byte(stance_cli, examples):
    cli = run_cli(stance_cli, examples)
    assert cli.returncode == 0, cli.stderr.decode()
    assert sm.analyze_json(docs_of(examples)).encode("utf-8") == cli.stdout


def test_plain_strings_are_named_like_records_without_ids(stance_cli, examples, tmp_path):
    texts = [read_text(f) for f in examples]
    corpus = tmp_path / "plain.jsonl"
    corpus.write_text("".join(json.dumps({"text": t}) + "\n" for t in texts), encoding="utf-8")
    cli = run_cli(stance_cli, ["plain.jsonl"], cwd=tmp_path)
    assert sm.analyze_json(texts, source="plain.jsonl").encode() == cli.stdout
    # On standard input the CLI names them stdin:LINE: the default source.
    piped = run_cli(stance_cli, ["-"], stdin=corpus.read_bytes())
    assert sm.analyze_json(texts).encode() == piped.stdout
    assert [d["id"] for d in sm.analyze(texts)["documents"]] == [f"stdin:{i + 1}" for i in range(len(texts))]


def test_records_with_dates_outlets_and_repeated_ids(stance_cli, tmp_path):
    corpus = tmp_path / "c.jsonl"
    write_corpus(corpus, 60)
    cli = run_cli(stance_cli, ["c.jsonl"], cwd=tmp_path)
    # Give every record the id the CLI gives it ("c.jsonl:LINE" when it has none).
    lines = corpus.read_bytes().decode().split("\n")
    docs = []
    for number, line in enumerate(lines, start=1):
        try:
            r = json.loads(line)
        except ValueError:
            continue
        if not isinstance(r.get("text"), str) or not isinstance(r.get("id", ""), (str, int)):
            continue
        r.setdefault("id", f"c.jsonl:{number}")
        docs.append(r)
    assert len(docs) == 60
    assert sm.analyze_json(docs).encode() == cli.stdout
