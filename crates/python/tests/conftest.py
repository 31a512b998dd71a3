"""Fixtures of the stance_matrix tests: the CLI to compare with, the seed
articles (from ../shared, skipped with a message when it is absent) and the
project's own examples, and a generated JSON Lines corpus."""

from __future__ import annotations

import json
import os
import random
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]
SHARED = Path(os.environ.get("SHARED_DIR", REPO.parent / "shared"))
SEEDS = SHARED / "seeds"
EXAMPLES = REPO / "examples"


@pytest.fixture(scope="session")
def stance_cli() -> Path:
    """The release `stance` binary (scripts/test.sh builds it for the gold
    step before this one; built here when missing). STANCE_CLI overrides."""
    path = Path(os.environ.get("STANCE_CLI", REPO / "target/release/stance"))
    if not path.exists():
        subprocess.run(["cargo", "build", "--quiet", "--locked", "--release", "-p", "stance-cli"], cwd=REPO, check=True)
    return path


def run_cli(cli: Path, args, cwd=None, stdin: bytes = b"") -> subprocess.CompletedProcess:
    return subprocess.run([str(cli), "analyze", "--quiet", *map(str, args)], cwd=cwd, input=stdin, capture_output=True, check=False)


def read_text(path: Path) -> str:
    """A file's text exactly as the CLI reads it (no newline translation)."""
    return path.read_bytes().decode("utf-8")


@pytest.fixture(scope="session")
def seeds() -> list:
    if not SEEDS.is_dir():
        pytest.skip(f"the seed articles are not here ({SEEDS} is absent; set SHARED_DIR to the shared folder)")
    files = sorted(SEEDS.glob("*.txt"))
    assert len(files) == 5, f"expected the five seed articles in {SEEDS}, found {len(files)}"
    return files


@pytest.fixture(scope="session")
def examples() -> list:
    files = sorted(EXAMPLES.glob("*.txt"))
    assert files, f"no examples/*.txt in {EXAMPLES}"
    return files


def source_paragraphs() -> list:
    """Paragraphs to build corpora from: the seeds when ../shared is here,
    else the project's own examples."""
    files = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else sorted(EXAMPLES.glob("*.txt"))
    paras = []
    for f in files:
        paras += [p.strip() for p in read_text(f).split("\n") if len(p.strip()) > 40]
    return paras


def write_corpus(path: Path, docs: int, seed: int = 20261201) -> None:
    """A JSON Lines corpus of `docs` documents made by shuffling paragraphs,
    with every kind of record the CLI reads: string, numeric, missing and
    repeated ids, dates and outlets, blank lines and CRLF endings, and a few
    bad lines (invalid JSON, no text, a bad id) that both must skip."""
    rng = random.Random(seed)
    paras = source_paragraphs()
    with path.open("w", encoding="utf-8", newline="") as f:
        for i in range(docs):
            body = "\n".join(rng.sample(paras, k=min(len(paras), rng.randint(3, 9))))
            record = {"text": f"مقال تجريبي {i}\n{body}"}
            kind = i % 10
            if kind == 0:
                pass  # no id: named "corpus.jsonl:LINE"
            elif kind == 1:
                record["id"] = i
            elif kind == 2:
                record["id"] = f"dup-{i % 7}"
            else:
                record["id"] = f"doc-{i:05d}"
            if i % 3 == 0:
                record["date"] = f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}"
            if i % 4 == 0:
                record["outlet"] = ["الصباح", "Rudaw", "المدى"][i % 3]
            end = "\r\n" if i % 11 == 0 else "\n"
            f.write(json.dumps(record, ensure_ascii=i % 2 == 0) + end)
            if i % 500 == 250:
                f.write("\n   \n")
                f.write('{"id": "broken", "text": \n')
                f.write('{"id": "no-text"}\n')
                f.write('{"id": [1], "text": "x"}\n')
