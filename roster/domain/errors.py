"""The project's one error type, and the problems it carries.

Every error a user can cause (a bad office folder, a month that does not parse, an
override that breaks a hard rule) is raised as :class:`RosterError`. The CLI turns it
into a plain message and exit code 2 in one place (``roster.cli.main``).
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import ValidationError


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input: where it is and what to do about it."""

    file: str
    line: int | None
    field: str
    message: str

    def sort_key(self) -> tuple[str, int, str, str]:
        """File, then line (a problem of the whole file first), field, message."""
        return (self.file, self.line or 0, self.field, self.message)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Problem):
            return NotImplemented
        return self.sort_key() < other.sort_key()

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f", line {self.line}"
        if self.field:
            where += f", {self.field}"
        return f"{where}: {self.message}"


class RosterError(Exception):
    """Bad input or an impossible request, explained in plain words."""

    def __init__(self, message: str, problems: list[Problem] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.problems: list[Problem] = sorted(problems or [], key=Problem.sort_key)

    def __str__(self) -> str:
        if not self.problems:
            return self.message
        lines = [self.message]
        lines.extend(f"  - {problem}" for problem in self.problems)
        return "\n".join(lines)


def raise_if_any(problems: list[Problem], message: str) -> None:
    """Raise one :class:`RosterError` carrying every problem, if there are any."""
    if problems:
        count = len(problems)
        noun = "problem" if count == 1 else "problems"
        raise RosterError(f"{message} ({count} {noun}):", problems)


def first_validation_problem(exc: ValidationError) -> str:
    """``where: what`` of the first error of a machine-written file that failed to validate."""
    first = exc.errors(include_url=False)[0]
    where = ".".join(str(part) for part in first["loc"])
    return f"{where}: {first['msg']}"
