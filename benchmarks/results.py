"""`benchmarks/results.md`: each command rewrites its own section and leaves the others.

A section is the text between ``<!-- name -->`` and ``<!-- /name -->``, under its heading;
the hand-written findings between the sections stay as they are.
"""

import re
from pathlib import Path

HEADER = """# Benchmark results

`make bench` (`benchmarks/run.py`) measures each request of the package side by side with the
same request to a plain Wagtail baseline (`benchmarks/baseline/`: a page type per level
listing its children with a minimal template, and Wagtail's stock `AbstractEmailForm` page
with the same fields for the feedback form), in one process through Django's test client:
queries of one request, the median time of the interleaved requests, the size of the answer
and the peak memory of one request (tracemalloc). `make load` (`benchmarks/load.py`) runs the
example site's production stack and sends it pages and feedback posts from another process.
Each command rewrites its own section of this file.
"""


def write_section(path: Path, name: str, heading: str, text: str) -> None:
    """Put `text` under `heading` into the section `name` of `path`, replacing an older one."""
    block = f"<!-- {name} -->\n## {heading}\n\n{text.rstrip()}\n<!-- /{name} -->\n"
    content = path.read_text() if path.exists() else HEADER
    pattern = re.compile(rf"<!-- {re.escape(name)} -->\n.*?<!-- /{re.escape(name)} -->\n", re.S)
    if pattern.search(content):
        content = pattern.sub(lambda _match: block, content)
    else:
        content = content.rstrip() + "\n\n" + block
    path.write_text(content)
