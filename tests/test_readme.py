"""The README, run: its command blocks in order, in a temporary folder, with the
``eventstore`` of the environment running the tests; each command must succeed and
print what the README shows under it.

How the README's blocks read:

- a ``console`` fence is a transcript: ``$ `` starts a command, ``> `` continues it,
  and the lines up to the next command are its output (stdout and stderr together, as a
  terminal shows them; ``COLUMNS=100``);
- a ``sh`` fence is commands shown without output: each must exit 0;
- other fences (a crontab line) are not commands and are not run.

Not run, and why: see SKIPPED. ``make demo`` is run with ``STAMP=`` (no prerequisite: it
neither creates nor installs an environment) and ``BIN=`` this environment's bin/; its
demo steps run as the Makefile writes them. The README's commands name SQLite files (the
default database, ``sqlite3``); PostgreSQL is covered by the rest of the suite.

Normalised before comparing, because it varies from run to run (NORMALISE):
date-times (when a load ran), a load's seconds, the path of this environment's bin/ in
make's echo of its commands, and table widths (a longer value widens its column: runs
of spaces, and of horizontal box lines, count as one); a load's progress lines (PROGRESS)
are dropped.
"""

from __future__ import annotations

import difflib
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # runs the real commands, many seconds
REPO = Path(__file__).resolve().parents[1]
README = REPO / "README.md"
BIN = Path(sys.executable).parent
# What the README's commands read, copied into the temporary folder.
NEEDS = ("Makefile", "seeds", "tests/fixtures/gold_seeds.yaml")
SKIPPED = {
    "make install": "creates .venv and installs into it; the test uses its own environment",
    "make test": "is this test suite",
    ". .venv/bin/activate": "the test puts its environment's bin/ first on PATH instead",
}
REWRITTEN = {"make demo": f"make demo STAMP= BIN={BIN}"}
NORMALISE = (
    (
        re.compile(r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?"),
        "<time>",
    ),
    # The last cell of a load's table row is its seconds (no other table ends on a decimal).
    (re.compile(r"│ \d+\.\d+( +)│$"), r"│ <seconds>\1│"),
    (re.compile(re.escape(str(BIN))), ".venv/bin"),
    (re.compile(r" +"), " "),
    (re.compile(r"([━─])\1+"), r"\1"),
)

# A load's progress line, printed every few seconds: a busy machine prints one where a quiet
# one does not (seen in CI: "... 5/5 inputs" under the seeds' load at load average 5).
PROGRESS = re.compile(r"^<time> \.\.\. \d+/\d+ inputs$")


@dataclass(frozen=True)
class Step:
    """One command of the README, and the output it shows (None: not shown)."""

    line: int
    command: str
    expected: tuple[str, ...] | None


def _blocks(text: str) -> list[tuple[str, int, list[str]]]:
    """(language, first line number, lines) of each fenced block."""
    blocks: list[tuple[str, int, list[str]]] = []
    current: tuple[str, int, list[str]] | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        if current is None and line.startswith("```"):
            current = (line[3:].strip(), number + 1, [])
        elif current is not None and line.rstrip() == "```":
            blocks.append(current)
            current = None
        elif current is not None:
            current[2].append(line)
    return blocks


def _console(first: int, lines: list[str]) -> list[Step]:
    steps: list[tuple[int, list[str], list[str]]] = []
    for offset, line in enumerate(lines):
        if line.startswith("$ "):
            steps.append((first + offset, [line[2:]], []))
        elif line.startswith("> ") and steps and not steps[-1][2]:
            steps[-1][1].append(line[2:])
        elif steps:
            steps[-1][2].append(line)
    return [Step(number, "\n".join(command), tuple(out)) for number, command, out in steps]


def readme_steps() -> list[Step]:
    """Every command of the README's console and sh blocks, in order."""
    steps: list[Step] = []
    for language, first, lines in _blocks(README.read_text(encoding="utf-8")):
        if language == "console":
            steps.extend(_console(first, lines))
        elif language == "sh":
            steps.extend(
                Step(first + offset, line, None)
                for offset, line in enumerate(lines)
                if line.strip() and not line.lstrip().startswith("#")
            )
    return steps


def normalise(lines: list[str] | tuple[str, ...]) -> list[str]:
    """Output lines with what varies between runs made equal (NORMALISE)."""
    result = []
    for line in lines:
        text = line
        for pattern, replacement in NORMALISE:
            text = pattern.sub(replacement, text)
        if PROGRESS.match(text):
            continue  # printed only when a step outlasts the progress interval
        result.append(text.rstrip())
    while result and not result[-1]:
        result.pop()
    return result


def _bare(command: str) -> str:
    """The command without its trailing comment."""
    return command.split("  #", maxsplit=1)[0].strip()


def run_step(step: Step, folder: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """Run one README command in ``folder`` as bash would, stdout and stderr together."""
    command = REWRITTEN.get(_bare(step.command), step.command)
    return subprocess.run(
        ["bash", "-c", command],
        cwd=folder,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=300,
        check=False,
    )


def readme_env() -> dict[str, str]:
    """The environment the README's commands run in: no database named, this
    environment's bin/ first on PATH, a 100-column terminal, unbuffered output (so that
    stdout and stderr interleave as on a terminal), and no make variables of the
    ``make test`` running this (under them ``make demo`` prints "Entering directory")."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("EVENTSTORE_", "MAKE", "MFLAGS")) and key != "DATABASE_URL"
    }
    env.update(PATH=f"{BIN}{os.pathsep}{env['PATH']}", COLUMNS="100", PYTHONUNBUFFERED="1")
    return env


def prepare(folder: Path) -> None:
    """Copy into ``folder`` what the README's commands read (NEEDS)."""
    for name in NEEDS:
        source, target = REPO / name, folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, target)
        else:
            shutil.copyfile(source, target)


def test_the_readme_has_commands_to_run() -> None:
    steps = readme_steps()
    shown = [step for step in steps if step.expected]
    assert len(steps) >= 10
    assert len(shown) >= 5
    assert {_bare(step.command) for step in steps} >= set(SKIPPED) | set(REWRITTEN)


def test_the_readme_commands_print_what_it_shows(tmp_path: Path) -> None:
    prepare(tmp_path)
    env = readme_env()
    failures: list[str] = []
    for step in readme_steps():
        if _bare(step.command) in SKIPPED:
            continue
        result = run_step(step, tmp_path, env)
        where = f"README.md:{step.line}: $ {step.command}"
        if result.returncode != 0:
            failures.append(f"{where}\nexited {result.returncode}:\n{result.stdout}")
            break  # the commands after it depend on it
        if step.expected is None:
            continue
        expected, actual = normalise(step.expected), normalise(result.stdout.splitlines())
        if actual != expected:
            diff = difflib.unified_diff(expected, actual, "README", "actual", lineterm="")
            failures.append(f"{where}\n" + "\n".join(diff))
    assert not failures, "\n\n".join(failures)
