#!/usr/bin/env python3
"""Corpus benchmark of the Python package against the CLI.

Builds a JSON Lines corpus by shuffling the paragraphs of the seed articles
(as benches/corpus.py does; the project's examples when ../shared is absent),
then reports documents per second on that same corpus for:

- the CLI, `stance analyze --threads 1` and `--threads 2`;
- the Python package in one process: `stance_matrix.analyze_json(docs)` on
  the records already loaded (json.loads), and the whole file read, parsed
  and merged by the package;
- a local Dask cluster with 1 and 2 workers (`stance_matrix.dask`), both the
  job on a running cluster and the whole `python -m stance_matrix.dask` run
  with the cluster's start and stop.

Every output is checked to be byte for byte the CLI's. Each figure is the
best of --repeat runs (the machine is shared).

usage: .venv/bin/python benches/python_corpus.py [--docs N] [--repeat R] [--stance PATH]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent


def paragraphs() -> list:
    seeds = HERE.parent / "shared" / "seeds"
    files = sorted(seeds.glob("*.txt")) if seeds.is_dir() else sorted((HERE / "examples").glob("*.txt"))
    out = []
    for f in files:
        out += [p.strip() for p in f.read_bytes().decode("utf-8").split("\n") if len(p.strip()) > 40]
    return out


def write_corpus(path: Path, docs: int) -> int:
    rng = random.Random(20261122)
    paras = paragraphs()
    with path.open("w", encoding="utf-8") as f:
        for i in range(docs):
            body = "\n".join(rng.sample(paras, k=min(len(paras), rng.randint(6, 14))))
            f.write(json.dumps({"id": f"doc-{i:05d}", "text": f"مقال تجريبي {i}\n{body}"}, ensure_ascii=False) + "\n")
    return path.stat().st_size


def cpu_seconds() -> float:
    """CPU time of this process and of every child it has waited for (and
    theirs: the cluster's worker processes of `python -m stance_matrix.dask`)."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def best(repeat: int, run) -> tuple:
    """(seconds, CPU seconds, result) of the fastest of `repeat` runs."""
    results = []
    for _ in range(repeat):
        t, c = time.perf_counter(), cpu_seconds()
        r = run()
        results.append((time.perf_counter() - t, cpu_seconds() - c, r))
    return min(results, key=lambda x: x[0])


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=4000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--stance", default=str(HERE / "target/release/stance"))
    args = ap.parse_args()

    import stance_matrix
    from stance_matrix import _native
    from stance_matrix import dask as job

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        size = write_corpus(corpus, args.docs)
        print(f"corpus: {args.docs} documents, {size / 1e6:.1f} MB of JSON Lines; {os.cpu_count()} cores; best of {args.repeat}")
        print("load average before: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
        rows = []

        def report(label: str, measured: tuple, cpu_note: str = "") -> None:
            seconds, cpu, output = measured
            assert output == reference, f"{label}: output differs from the CLI's"
            rows.append((label, args.docs / seconds, seconds))
            print(f"{label:<46} {args.docs / seconds:>7,.0f} documents/s  ({seconds:.2f} s, {cpu:.2f} CPU s{cpu_note})", flush=True)

        reference = subprocess.run([args.stance, "analyze", "--quiet", str(corpus)], capture_output=True, check=True).stdout
        for threads in (1, 2):
            cmd = [args.stance, "analyze", "--quiet", "--threads", str(threads), str(corpus)]
            report(f"CLI, {threads} thread{'s' if threads > 1 else ''}", best(args.repeat, lambda: subprocess.run(cmd, capture_output=True, check=True).stdout))

        records = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
        report("Python, one process: analyze_json(docs)", best(args.repeat, lambda: stance_matrix.analyze_json(records).encode()))

        def whole_file() -> bytes:
            partials, _ = _native.analyze_jsonl_block(str(corpus), 1, corpus.read_bytes())
            return stance_matrix.merge_json(partials).encode()

        report("Python, one process: read + map + merge", best(args.repeat, whole_file))

        from distributed import Client, LocalCluster

        for workers in (1, 2):
            t = time.perf_counter()
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40)
            client = Client(cluster)
            started = time.perf_counter() - t
            import dask.bag as db
            import functools

            def on_cluster() -> bytes:
                blocks = job.blocks_of(str(corpus), 128, False)
                bag = db.from_sequence(blocks, npartitions=len(blocks))
                results = bag.map(functools.partial(job.run_block, str(corpus), str(corpus))).compute(scheduler=client)
                return stance_matrix.merge_json([p for ps, _ in results for p in ps]).encode()

            measured = best(args.repeat, on_cluster)
            client.close()
            cluster.close()
            report(f"Dask local cluster, {workers} worker{'s' if workers > 1 else ''}: job", measured, " of the driver only")
            print(f"{'':<48} (cluster start {started:.2f} s)")

        for workers in (1, 2):
            out_file = Path(tmp) / "out.json"
            cmd = [sys.executable, "-m", "stance_matrix.dask", str(corpus), str(out_file), "--workers", str(workers), "--quiet"]
            seconds, cpu, _ = best(args.repeat, lambda: subprocess.run(cmd, check=True))
            report(f"python -m stance_matrix.dask --workers {workers}", (seconds, cpu, out_file.read_bytes()))
        print("load average after: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
