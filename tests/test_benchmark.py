"""`make bench` keeps working: the benchmark runs at a small size and writes its table."""

import os
import re
import sys
from pathlib import Path

import pytest

from .process_helpers import run

REPOSITORY = Path(__file__).resolve().parent.parent
REQUESTS = [
    "concept",
    "concept, rendered",
    "phase",
    "phase, rendered",
    "working_group",
    "working_group, rendered",
    "measure",
    "measure, rendered",
    "overview",
    "overview, rendered",
    "overview, status filter, rendered",
    "CSV export, rendered",
    "JSON export, rendered",
    "feedback GET",
    "feedback status page",
    "public suggestions",
    "public suggestions, rendered",
    "feedback POST (mail by the task worker)",
    "feedback POST (mail in the request)",
    "API v2 measures, fields=*",
    "API v3 measures, limit 500",
    "indicators CSV export, rendered",
    "indicators JSON export, rendered",
    "API v3 indicators",
]


@pytest.mark.slow
def test_benchmark_measures_every_request_against_the_baseline(tmp_path):
    output = tmp_path / "results.md"
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'bench.sqlite3'}"}
    env.pop("DJANGO_SETTINGS_MODULE", None)

    run(
        sys.executable,
        "-m",
        "benchmarks.run",
        "--sizes",
        "12",
        "--rounds",
        "2",
        "--output",
        output,
        cwd=REPOSITORY,
        env=env,
    )

    rows = re.findall(
        r"^\| 12 \| (.+?) \| (\d+) / (\d+) \| ([\d.]+) / ([\d.]+) \|", output.read_text(), re.M
    )
    assert [row[0] for row in rows] == REQUESTS
    for _kind, our_queries, base_queries, our_ms, base_ms in rows:
        assert int(our_queries) > 0 and int(base_queries) > 0
        assert float(our_ms) > 0 and float(base_ms) > 0
    assert "database: sqlite" in output.read_text()
    assert "<!-- bench-sqlite -->" in output.read_text()
