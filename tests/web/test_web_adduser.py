"""`roster web adduser` (issue 14, section 1): a lead gets an account, the password asked
twice (hidden) or read from a file; the file of accounts is 0600 and holds a hash, never
the password; anybody who is not a lead is refused in plain words with exit code 2."""

from __future__ import annotations

import json
import stat
from pathlib import Path

from click.testing import CliRunner
from web_office import copy_office

from roster.app.accounts import check_login
from roster.app.web_files import accounts_path, web_folder
from roster.cli import main

PASSWORD = "eleven chars"


def run(*args: str, stdin: str | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args), input=stdin)
    return result.exit_code, result.output


def test_adduser_asks_twice_and_stores_a_hash_readable_by_the_owner_only(tmp_path: Path) -> None:
    office = copy_office(tmp_path / "office", with_plan=False)
    code, output = run("web", "adduser", str(office), "v02", stdin=f"{PASSWORD}\n{PASSWORD}\n")
    assert code == 0, output
    assert "Passwort für Karim Mansour" in output
    assert "Dasselbe Passwort noch einmal" in output
    assert PASSWORD not in output  # hidden input is not echoed
    assert "Karim Mansour kann sich jetzt in der Web-App anmelden" in output
    path = accounts_path(office)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(web_folder(office).stat().st_mode) == 0o700
    stored = path.read_text(encoding="utf-8")
    assert PASSWORD not in stored
    [account] = json.loads(stored)["accounts"]
    assert account["id"] == "v02"
    assert account["hash"].startswith("$argon2id$")
    assert check_login(office, "v02", PASSWORD) is not None
    assert check_login(office, "v02", PASSWORD + "x") is None


def test_adduser_reads_the_password_file_and_replaces_a_password(tmp_path: Path) -> None:
    office = copy_office(tmp_path / "office", with_plan=False)
    first = tmp_path / "first.txt"
    first.write_text("first password\n", encoding="utf-8")
    second = tmp_path / "second.txt"
    second.write_text("second password\nignored line\n", encoding="utf-8")
    assert run("web", "adduser", str(office), "v01", "--password-file", str(first))[0] == 0
    code, output = run("web", "adduser", str(office), "v01", "--password-file", str(second))
    assert code == 0
    assert "Birgit Sommer hat ein neues Passwort für die Web-App" in output
    assert check_login(office, "v01", "second password") is not None
    assert check_login(office, "v01", "first password") is None
    assert len(json.loads(accounts_path(office).read_text(encoding="utf-8"))["accounts"]) == 1


def test_adduser_refuses_a_volunteer_who_is_not_a_lead(tmp_path: Path) -> None:
    office = copy_office(tmp_path / "office", with_plan=False)
    code, output = run("web", "adduser", str(office), "v05", stdin=f"{PASSWORD}\n{PASSWORD}\n")
    assert code == 2
    assert "Thomas Weber hat nicht die Rolle Leitung." in output
    assert "Passwort für" not in output  # refused before asking
    assert "Traceback" not in output
    assert not accounts_path(office).exists()


def test_adduser_refuses_an_unknown_id_a_short_password_and_two_different_ones(
    tmp_path: Path,
) -> None:
    office = copy_office(tmp_path / "office", with_plan=False)
    code, output = run("web", "adduser", str(office), "v99", stdin=f"{PASSWORD}\n{PASSWORD}\n")
    assert code == 2
    assert "Niemand im Team hat die Kennung v99." in output
    code, output = run("web", "adduser", str(office), "v01", stdin="too short\ntoo short\n")
    assert code == 2
    assert "Das Passwort braucht mindestens 10 Zeichen." in output
    code, output = run("web", "adduser", str(office), "v01", stdin=f"{PASSWORD}\n{PASSWORD}!\n")
    assert code == 2
    assert "Die beiden Passwörter sind verschieden." in output
    code, output = run(
        "web", "adduser", str(office), "v01", "--password-file", str(tmp_path / "missing")
    )
    assert code == 2
    assert "Die Passwort-Datei lässt sich nicht lesen." in output
    assert not accounts_path(office).exists()


def test_roster_web_takes_the_folder_or_a_subcommand(tmp_path: Path) -> None:
    code, output = run("web", "--help")
    assert code == 0
    assert "adduser" in output
    assert "serve" in output
    code, output = run("web", str(tmp_path / "missing"), "--port", "99999")
    assert code == 2  # routed to `serve`, whose port check refuses it
    assert "99999" in output
    code, output = run("web", "serve", "--help")
    assert code == 0
    assert "--behind-proxy" in output


def test_roster_web_refuses_a_folder_without_an_office_and_makes_nothing(tmp_path: Path) -> None:
    missing = tmp_path / "no-office"
    result = CliRunner().invoke(main, ["web", str(missing), "--port", "0"])
    assert result.exit_code == 2
    assert f"There is no office in {missing}." in result.output
    assert "Traceback" not in result.output
    assert not missing.exists()
