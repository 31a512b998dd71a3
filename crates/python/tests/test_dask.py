"""The distributed job: a local Dask cluster of 2 workers gives the CLI's
bytes on a generated corpus of 2,000 documents."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import run_cli, write_corpus

pytest.importorskip("distributed", reason="the dask job needs dask[distributed] (scripts/setup.sh installs it)")


def run_job(args, cwd):
    return subprocess.run([sys.executable, "-m", "stance_matrix.dask", *args], cwd=cwd, capture_output=True, text=True, timeout=600)


def test_local_cluster_of_two_workers_equals_the_cli(stance_cli, tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    write_corpus(corpus, 2000)
    cli = run_cli(stance_cli, ["corpus.jsonl"], cwd=tmp_path)
    assert cli.returncode == 0, cli.stderr.decode()
    job = run_job(["corpus.jsonl", "out.json", "--workers", "2", "--block-lines", "100"], tmp_path)
    assert job.returncode == 0, job.stderr
    out = (tmp_path / "out.json").read_bytes()
    assert out == cli.stdout, "the Dask job's JSON differs from the CLI's"
    # Bad lines are reported as the CLI reports them.
    cli_noisy = subprocess.run([str(stance_cli), "analyze", "corpus.jsonl"], cwd=tmp_path, capture_output=True, text=True)
    skipped = lambda err: [l for l in err.splitlines() if l.startswith("stance: skipped")]
    assert skipped(job.stderr) == skipped(cli_noisy.stderr) and len(skipped(job.stderr)) == 12
    assert "stance: 2000 documents" in job.stderr


def test_strict_and_errors(tmp_path):
    (tmp_path / "bad.jsonl").write_text('{"id": "a", "text": "نص"}\n{oops\n', encoding="utf-8")
    job = run_job(["bad.jsonl", "-", "--workers", "1", "--strict", "--quiet"], tmp_path)
    assert job.returncode == 1 and "stance: skipped bad.jsonl:2: invalid JSON" in job.stderr
    assert '"schema": "stance-matrix/1"' in job.stdout
    missing = run_job(["missing.jsonl", "out.json"], tmp_path)
    assert missing.returncode == 2 and "missing.jsonl: cannot read: no such file" in missing.stderr
    (tmp_path / "empty.jsonl").write_bytes(b"")
    empty = run_job(["empty.jsonl", "-", "--quiet"], tmp_path)
    assert empty.returncode == 0 and '"documents": []' in empty.stdout


def test_a_running_scheduler_gets_the_lines_shipped(stance_cli, tmp_path):
    """--scheduler ADDRESS: the job on a cluster it did not start, with the
    driver sending each block's lines (no shared file system assumed)."""
    from distributed import LocalCluster

    corpus = tmp_path / "small.jsonl"
    write_corpus(corpus, 150, seed=3)
    cli = run_cli(stance_cli, ["small.jsonl"], cwd=tmp_path)
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40) as cluster:
        for extra in ([], ["--shared-fs"]):
            job = run_job(["small.jsonl", "out.json", "--scheduler", cluster.scheduler_address, "--quiet", *extra], tmp_path)
            assert job.returncode == 0, job.stderr
            assert (tmp_path / "out.json").read_bytes() == cli.stdout
