"""`make bench`: the package's pages against plain Wagtail, at several sizes.

    python -m benchmarks.run [--sizes 60,600,6000] [--rounds 30] [--output benchmarks/results.md]

Each size gets a fresh test database (SQLite, or the database in `DATABASE_URL`) with the
package's concept and the baseline's tree of plain Wagtail pages, both with the same number
of measures; see `measure.py` for what is measured. The tables of ratios (ours ÷ baseline)
are written to the output file with the machine, the versions and the date, into the
section of the database (`benchmarks/results.py`); the other sections stay.
"""

import argparse
import datetime
import os
import platform
import sys
from pathlib import Path

from .results import write_section


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchmarks.settings")
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    import django

    django.setup()


def table(rows: list[dict]) -> str:
    """The Markdown table of one database's rows."""
    lines = [
        "| N measures | request | queries ours / baseline | median ms ours / baseline "
        "| time ours ÷ baseline | kB ours / baseline | peak KiB ours / baseline |",
        "|---:|---|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        ours, base = row["ours"], row["baseline"]
        ratio = ours.median_ms / base.median_ms if base.median_ms else float("nan")
        lines.append(
            f"| {row['measures']:,} | {row['kind']} | {ours.queries} / {base.queries} "
            f"| {ours.median_ms:.1f} / {base.median_ms:.1f} | {ratio:.2f}× "  # noqa: RUF001
            f"| {ours.bytes / 1000:.1f} / {base.bytes / 1000:.1f} "
            f"| {ours.peak_kib:,.0f} / {base.peak_kib:,.0f} |"
        )
    return "\n".join(lines)


def environment(vendor: str) -> str:
    import django
    import wagtail

    return (
        f"{datetime.date.today().isoformat()}, {platform.machine()} with {os.cpu_count()} "
        f"cores, Python {platform.python_version()}, Django {django.get_version()}, "
        f"Wagtail {wagtail.__version__}, database: {vendor}"
    )


def run(sizes: list[int], rounds: int) -> tuple[str, list[dict]]:
    """Measure every size, each on a fresh test database; the vendor and the rows."""
    from django.db import connection
    from wagtail.signal_handlers import disable_reference_index_auto_update

    from .measure import measure_all

    rows = []
    for size in sizes:
        name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
        try:
            with disable_reference_index_auto_update():
                rows += measure_all(size, rounds)
        finally:
            connection.creation.destroy_test_db(name, verbosity=0)
    return connection.vendor, rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="60,600,6000")
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--output", default="benchmarks/results.md")
    options = parser.parse_args(argv)
    setup_django()

    sizes = [int(size) for size in options.sizes.split(",")]
    vendor, rows = run(sizes, options.rounds)
    text = f"{environment(vendor)}, {options.rounds} rounds.\n\n{table(rows)}\n"
    print(text)
    write_section(Path(options.output), f"bench-{vendor}", f"Pages and API ({vendor})", text)


if __name__ == "__main__":
    main()
