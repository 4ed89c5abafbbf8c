"""A set of files that changes as a whole: generation folders and one atomic switch.

A set (the feeds of an office with their publication state, the printouts of a month) is
written completely into a new generation folder ``STORE/<n>/`` beside the current one,
and then made current in one step: the pointer, a relative symbolic link
``HOME/<pointer> -> STORE/<n>``, is replaced by a rename, which the operating system
does atomically. The names people and tools open (``HOME/<name>``) are symbolic links
through the pointer (``<pointer>/<name>``) that stay put: whoever opens one gets the file
of the old set or of the new one, never a mix and never half a file. A run killed at any
point leaves the old set current (the generation it was building is never seen), and the
next run removes what it left. A full disk while building leaves the old set as it was.

Files that did not change are carried into the new generation as hard links, so they
keep their bytes, mode and modification time (a feed's Last-Modified). The current
generation and the one before it are kept: a reader that has just followed the pointer
to the old generation still finds its files there; older ones are removed.

Only the writer that holds the office folder's lock (:mod:`roster.domain.lock`) calls
these functions.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path

from roster.domain.files import (
    carry_over,
    fsync_folder,
    keep_secret,
    remove_leftovers,
    remove_path,
    secret_folder,
    symlink_atomic,
    write_atomic,
)

_NUMBER = re.compile(r"^[1-9][0-9]{0,8}$")


def _never(relative: str) -> bool:
    del relative
    return False


@dataclass(frozen=True)
class SetChange:
    """What replacing a set did: the relative paths whose bytes changed, the ones that
    left the set, and whether a new generation became current."""

    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    switched: bool = False


@dataclass(frozen=True)
class FileSet:
    """A set of files under ``home`` whose current generation ``pointer`` names.

    ``store`` holds the generation folders; ``secret`` says which files are for the
    office's user only (0600) and ``secret_folders`` which folders of a generation are
    0700.
    """

    home: Path
    pointer_name: str
    store: Path
    secret: Callable[[str], bool] = _never
    secret_folders: tuple[str, ...] = ()

    @property
    def pointer(self) -> Path:
        """``HOME/<pointer>``: the link to the current generation."""
        return self.home / self.pointer_name

    def current(self) -> Path | None:
        """The current generation folder, or None before the first switch."""
        if not self.pointer.is_symlink():
            return None
        return self.home / self.pointer.readlink()

    def member(self, relative: str) -> Path:
        """Where a reader opens ``relative`` of the current set: through the pointer once
        there is one (a single path lookup, so one set), at its stable name before."""
        return (self.pointer if self.pointer.is_symlink() else self.home) / relative

    def link_text(self, relative: str) -> str:
        """What the stable link ``HOME/<relative>`` holds: the member through the pointer."""
        return os.path.relpath(self.pointer / relative, (self.home / relative).parent)

    # -- the generations ---------------------------------------------------------------------

    def _number(self, folder: Path | None) -> int:
        if folder is None or folder.parent != self.store or not _NUMBER.match(folder.name):
            return 0
        return int(folder.name)

    def _kept(self) -> set[Path]:
        """The current generation and the complete one before it (every generation below
        the current one was current once: a new one is always numbered current + 1)."""
        current = self._number(self.current())
        if not current or not self.store.is_dir():
            return set()
        numbers = [
            int(entry.name)
            for entry in self.store.iterdir()
            if _NUMBER.match(entry.name) and entry.is_dir() and not entry.is_symlink()
        ]
        previous = max((number for number in numbers if number < current), default=0)
        return {self.store / str(number) for number in (current, previous) if number}

    def _clear_store(self) -> list[Path]:
        """Remove everything in the store but the current and previous generations."""
        if not self.store.is_dir():
            return []
        kept = self._kept()
        removed = sorted(entry for entry in self.store.iterdir() if entry not in kept)
        for entry in removed:
            remove_path(entry)
        for generation in kept:
            for folder in [generation, *(p for p in generation.rglob("*") if p.is_dir())]:
                removed.extend(remove_leftovers(folder))
        return removed

    def clean(self, folders: Iterable[Path] = ()) -> list[Path]:
        """Remove what killed runs left: generations never made current, older ones,
        temporary files and links in ``home`` and ``folders``. Returns what was removed."""
        removed = self._clear_store()
        for folder in sorted({self.home, *folders}):
            removed.extend(remove_leftovers(folder))
        return removed

    def _files(self, generation: Path | None) -> dict[str, Path]:
        """The files of a generation by relative path (temporary files left out)."""
        if generation is None or not generation.is_dir():
            return {}
        return {
            path.relative_to(generation).as_posix(): path
            for path in sorted(generation.rglob("*"))
            if path.is_file() and not path.name.startswith(".")
        }

    def _secure(self, generation: Path, relatives: Iterable[str]) -> None:
        for folder in self.secret_folders:
            secret_folder(generation / folder)
        for relative in relatives:
            if self.secret(relative):
                keep_secret(generation / relative)

    def _switch(self, generation: Path) -> None:
        for folder in sorted({generation, *(p for p in generation.rglob("*") if p.is_dir())}):
            fsync_folder(folder)
        fsync_folder(self.store)
        symlink_atomic(self.pointer, os.path.relpath(generation, self.home))

    # -- the stable names --------------------------------------------------------------------

    def _links(self, relatives: Sequence[str], *, replace_real: bool) -> None:
        """Make each ``HOME/<relative>`` a link through the pointer. A file or folder of the
        layout before generations is replaced only with ``replace_real``."""
        for relative in relatives:
            link = self.home / relative
            text = self.link_text(relative)
            if link.is_symlink():
                if str(link.readlink()) != text:
                    symlink_atomic(link, text)
            elif not link.exists():
                link.parent.mkdir(parents=True, exist_ok=True)
                symlink_atomic(link, text)
            elif replace_real and link.is_dir():
                # A folder cannot be replaced by a link in one step: move it aside first.
                aside = self.store / f".before-{relative.replace('/', '-')}"
                remove_path(aside)
                self.store.mkdir(parents=True, exist_ok=True)
                link.replace(aside)
                symlink_atomic(link, text)
                remove_path(aside)
            elif replace_real:
                symlink_atomic(link, text)

    def _folders(self, relatives: Iterable[str]) -> set[Path]:
        """``home`` and the real folders below it that hold stable names of the set."""
        found = {self.home}
        for relative in relatives:
            parent = (self.home / relative).parent
            if parent.is_dir() and not parent.is_symlink():
                found.add(parent)
        return found

    def _drop(
        self,
        keep: Sequence[str],
        folders: set[Path],
        legacy: Callable[[str], bool] | None,
        *,
        links: bool = True,
    ) -> None:
        """Remove files of the layout before generations (``legacy``) that the set no longer
        holds and, with ``links``, the stable links of members that left the set."""
        wanted = set(keep)
        for folder in sorted(folders):
            if not folder.is_dir():
                continue
            for entry in sorted(folder.iterdir()):
                relative = entry.relative_to(self.home).as_posix()
                if relative in wanted or entry == self.pointer:
                    continue
                if entry.is_symlink():
                    if links and str(entry.readlink()) == self.link_text(relative):
                        entry.unlink()
                elif legacy is not None and entry.is_file() and legacy(relative):
                    entry.unlink()

    # -- the one entry point -----------------------------------------------------------------

    def replace(
        self,
        files: Mapping[str, bytes],
        links: Sequence[str],
        *,
        legacy: Callable[[str], bool] | None = None,
        legacy_first: bool = False,
    ) -> SetChange:
        """Make ``files`` (relative path -> bytes) the current set, in one step.

        ``links`` are the stable names made under ``home`` (each a member, or a folder of
        members). ``legacy`` recognises files of the layout before generations that belong
        to the set: those the set still holds become links, the others are removed; with
        ``legacy_first`` before the switch (a reader then sees old files or none, never a
        mix), else after it (the old files stay readable until the new set is current).
        When nothing changed, no generation is made and nothing is rewritten.
        """
        folders = self._folders([*links, *self._files(self.current())])
        self.clean(folders)
        current = self.current()
        old = self._files(current)
        changed = [
            relative
            for relative, data in files.items()
            if relative not in old
            or old[relative].stat().st_size != len(data)
            or old[relative].read_bytes() != data
        ]
        removed = [relative for relative in old if relative not in files]
        if current is not None and current.is_dir() and not changed and not removed:
            self._secure(current, files)
            self._links(links, replace_real=True)
            self._drop(links, folders, legacy)
            return SetChange()
        generation = self.store / str(self._number(current) + 1)
        fresh = set(changed)
        try:
            remove_path(generation)
            generation.mkdir(parents=True)
            self._secure(generation, ())
            for relative, data in files.items():
                if relative in fresh:
                    write_atomic(generation / relative, data, secret=self.secret(relative))
                else:
                    carry_over(old[relative], generation / relative)
            self._secure(generation, files)
            self._links(links, replace_real=legacy_first)
            if legacy_first:
                self._drop(links, folders, legacy, links=False)
            self._switch(generation)
        except OSError:
            if self.current() != generation:
                with suppress(OSError):
                    remove_path(generation)
            raise
        # The new set is current: what follows only tidies up and is done again by the
        # next run if it fails now.
        with suppress(OSError):
            fsync_folder(self.home)
        with suppress(OSError):
            self._links(links, replace_real=True)
            self._drop(links, self._folders([*links, *old]), legacy)
        with suppress(OSError):
            self._clear_store()
        return SetChange(changed=changed, removed=removed, switched=True)
