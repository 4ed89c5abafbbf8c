"""The feed commands: publish, feeds link / revoke, serve; and the demo's feeds step."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner
from feed_offices import NAMES, example_office
from feed_plans import example_plan, save

from calendars.caldav_sync import CalDAVTarget, target_from_options
from roster.app.demo import DemoReport, demo_feeds
from roster.cli import main
from roster.domain.errors import RosterError
from roster.domain.month import Month
from roster.folder.load import load_office


def run(
    *args: str, env: dict[str, str] | None = None, stdin: str | None = None
) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), env=env, input=stdin)
    return result.exit_code, result.stdout, result.stderr


def test_publish_link_revoke(office: Path, tmp_path: Path) -> None:
    code, out, err = run("publish", str(office), "--month", "2026-10", "--locale", "en")
    assert (code, err) == (0, "")
    assert "one for each of 5 volunteers, the team, the gaps and the public" in out
    assert "public feed: https://feeds.example.org/ihla/public.ics" in out

    png = tmp_path / "v01.png"
    code, out, err = run("feeds", "link", str(office), "v01", "--png", str(png))
    assert code == 0, err
    url = next(line.strip() for line in out.splitlines() if line.strip().startswith("https://"))
    token = url.rsplit("/", 1)[1].removesuffix(".ics")
    assert f"Feed link for v01 ({NAMES['v01']})" in out
    assert "█" in out or "▀" in out  # the QR code, drawn in the terminal
    assert png.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    assert "only on this computer" not in out  # office.yaml sets feeds: base_url

    code, out, err = run("feeds", "link", str(office), "v01")
    assert code == 2
    assert "already has a feed link" in err and f"roster feeds revoke {office} v01`" in err
    assert token not in out + err

    code, out, err = run("feeds", "revoke", str(office), "v01")
    assert code == 0
    assert "The old link of v01" in out and token not in out

    code, out, err = run("publish", str(office), "--month", "2026-10", "--locale", "en")
    assert "links handed out: 1" in out and "https://feeds.example.org/ihla/public.ics" in out
    assert "ihla/" + token not in out


def test_bad_feed_commands_exit_2(office: Path) -> None:
    code, _, err = run("feeds", "link", str(office))
    assert code == 2 and "`roster feeds link DIR --team`" in err
    assert run("feeds", "link", str(office), "v01", "--team")[0] == 2
    code, _, err = run("feeds", "link", str(office), "v01")
    assert code == 2 and f"Run `roster publish {office}` first" in err
    code, _, err = run("publish", str(office), "--month", "2026-11")
    assert code == 2 and "no plan for 2026-11" in err
    code, _, err = run("serve", str(office), "--port", "0")
    assert code == 2 and "roster publish" in err
    code, _, err = run("publish", str(office), "--caldav", "http://127.0.0.1:1/")
    assert code == 2 and "--caldav and --user go together" in err


def test_caldav_password_comes_from_environment_or_hidden_prompt() -> None:
    asked: list[str] = []

    def ask(question: str) -> str:
        asked.append(question)
        return "typed"

    url = "https://dav.example.org/"
    assert target_from_options(None, None, {}, ask) is None
    from_env = target_from_options(url, "lead", {"ROSTER_CALDAV_PASSWORD": "s3cret"}, ask)
    assert from_env == CalDAVTarget(url, "lead", "s3cret") and asked == []
    assert "s3cret" not in repr(from_env)
    prompted = target_from_options(url, "lead", {}, ask)
    assert prompted is not None
    assert prompted.password == "typed"
    assert asked == ["CalDAV password for lead"]
    with pytest.raises(RosterError, match="holds a password"):
        target_from_options("https://lead:pw@dav.example.org/", "lead", {}, ask)
    with pytest.raises(RosterError, match="address of a CalDAV server"):
        target_from_options("dav.example.org", "lead", {}, ask)


def test_publish_prompts_for_the_password_without_echo(office: Path) -> None:
    code, out, err = run(
        "publish",
        str(office),
        "--month",
        "2026-10",
        "--caldav",
        "http://127.0.0.1:9/",
        "--user",
        "lead",
        stdin="hunter2\n",
    )
    assert code == 2
    assert "CalDAV password for lead" in out
    assert "hunter2" not in out + err
    assert "could not reach the server" in err
    assert (office / "feeds" / "public.ics").is_file()  # published before the upload failed


def test_demo_publishes_and_shows_links_only_on_the_first_run(tmp_path: Path) -> None:
    folder = example_office(tmp_path / "demo")
    save(folder, example_plan(folder))
    data = load_office(folder)
    now = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)
    first = DemoReport(folder, Month(2026, 12), now=now)
    demo_feeds(data, first)
    text = first.text()
    links = [
        line
        for line in text.splitlines()
        if "http://127.0.0.1:8080/" in line and "public" not in line
    ]
    assert len(links) == 2 and "the team feed" in links[0] and "v01" in links[1]
    assert (folder / "feeds" / "public.ics").is_file()
    assert "roster serve" in text and "curl http://127.0.0.1:8080/public.ics" in text
    # the example office sets no feeds: base_url, so the demo's links are local, and it says so
    assert "These links work only on this computer" in text
    assert f"roster feeds link {folder} v02 --local" in text
    assert "--dir" not in text
    second = DemoReport(folder, Month(2026, 12), now=now)
    demo_feeds(data, second)
    again = second.text()
    assert "2 secret links were made on an earlier run and are not shown again." in again
    assert f"A new one: roster feeds revoke {folder} VOLUNTEER_ID --local" in again
    for line in links:
        assert line.split()[-1] not in again
    missing = DemoReport(folder, Month(2027, 1), now=now)
    demo_feeds(data, missing)
    assert "There is no plan for January 2027 yet, so there are no feeds yet." in missing.text()


def without_base_url(office: Path) -> Path:
    """The office with no public address for its feeds (no feeds: base_url)."""
    path = office / "office.yaml"
    text = path.read_text(encoding="utf-8")
    assert "  base_url: https://feeds.example.org/ihla\n" in text
    path.write_text(text.replace("  base_url: https://feeds.example.org/ihla\n", ""), "utf-8")
    return office


def test_without_base_url_no_link_is_made_and_the_message_says_why(office: Path) -> None:
    without_base_url(office)
    assert run("publish", str(office), "--month", "2026-10")[0] == 0
    tokens = office / "feeds" / "tokens.json"
    for command in ("link", "revoke"):
        code, out, err = run("feeds", command, str(office), "v01")
        assert (code, out) == (2, ""), command
        assert not tokens.exists(), command
        assert "http://127.0.0.1:8080" not in out
        assert err.startswith("Error: No link was made" if command == "link" else "Error: Nothing")
        assert "base_url is the public address where the volunteers' phones reach the feeds" in err
        assert '  feeds: {base_url: "https://dienstplan.beispiel.de"}\n' in err
        assert f"run `roster feeds {command} {office} v01 --local`." in err
        assert "Traceback" not in err


def test_local_links_work_on_this_computer_only_and_say_so(office: Path) -> None:
    without_base_url(office)
    assert run("publish", str(office), "--month", "2026-10")[0] == 0
    code, out, err = run("feeds", "link", str(office), "--team", "--local")
    assert (code, err) == (0, "")
    assert "  http://127.0.0.1:8080/" in out
    assert "This link works only on this computer (office.yaml sets no feeds: base_url)" in out
    code, _, err = run("feeds", "link", str(office), "--team", "--local")
    assert code == 2 and f"run `roster feeds revoke {office} --team --local`" in err
    code, out, _ = run("feeds", "revoke", str(office), "--team", "--local")
    assert code == 0 and "The old link of the team feed no longer works" in out
    assert "  http://127.0.0.1:8080/" in out and "only on this computer" in out
    code, out, _ = run("feeds", "revoke", str(office), "--team", "--no-new")
    assert (code, out) == (0, "The old link of the team feed no longer works.\n")


def test_feed_commands_take_the_folder_first_like_every_other_command(office: Path) -> None:
    code, out, _ = run("feeds", "link", "--help")
    assert code == 0
    assert "feeds link [OPTIONS] DIR [VOLUNTEER_ID]" in " ".join(out.split())
    assert "--dir" not in out
    assert "roster feeds link my-office v01" in out
    code, _, err = run("feeds", "link", "v01", "--dir", str(office))
    assert code == 2 and "No such option '--dir'" in err


def test_publish_speaks_the_offices_language(office: Path) -> None:
    code, out, err = run("publish", str(office), "--month", "2026-10")
    assert (code, err) == (0, "")
    assert "Die Kalender-Abos von September 2026 bis Januar 2027 sind veröffentlicht." in out
    assert "geplante Monate darin: Oktober 2026" in out
    assert "öffentliches Abo: https://feeds.example.org/ihla/public.ics" in out
    english = run("publish", str(office), "--month", "2026-10", "--locale", "en")[1]
    assert "The calendar feeds from September 2026 to January 2027 are published." in english
    sentences = [line for line in out.splitlines() if "roster " not in line]
    assert not any("--" in line or "feeds/" in line for line in sentences), sentences
