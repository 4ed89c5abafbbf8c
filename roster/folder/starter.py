"""`roster init`: a commented starter office folder, and the example office for the demo."""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

from roster.domain.errors import RosterError
from roster.domain.files import write_atomic


def _copy_tree(source: Traversable, target: Path) -> list[Path]:
    written: list[Path] = []
    for item in sorted(source.iterdir(), key=lambda t: t.name):
        if item.name.startswith((".", "__")):
            continue
        if item.is_dir():
            written.extend(_copy_tree(item, target / item.name))
        else:
            write_atomic(target / item.name, item.read_bytes())
            written.append(target / item.name)
    return written


def init_folder(target: Path) -> list[Path]:
    """Write the starter folder into ``target``, which must be empty or new."""
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise RosterError(
            f"{target} already exists and is not empty. Choose a new folder name; "
            "roster init never overwrites files."
        )
    return _copy_tree(files("roster") / "starter", target)


def example_office() -> Path:
    """The fictional example office shipped with the source tree (examples/velbert)."""
    here = Path(__file__).resolve().parents[2] / "examples" / "velbert"
    if not (here / "office.yaml").is_file():
        raise RosterError(
            "The example office (examples/velbert) was not found next to the roster package. "
            'Install roster from a clone of its repository: pip install -e ".[dev]".'
        )
    return here


INPUT_FILES = ("office.yaml", "volunteers.yaml", "visits.csv")
INPUT_FOLDERS = ("availability", "appointments", "overrides")


def copy_example(target: Path) -> None:
    """Copy the example office's input files into ``target``.

    Only the office's input files are copied, never plans, feeds or printouts that a run
    inside ``examples/velbert`` may have left there; what ``target`` already holds of
    those is kept.
    """
    source = example_office()
    target.mkdir(parents=True, exist_ok=True)
    paths = [source / name for name in INPUT_FILES]
    for folder in INPUT_FOLDERS:
        if (source / folder).is_dir():
            paths.extend(sorted((source / folder).iterdir()))
    for path in paths:
        if not path.is_file() or path.name.startswith("."):
            continue
        destination = target / path.relative_to(source)
        if destination.exists() and destination.read_bytes() == path.read_bytes():
            continue
        write_atomic(destination, path.read_bytes())
