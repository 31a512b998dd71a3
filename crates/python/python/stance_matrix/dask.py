"""Analyze a JSON Lines corpus on a Dask cluster.

    python -m stance_matrix.dask INPUT.jsonl OUT.json             # local cluster, 2 workers
    python -m stance_matrix.dask INPUT.jsonl OUT.json --workers 4
    python -m stance_matrix.dask INPUT.jsonl OUT.json --scheduler tcp://10.0.0.5:8786

The output is byte for byte what ``stance analyze INPUT.jsonl > OUT.json``
writes: records are read exactly as the CLI reads them (one JSON object per
line, ``{"id"?, "text", "date"?, "outlet"?}``; a record without an id is
named ``INPUT.jsonl:LINE``, with INPUT as given on the command line; blank
lines are passed over; bad lines are reported as ``stance: skipped ...`` and
left out), and the matrix is merged in line order.

How it runs: the driver cuts the file into blocks of whole lines
(``--block-lines``) and a ``dask.bag`` maps each block to its partials on the
workers (``stance_matrix._native.analyze_jsonl_block``, without the GIL);
the partials (picklable, see ``stance_matrix.Partial``) come back to the
driver, which merges them by line number. Workers read their blocks from
the file themselves when they can see it (a local cluster, or
``--shared-fs`` on a cluster with a shared file system); otherwise the
driver sends each block's bytes. Every worker needs ``stance_matrix``
installed (``pip install ./crates/python``).
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import sys
import time
from typing import List, Optional, Tuple

# (first line number, byte offset, byte length, bytes or None)
Block = Tuple[int, int, int, Optional[bytes]]


def blocks_of(path: str, lines_per_block: int, ship: bool) -> List[Block]:
    """Cuts a file into blocks of whole lines; each knows its first line number."""
    blocks: List[Block] = []
    with open(path, "rb") as f:
        first, offset = 1, 0
        while True:
            lines = []
            for _ in range(lines_per_block):
                line = f.readline()
                if not line:
                    break
                lines.append(line)
            if not lines:
                break
            length = sum(len(line) for line in lines)
            blocks.append((first, offset, length, b"".join(lines) if ship else None))
            first += len(lines)
            offset += length
    return blocks


def run_block(name: str, path: str, block: Block):
    """The map: one block of lines to its partials and its bad-line messages."""
    from stance_matrix import _native

    first, offset, length, data = block
    if data is None:
        with open(path, "rb") as f:
            f.seek(offset)
            data = f.read(length)
    return _native.analyze_jsonl_block(name, first, data)


def run_on_cluster(blocks: List[Block], name: str, path: str, workers: int, scheduler: Optional[str]):
    """Maps the blocks on a Dask cluster (a new local one unless ``scheduler``
    names a running one) and gathers each block's (partials, problems)."""
    import dask.bag as db
    from distributed import Client, LocalCluster

    from stance_matrix import dask as this  # run_block by reference, also under -m

    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40)
        client = Client(cluster)
    try:
        bag = db.from_sequence(blocks, npartitions=len(blocks))
        return bag.map(functools.partial(this.run_block, name, path)).compute(scheduler=client)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m stance_matrix.dask",
        description="Analyze a JSON Lines corpus on a Dask cluster; writes the stance-matrix/1 JSON of `stance analyze`.",
    )
    parser.add_argument("input", help="a JSON Lines file: one {\"id\"?, \"text\", \"date\"?, \"outlet\"?} per line")
    parser.add_argument("output", help="where to write the stance-matrix/1 JSON (- for standard output)")
    parser.add_argument("--workers", type=int, default=2, help="workers of the local cluster (default 2)")
    parser.add_argument("--scheduler", metavar="ADDRESS", help="a running Dask scheduler, e.g. tcp://host:8786, instead of a local cluster")
    parser.add_argument("--shared-fs", action="store_true", help="with --scheduler: the workers see INPUT at the same path, so they read it themselves")
    parser.add_argument("--block-lines", type=int, default=128, help="lines per task (default 128)")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a line was skipped, like `stance analyze --strict`")
    parser.add_argument("--quiet", action="store_true", help="no summary line on standard error")
    args = parser.parse_args(argv)
    if args.workers < 1 or args.block_lines < 1:
        parser.error("--workers and --block-lines must be at least 1")
    if not args.input.endswith((".jsonl", ".ndjson")):
        print(f"stance: {args.input}: expected a JSON Lines file (.jsonl or .ndjson)", file=sys.stderr)
        return 2
    if not os.path.isfile(args.input):
        print(f"stance: {args.input}: cannot read: no such file", file=sys.stderr)
        return 2

    import stance_matrix

    started = time.perf_counter()
    ship = bool(args.scheduler) and not args.shared_fs
    path = os.path.abspath(args.input)
    blocks = blocks_of(args.input, args.block_lines, ship)
    results = run_on_cluster(blocks, args.input, path, args.workers, args.scheduler) if blocks else []
    partials = [p for ps, _ in results for p in ps]
    problems = [m for _, ms in results for m in ms]
    for message in problems:
        print(f"stance: skipped {message}", file=sys.stderr)
    text = stance_matrix.merge_json(partials)
    if args.output == "-":
        sys.stdout.buffer.write(text.encode())
        sys.stdout.flush()
    else:
        with open(args.output, "wb") as f:
            f.write(text.encode())
    if not args.quiet:
        actors = len(json.loads(text)["actors"])
        skipped = f", {len(problems)} bad records skipped" if problems else ""
        print(
            f"stance: {len(partials)} documents, {actors} actors{skipped}, {time.perf_counter() - started:.2f} s",
            file=sys.stderr,
        )
    return 1 if problems and args.strict else 0


if __name__ == "__main__":
    sys.exit(main())
