"""Running a command for a test: its output is the failure message when it fails."""

import subprocess
from pathlib import Path


def run(*args, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run `args` in `cwd`; fail the test with the command's output if it does not exit 0."""
    result = subprocess.run(
        [str(arg) for arg in args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result
