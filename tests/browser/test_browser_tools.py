"""Finding the tools of the browser tests: without chromium or axe-core they are skipped
with the command that installs them; under CI (``CI`` set) that is a failure."""

from __future__ import annotations

from pathlib import Path

import pytest
from browser_office import axe_path, chromium_path

TOOLS = {
    "chromium": ("ROSTER_CHROMIUM", chromium_path, "sudo apt-get install chromium"),
    "axe-core": ("ROSTER_AXE_JS", axe_path, "npm install --prefix .ci/node axe-core"),
}


@pytest.mark.parametrize("tool", TOOLS)
def test_a_missing_tool_skips_with_the_command_that_installs_it(
    tool: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    variable, find, command = TOOLS[tool]
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setenv(variable, str(tmp_path / "missing"))
    with pytest.raises(pytest.skip.Exception) as skipped:
        find()
    assert command in str(skipped.value)


@pytest.mark.parametrize("tool", TOOLS)
def test_under_ci_a_missing_tool_is_a_failure(
    tool: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    variable, find, command = TOOLS[tool]
    monkeypatch.setenv("CI", "true")
    monkeypatch.setenv(variable, str(tmp_path / "missing"))
    with pytest.raises(pytest.fail.Exception) as failed:
        find()
    assert command in str(failed.value)


@pytest.mark.parametrize("tool", TOOLS)
def test_a_tool_given_by_its_variable_is_used(
    tool: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    variable, find, _ = TOOLS[tool]
    given = tmp_path / "given"
    given.write_text("", encoding="utf-8")
    monkeypatch.setenv(variable, str(given))
    assert find() == given
