"""User-facing problems: a file, a line and a reason, never a traceback.

Every stage reports mistakes in the curator's input as :class:`Problem` records;
the pipeline gathers all of them before giving up, so one run shows every mistake.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in the input, printed as ``path:line: reason``."""

    path: str
    line: int
    reason: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.reason}"


def problem(path: Path | str, line: int | None, reason: str) -> Problem:
    """Build a Problem; ``line`` is 1-based, 0 when the whole file is at fault."""
    return Problem(str(path), line or 0, reason)


class BuildError(Exception):
    """Raised when the input has mistakes; carries every problem found."""

    def __init__(self, problems: list[Problem] | tuple[Problem, ...]) -> None:
        self.problems: tuple[Problem, ...] = tuple(sorted(set(problems)))
        super().__init__("\n".join(str(p) for p in self.problems))

    def __reduce__(self) -> tuple[type[BuildError], tuple[tuple[Problem, ...]]]:
        # Raised in a worker process, it must arrive whole in the parent.
        return (BuildError, (self.problems,))


class Cancelled(Exception):
    """A build given up because its ``cancel`` event was set (``serve``: a newer
    edit came in) before it wrote anything; the cache holds only right values."""
