"""The words of `roster publish` (message ids ``publish.*``), in German and English:
what was published, and what the CalDAV upload did (:mod:`calendars.publish`,
:mod:`calendars.caldav_sync`). A sentence names no setting, option or internal file; the
feeds' folder, the public address and the command to run next stand as values."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "done": "The calendar feeds from {first} to {last} are published.",
        "plans": "planned months in them: {months}",
        "no_plans": "none",
        "feeds": "feeds: one for each of {people} volunteers, the team, the gaps and the public",
        "folder": "Folder: {path}",
        "events": "events: {shown}; {new} new, {changed} changed, {cancelled} cancelled, "
        "{removed} removed, {unchanged} unchanged",
        "written": "files written again: {count}",
        "links": "secret links handed out: {count}",
        "link_hint": "A volunteer's link: {command}",
        "public": "public feed: {url}",
        "nothing": "No {t_rota} lies in this time, so the feeds hold no {t_duty}. "
        "Plan the month first: {command}",
        "caldav": "CalDAV: {text}",
        "sync": "{calendars} calendars at {server}; {created} events created, {updated} "
        "updated, {deleted} deleted, {unchanged} unchanged",
        "left_one": "{count} calendar of someone who left the team removed",
        "left_other": "{count} calendars of people who left the team removed",
    },
    "de": {
        "done": "Die Kalender-Abos von {first} bis {last} sind veröffentlicht.",
        "plans": "geplante Monate darin: {months}",
        "no_plans": "keine",
        "feeds": "Abos: je eines für {people} Ehrenamtliche, das Team, die Lücken und die "
        "Öffentlichkeit",
        "folder": "Ordner: {path}",
        "events": "Termine: {shown}; {new} neu, {changed} geändert, {cancelled} abgesagt, "
        "{removed} entfernt, {unchanged} unverändert",
        "written": "Dateien neu geschrieben: {count}",
        "links": "geheime Links ausgegeben: {count}",
        "link_hint": "Link für eine Person: {command}",
        "public": "öffentliches Abo: {url}",
        "nothing": "In dieser Zeit liegt kein {t_rota}, die Abos enthalten also keinen "
        "{t_duty}. Planen Sie zuerst den Monat: {command}",
        "caldav": "CalDAV: {text}",
        "sync": "{calendars} Kalender auf {server}; {created} Termine angelegt, {updated} "
        "geändert, {deleted} gelöscht, {unchanged} unverändert",
        "left_one": "{count} Kalender einer Person entfernt, die das Team verlassen hat",
        "left_other": "{count} Kalender von Personen entfernt, die das Team verlassen haben",
    },
}
