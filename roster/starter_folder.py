"""`roster init`: a commented starter office folder, and the example office for the demo."""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

from roster.errors import RosterError
from roster.files import write_atomic


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
    here = Path(__file__).resolve().parent.parent / "examples" / "velbert"
    if not (here / "office.yaml").is_file():
        raise RosterError(
            "The example office (examples/velbert) was not found next to the roster package. "
            'Install roster from a clone of its repository: pip install -e ".[dev]".'
        )
    return here


def copy_example(target: Path) -> None:
    """Copy the example office's input files into ``target`` (plans and outputs are kept)."""
    source = example_office()
    target.mkdir(parents=True, exist_ok=True)
    for path in sorted(source.rglob("*")):
        relative = path.relative_to(source)
        if path.is_dir() or any(part.startswith(".") for part in relative.parts):
            continue
        destination = target / relative
        if destination.exists() and destination.read_bytes() == path.read_bytes():
            continue
        write_atomic(destination, path.read_bytes())
