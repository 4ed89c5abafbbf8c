"""The demo copies only the example office's input files, never outputs left in it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from roster.folder import starter as starter_folder
from roster.folder.starter import copy_example, example_office


def test_copy_example_skips_plans_feeds_and_printouts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "example"
    shutil.copytree(example_office(), source)
    (source / "rotas").mkdir(exist_ok=True)
    (source / "rotas" / "2026-12.json").write_text("{}", encoding="utf-8")
    (source / "feeds").mkdir(exist_ok=True)
    (source / "feeds" / "tokens.json").write_text("{}", encoding="utf-8")
    monkeypatch.setattr(starter_folder, "example_office", lambda: source)

    target = tmp_path / "demo"
    copy_example(target)

    copied = sorted(p.relative_to(target).as_posix() for p in target.rglob("*") if p.is_file())
    assert "rotas/2026-12.json" not in copied
    assert "feeds/tokens.json" not in copied
    assert copied == sorted(
        [
            "office.yaml",
            "volunteers.yaml",
            "visits.csv",
            "availability/2026-12.csv",
            "appointments/2026-12.yaml",
        ]
    )
    assert (target / "office.yaml").read_bytes() == (source / "office.yaml").read_bytes()
