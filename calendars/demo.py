"""The feeds step of `roster demo`: publish the demo month and show how to serve it.

On the first run in a folder the demo makes the links of the team feed and of one
volunteer and shows them, once, as ``roster feeds link`` would; later runs find the links
made and show none (only their hashes are kept). The public feed's address is no secret.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from calendars.events import TEAM, FeedRef
from calendars.links import link_feed
from calendars.publish import feeds_dir, publish
from calendars.tokens import read_tokens
from roster.plan import plan_path, read_plan

if TYPE_CHECKING:
    from roster.demo import DemoReport
    from roster.loading import OfficeData


def demo_feeds(data: OfficeData, report: DemoReport, now: datetime | None = None) -> None:
    """Publish the demo month's feeds into the demo folder and add the section and hints."""
    folder = data.folder
    month = report.month
    if report.lacks_plan("feeds", "there are no feeds yet", "publish"):
        return
    moment = now or datetime.now().astimezone()
    published = publish(folder, now=moment, month=month)
    lines = ["== feeds ==", published.text().rstrip(), ""]
    if not read_tokens(folder).links:
        plan = read_plan(plan_path(folder, month))
        on_duty = sorted(
            {entry.volunteer for session in plan.sessions for entry in session.staff}
            & {person.id for person in data.volunteers}
        )
        first = on_duty[0] if on_duty else data.volunteers[0].id
        lines.append(
            "Secret links, made on this first run and shown only now "
            "(`roster feeds link` makes the others):"
        )
        for ref in (TEAM, FeedRef("volunteer", first)):
            issued = link_feed(folder, ref, moment)
            lines.append(f"  {issued.who}: {issued.url}")
    else:
        count = len(read_tokens(folder).links)
        lines.append(
            f"{count} secret links were made on an earlier run and are not shown again; "
            f"`roster feeds revoke VOLUNTEER_ID --dir {folder}` makes a new one."
        )
    report.sections.append("\n".join(lines))
    report.written.append(feeds_dir(folder))
    report.hints.extend(
        [
            f"Serve the feeds: roster serve {folder}",
            "  then, in another terminal: curl http://127.0.0.1:8080/public.ics",
            f"A volunteer's link with a QR code: roster feeds link v02 --dir {folder}",
            "Running it behind a reverse proxy, CalDAV: docs/feeds.md; "
            "subscribing on a phone: docs/subscribe.md",
        ]
    )
