"""`roster demo`: the main job on the example office, end to end.

The demo plans the month of the example's availability poll, so it gives the same
result whatever today's date is. Each step is one library call, listed in order in
``STEPS``: check, calendar, forecast, plan, feeds, printouts.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from calendars.feed_refs import TEAM, FeedRef
from calendars.links import link_feed as issue_link
from calendars.publish import feeds_dir, publish
from calendars.tokens import read_tokens
from roster.app.accounts import add_account, read_accounts
from roster.app.clock import office_now
from roster.app.guard import reading, writing
from roster.app.planning import plan_office
from roster.app.printing import pdf_lines
from roster.app.summaries import calendar_text, check_summary, forecast_text
from roster.domain.errors import RosterError
from roster.domain.files import write_atomic
from roster.domain.month import Month
from roster.domain.office_data import OfficeData
from roster.domain.sessions import month_calendar
from roster.folder.load import load_office
from roster.folder.starter import copy_example
from roster.planfile.io import plan_path, read_plan
from roster.printouts.documents import PEOPLE_FOLDER, PRINT_FOLDER
from roster.printouts.documents import print_month as write_printouts
from roster.printouts.glyphs import glyph_problem
from roster.printouts.render import missing_glyphs, pdf_problem
from roster.wording.catalogue import plural, text
from roster.wording.dates import date_text


@dataclass
class DemoReport:
    """What the demo did and wrote."""

    folder: Path
    month: Month
    now: datetime | None = None
    sections: list[str] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    hints: list[str] = field(default_factory=list)
    locale: str = "en"
    """The language of the report."""

    def say(self, key: str, /, **values: object) -> str:
        """The message ``command.<key>`` in the report's language."""
        return text(self.locale, f"command.{key}", **values)

    @property
    def month_name(self) -> str:
        """``Dezember 2026``."""
        return date_text(self.month.first, "LLLL yyyy", self.locale)

    def lacks_plan(self, step: str, consequence: str, command: str) -> bool:
        """Whether the month has no plan file; if so, say so in a section for ``step``."""
        folder, month = self.folder, self.month
        if plan_path(folder, month).is_file():
            return False
        self.sections.append(
            "\n".join(
                [
                    f"== {step} ==",
                    self.say(
                        "demo_no_plan", month=self.month_name, consequence=self.say(consequence)
                    ),
                    self.say("demo_first", command=f"roster plan {folder} --month {month}"),
                    self.say("demo_then", command=f"roster {command} {folder} --month {month}"),
                ]
            )
        )
        return True

    def text(self) -> str:
        """The report the CLI prints."""
        parts = [
            self.say("demo_title", month=self.month_name),
            self.say("demo_folder", folder=self.folder),
            "",
        ]
        for section in self.sections:
            parts.extend([section, ""])
        if self.written:
            parts.append(self.say("demo_written"))
            parts.extend(f"  {path}" for path in self.written)
            parts.append("")
        parts.extend(self.hints)
        return "\n".join(parts).rstrip() + "\n"


def demo_month(data: OfficeData) -> Month:
    """The month of the example's availability poll (the latest one)."""
    if data.availability:
        return max(data.availability)
    if data.appointments:
        return max(data.appointments)
    raise ValueError("the example office has no availability poll")


def _check(data: OfficeData, report: DemoReport) -> None:
    report.sections.append("== check ==\n" + check_summary(data, report.locale))


def _calendar(data: OfficeData, report: DemoReport) -> None:
    calendar = month_calendar(data.office, report.month, report.locale)
    report.sections.append("== calendar ==\n" + calendar_text(calendar, report.locale))


def _forecast(data: OfficeData, report: DemoReport) -> None:
    report.sections.append("== forecast ==\n" + forecast_text(data, report.month, report.locale))


DEMO_MARKER = ".roster-demo"
"""The file that marks a folder as made by `roster demo` (which may then run in it again)."""


def _refuse_a_real_office(target: Path) -> None:
    """Stop unless ``target`` is new, empty, or a demo folder the demo made itself."""
    if not target.exists():
        return
    if not target.is_dir():
        raise RosterError(
            f"{target} is a file, not a folder. Give the demo a new folder name, "
            "e.g. `roster demo roster-demo`."
        )
    if (target / DEMO_MARKER).is_file() or not any(target.iterdir()):
        return
    raise RosterError(
        f"{target} already holds files and was not made by the demo, so the demo does not "
        "touch it (it would replace an office's files with the example team). Give the demo "
        "a new folder name, e.g. `roster demo roster-demo`."
    )


def run_demo(target: Path, *, now: datetime | None = None, locale: str | None = None) -> DemoReport:
    """Copy the example office to ``target`` and run the main job on it; the report is in
    ``locale`` (default: the example office's).

    ``target`` must be new, empty, or a folder an earlier demo made (marked with
    :data:`DEMO_MARKER`); a real office folder is never overwritten.
    """
    target = Path(target)
    with reading():
        _refuse_a_real_office(target)
    with writing(target, "roster demo"):
        write_atomic(
            target / DEMO_MARKER,
            "This folder was made by `roster demo`; the demo may run in it again.\n",
        )
        copy_example(target)
        data = load_office(target)
        report = DemoReport(target, demo_month(data), now=now, locale=locale or data.office.locale)
        for step in STEPS:
            step(data, report)
    report.hints.append(report.say("demo_look", folder=target))
    return report


def demo_plan(data: OfficeData, report: DemoReport) -> None:
    """Plan the demo month as of the day before it starts (so that re-planning keeps no
    session as past) and summarise it."""
    today = report.month.first - timedelta(days=1)
    planned = plan_office(data, report.month, today=today, locale=report.locale)
    report.sections.append("== plan ==\n" + planned.text())
    report.written.append(planned.path)
    command = f"roster explain {data.folder} --month {report.month}"
    report.hints.append(report.say("demo_explain", command=command))


def demo_feeds(data: OfficeData, report: DemoReport) -> None:
    """Publish the demo month's feeds and show how to serve them.

    On the first run in a folder the demo makes the links of the team feed and of one
    volunteer and shows them, once, as ``roster feeds link`` would; later runs find the
    links made and show none (only their hashes are kept). The public feed's address is no
    secret. The example office sets no ``feeds.base_url``, so these are local links (the
    demo asks for them, as ``--local`` does): they work only on this computer, and the
    report says so.
    """
    folder = data.folder
    month = report.month
    if report.lacks_plan("feeds", "demo_no_feeds", "publish"):
        return
    moment = office_now(data.office, report.now)
    published = publish(data, now=moment, month=month)
    lines = ["== feeds ==", published.text(report.locale).rstrip(), ""]
    if not read_tokens(folder).links:
        plan = read_plan(plan_path(folder, month))
        on_duty = sorted(
            {entry.volunteer for session in plan.sessions for entry in session.staff}
            & {person.id for person in data.volunteers}
        )
        first = on_duty[0] if on_duty else data.volunteers[0].id
        lines.append(report.say("demo_links_new"))
        for ref in (TEAM, FeedRef("volunteer", first)):
            issued = issue_link(data, ref, moment, local=True)
            lines.append(f"  {issued.who}: {issued.url}")
        command = f"roster feeds link {folder} VOLUNTEER_ID --local"
        lines.append(report.say("demo_links_other", command=command))
        if data.office.feeds.base_url is None:
            lines.append(report.say("demo_local"))
    else:
        count = len(read_tokens(folder).links)
        lines.append(plural(report.locale, "command.demo_links_old", count))
        command = f"roster feeds revoke {folder} VOLUNTEER_ID --local"
        lines.append(report.say("demo_links_revoke", command=command))
    report.sections.append("\n".join(lines))
    report.written.append(feeds_dir(folder))
    report.hints.extend(
        [
            report.say("demo_serve", command=f"roster serve {folder}"),
            report.say("demo_curl", command="curl http://127.0.0.1:8080/public.ics"),
            report.say("demo_qr", command=f"roster feeds link {folder} v02 --local"),
            report.say("demo_docs"),
        ]
    )


def _kind(path: Path) -> str:
    if path.parent.name == PEOPLE_FOLDER:
        return "people"
    return path.name.split("-", 1)[0]


def demo_print(data: OfficeData, report: DemoReport) -> None:
    """Print the demo month into ``DIR/print/`` and say how to open the files."""
    folder, month = data.folder, report.month
    if report.lacks_plan("print", "demo_nothing_to_print", "print"):
        return
    with missing_glyphs() as lacking:
        written = write_printouts(data, month, locale=report.locale)
    counts: dict[str, int] = {}
    for path in written:
        if path.suffix == ".html":
            counts[_kind(path)] = counts.get(_kind(path), 0) + 1
    lines = ["== print ==", report.say("demo_printouts", month=report.month_name)]
    lines.extend(
        f"  {count:>3} {report.say(f'demo_kind_{kind}')}" for kind, count in counts.items()
    )
    problem = pdf_problem()
    lines.extend(pdf_lines(problem, report.locale) or [report.say("demo_both")])
    glyphs = glyph_problem(data, lacking, report.locale)
    if glyphs:
        lines.append(glyphs)
    report.sections.append("\n".join(lines))
    report.written.extend(path for path in written if path.parent.name != PEOPLE_FOLDER)
    report.written.append(folder / PRINT_FOLDER / PEOPLE_FOLDER)
    rota = folder / PRINT_FOLDER / f"rota-{month}"
    report.hints.append(report.say("demo_open", path=f"{rota}.html"))
    if problem is None:
        report.hints.append(report.say("demo_ready", path=f"{rota}.pdf"))
    shown = f"{rota}.{'html' if problem else 'pdf'}"
    report.hints.extend(
        [
            report.say("demo_xdg", command=f"xdg-open {shown}"),
            report.say("demo_again", command=f"roster print {folder} --month {month}"),
        ]
    )


WEB_URL = "http://127.0.0.1:8080/"
"""Where `roster web` serves the app by default."""


def demo_web(data: OfficeData, report: DemoReport) -> None:
    """Say how to open the web app on the demo office. On the first run the first lead of
    the example team gets an account with a new random password, shown once; later runs
    find the account and say how to set a new password."""
    folder = data.folder
    lead = next(person for person in data.volunteers if person.leads())
    lines = ["== web ==", report.say("demo_web_start", command=f"roster web {folder}")]
    if read_accounts(folder).of(lead.id) is None:
        password = secrets.token_urlsafe(12)
        add_account(folder, lead.id, ask_password=lambda _prompt: password, now=report.now)
        lines.append(
            report.say(
                "demo_web_login", url=WEB_URL, user=lead.id, name=lead.name, password=password
            )
        )
    else:
        command = f"roster web adduser {folder} {lead.id}"
        lines.append(report.say("demo_web_old", name=lead.name, user=lead.id, command=command))
    report.hints.extend(["", *lines, ""])


DemoStep = Callable[[OfficeData, DemoReport], None]
STEPS: list[DemoStep] = [
    _check,
    _calendar,
    _forecast,
    demo_plan,
    demo_feeds,
    demo_print,
    demo_web,
]
"""The main job, in order: feeds and printouts read the plan the plan step writes; the
web app's account comes last."""
