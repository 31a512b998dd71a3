#!/usr/bin/env python3
"""Corpus benchmark of the `stance` CLI.

Builds a synthetic JSON Lines corpus by shuffling the paragraphs of the seed
articles into new documents (the seeds are test data; the corpus is made
fresh each run from a fixed random seed), then times `stance analyze` on it
with 1 and with 2 threads and reports documents per second and peak memory.
Peak memory is measured at a smaller and at the full corpus size, to show it
stays bounded rather than growing with the input.

usage: benches/corpus.py [--docs N] [--stance PATH] [--seeds DIR]
"""
import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def paragraphs(seeds: Path) -> list:
    out = []
    for f in sorted(seeds.glob("*.txt")):
        out += [p.strip() for p in f.read_text(encoding="utf-8").split("\n") if len(p.strip()) > 40]
    return out


def write_corpus(path: Path, paras: list, docs: int, rng: random.Random) -> int:
    size = 0
    with path.open("w", encoding="utf-8") as f:
        for i in range(docs):
            body = "\n".join(rng.sample(paras, k=min(len(paras), rng.randint(6, 14))))
            line = json.dumps({"id": f"doc-{i:05d}", "text": f"مقال تجريبي {i}\n{body}"}, ensure_ascii=False)
            f.write(line + "\n")
            size += len(line.encode("utf-8")) + 1
    return size


def run(stance: str, corpus: Path, threads: int, fmt: str = "json") -> tuple:
    """(seconds, peak RSS in MiB) of one run, measured in a fresh child."""
    probe = (
        "import resource, subprocess, sys, time\n"
        "t = time.perf_counter()\n"
        "r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
        "e = time.perf_counter() - t\n"
        "print(r.returncode, e, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe, stance, "analyze", "--quiet", "--format", fmt, "--threads", str(threads), str(corpus)],
        capture_output=True, text=True, check=True,
    ).stdout.split()
    if out[0] != "0":
        sys.exit(f"stance failed with status {out[0]}")
    return float(out[1]), int(out[2]) / 1024


def main() -> int:
    here = Path(__file__).resolve().parent.parent
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--stance", default=str(here / "target/release/stance"))
    ap.add_argument("--seeds", default=str(here.parent / "shared/seeds"))
    args = ap.parse_args()
    paras = paragraphs(Path(args.seeds))
    rng = random.Random(20261122)
    with tempfile.TemporaryDirectory() as tmp:
        small, full = Path(tmp) / "small.jsonl", Path(tmp) / "full.jsonl"
        small_docs = max(1, args.docs // 10)
        write_corpus(small, paras, small_docs, rng)
        size = write_corpus(full, paras, args.docs, rng)
        print(f"corpus: {args.docs} documents, {size / 1e6:.1f} MB of JSON Lines")
        for threads in (1, 2):
            seconds, rss = run(args.stance, full, threads)
            print(f"json, threads {threads}: {args.docs / seconds:,.0f} documents/s ({seconds:.2f} s, {size / 1e6 / seconds:.1f} MB/s), peak memory {rss:.0f} MiB")
        # JSON and CSV hold the merged actor table (every cell and its evidence)
        # until the end; JSON Lines streams each document out and holds nothing.
        for fmt in ("json", "jsonl"):
            _, small_rss = run(args.stance, small, 2, fmt)
            _, full_rss = run(args.stance, full, 2, fmt)
            print(f"peak memory, {fmt}: {small_rss:.0f} MiB at {small_docs} documents, {full_rss:.0f} MiB at {args.docs}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
