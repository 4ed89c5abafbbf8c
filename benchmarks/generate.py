"""Synthetic offices for the benchmarks, from a seed and a size.

``small`` is the example office (examples/velbert, its poll month). ``medium``,
``large`` and ``city`` (4,000 volunteers, for the time limit on a city office; not in
the default benchmark run) are generated: volunteers with roles, languages, weekdays, absences and an
availability poll, a visit log with rising trends, and appointment requests. The same
seed gives the same folder, byte for byte.

    python benchmarks/generate.py medium /tmp/medium --seed 1

``--volunteers N`` scales a generated size's shape to N volunteers (:func:`scaled`):
the same sessions and languages, appointments and desks in proportion, so that
``large --volunteers 4000`` is the ``city`` office and ``large --volunteers 1000`` the
``large`` one, byte for byte (benchmarks/scaling.py measures the large shape from 30 to
10,000 volunteers). From about 8,000 volunteers a session would need more counsellors or
desks than office.yaml allows, so the sessions are split into parallel rooms
(:func:`open_rooms`, :func:`appointment_rooms`).

    python benchmarks/generate.py large /tmp/large-2000 --volunteers 2000
"""

from __future__ import annotations

import argparse
import math
import random
import shutil
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path

import yaml

from roster.domain.month import Month
from roster.domain.office import Office
from roster.domain.sessions import month_calendar

ROOT = Path(__file__).resolve().parent.parent
MONTH = Month(2027, 3)
LANGUAGES = [
    "ar", "fa", "fa-AF", "ckb", "ku", "ti", "tr", "ru", "uk", "ps",
    "so", "fr", "en", "es", "pt", "it", "pl", "ro", "bg", "sq",
    "sr", "am", "ur", "hi", "bn", "ta", "vi", "zh", "ka", "hy",
]  # fmt: skip
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday"]


@dataclass(frozen=True)
class Size:
    """The shape of a synthetic office."""

    volunteers: int
    languages: int
    open_hours: list[tuple[str, str, str]]  # weekday, start, end
    appointment_hours: list[tuple[str, str, str]]
    appointments: int
    desks: int


SIZES: dict[str, Size] = {
    "medium": Size(
        volunteers=100,
        languages=15,
        open_hours=[
            ("monday", "10:00", "12:00"),
            ("tuesday", "14:00", "16:00"),
            ("thursday", "14:00", "16:00"),
        ],
        appointment_hours=[("wednesday", "13:00", "15:30"), ("friday", "09:00", "12:00")],
        appointments=60,
        desks=3,
    ),
    "large": Size(
        volunteers=1000,
        languages=30,
        open_hours=[
            ("monday", "10:00", "12:00"),
            ("monday", "14:00", "16:00"),
            ("tuesday", "14:00", "16:00"),
            ("wednesday", "10:00", "12:00"),
            ("thursday", "14:00", "16:00"),
            ("friday", "10:00", "12:00"),
        ],
        appointment_hours=[
            ("tuesday", "09:00", "12:00"),
            ("wednesday", "13:00", "16:00"),
            ("thursday", "09:00", "12:00"),
            ("friday", "13:00", "16:00"),
        ],
        appointments=400,
        desks=8,
    ),
}


def scaled(size: Size, volunteers: int) -> Size:
    """``size``'s shape with ``volunteers`` volunteers: the same languages and sessions,
    appointments and desks (at least one) in proportion to the volunteers."""
    if volunteers < 1:
        raise ValueError(f"at least one volunteer, not {volunteers}")
    factor = volunteers / size.volunteers
    return replace(
        size,
        volunteers=volunteers,
        appointments=round(size.appointments * factor),
        desks=max(1, round(size.desks * factor)),
    )


SIZES["city"] = scaled(SIZES["large"], 4000)
"""The large office's sessions and languages for 4,000 volunteers: 1,600 appointments,
32 desks per session (for the time limits; not in ``run.py``)."""


def _staff_scale(size: Size) -> float:
    """How many times the medium office's staff stands behind one open-hours session.

    Demand per session (counsellors, visitors) grows with it, so that every generated
    office is stretched alike: about two thirds of the interpreting need can be met.
    """
    return size.volunteers / 100 * 3 / len(size.open_hours)


MAX_COUNSELLORS = 100
"""office.yaml's limit of counsellors per session (``counsellors.max``)."""
MAX_DESKS = 50
"""office.yaml's limit of desks per appointments session."""


def open_rooms(size: Size) -> int:
    """How many parallel rooms each open-hours session needs: one while the session's
    ``counsellors.max`` stays within the office's limit (up to about 8,000 volunteers of
    the large shape), more for a city the size of 10,000."""
    return math.ceil(4 * max(1, round(_staff_scale(size))) / MAX_COUNSELLORS)


def appointment_rooms(size: Size) -> int:
    """How many parallel rooms each appointments session needs to keep its desks within
    the office's limit."""
    return math.ceil(size.desks / MAX_DESKS)


def _later(clock: str, minutes: int) -> str:
    hour, minute = divmod(int(clock[:2]) * 60 + int(clock[3:]) + minutes, 60)
    return f"{hour:02d}:{minute:02d}"


def _room(name: str, room: int, rooms: int) -> str:
    return name if rooms == 1 else f"{name} room {room + 1}"


def _office(size: Size, languages: list[str]) -> dict[str, object]:
    """The office's rules. A city too large for one room per session gets parallel rooms:
    the same session again, starting 15 (open hours) or 30 minutes (appointments, one
    slot) later per room, since two sessions of a kind may not start at the same time;
    each room takes its share of the counsellors and desks."""
    sessions: list[dict[str, object]] = []
    rooms = open_rooms(size)
    scale = max(1, round(_staff_scale(size) / rooms))
    for weekday, start, end in size.open_hours:
        sessions.extend(
            {
                "name": _room(f"Open hours {weekday} {start}", room, rooms),
                "kind": "open_hours",
                "weekday": weekday,
                "start": _later(start, 15 * room),
                "end": _later(end, 15 * room),
                "counsellors": {"min": 2 * scale, "max": 4 * scale},
                "leads": 1,
                "interpreters": {languages[0]: 1},
                "visitors_per_interpreter": 4,
            }
            for room in range(rooms)
        )
    desk_rooms = appointment_rooms(size)
    for weekday, start, end in size.appointment_hours:
        sessions.extend(
            {
                "name": _room(f"Appointments {weekday} {start}", room, desk_rooms),
                "kind": "appointments",
                "weekday": weekday,
                "start": _later(start, 30 * room),
                "end": _later(end, 30 * room),
                "slot_minutes": 30,
                "desks": math.ceil(size.desks / desk_rooms),
            }
            for room in range(desk_rooms)
        )
    return {
        "name": f"Synthetic office ({size.volunteers} volunteers)",
        "location": "Town hall",
        "timezone": "Europe/Berlin",
        "locale": "en",
        "holidays": "DE-NW",
        "closures": [],
        "sessions": sessions,
        "team_meeting": {"weekday": "monday", "week": "first", "start": "18:00", "minutes": 90},
    }


def _volunteers(size: Size, languages: list[str], rnd: random.Random) -> list[dict[str, object]]:
    people: list[dict[str, object]] = []
    weights = [1 / (rank + 1) for rank in range(len(languages))]  # common languages first
    leads = max(3, size.volunteers // 30)
    for index in range(size.volunteers):
        vid = f"p{index + 1:04d}"
        roll = rnd.random()
        roles: list[str]
        spoken: dict[str, str] = {"de": "native"}
        if index < leads:
            roles = ["lead", "counsellor"]
        elif roll < 0.35:
            roles = ["counsellor"]
        elif roll < 0.85:
            roles = ["interpreter"]
        elif roll < 0.97:
            roles = ["counsellor", "interpreter"]
        else:
            roles = ["social_worker"]
        if "interpreter" in roles or rnd.random() < 0.3:
            spoken["de"] = "fluent"
            first = rnd.choices(languages, weights)[0]
            spoken[first] = "native"
            if rnd.random() < 0.3:
                second = rnd.choices(languages, weights)[0]
                spoken.setdefault(second, "fluent")
        days = sorted(rnd.sample(WEEKDAYS, rnd.choice([1, 2, 2, 3])), key=WEEKDAYS.index)
        person: dict[str, object] = {
            "id": vid,
            "name": f"Person {index + 1}",
            "roles": roles,
            "languages": spoken,
            "weekdays": days,
            "max_per_month": rnd.choice([2, 3, 3, 4, 5]),
        }
        if "social_worker" in roles:
            person["hours_per_month"] = 20
        if roles == ["counsellor"] and rnd.random() < 0.1:
            person["trainee"] = True
        if rnd.random() < 0.1:
            start = MONTH.first + timedelta(days=rnd.randrange(0, 25))
            person["absences"] = [
                {"from": start, "to": start + timedelta(days=rnd.randrange(2, 10))}
            ]
        people.append(person)
    return people


def _availability(people: list[dict[str, object]], office: Office, rnd: random.Random) -> str:
    dates = sorted({s.date for s in month_calendar(office, MONTH).sessions})
    lines = ["volunteer," + ",".join(d.isoformat() for d in dates)]
    for person in people:
        if rnd.random() < 0.2:
            continue  # did not answer the poll
        cells = []
        for day in dates:
            usual = WEEKDAYS[day.weekday()] in person["weekdays"]  # type: ignore[operator]
            roll = rnd.random()
            if usual:
                cells.append(
                    "yes" if roll < 0.6 else "maybe" if roll < 0.8 else "no" if roll < 0.9 else ""
                )
            else:
                cells.append("no" if roll < 0.8 else "maybe" if roll < 0.9 else "")
        lines.append(f"{person['id']}," + ",".join(cells))
    return "\n".join(lines) + "\n"


def _visits(size: Size, office: Office, languages: list[str], rnd: random.Random) -> str:
    rows = ["date,language,visitors"]
    open_days: list[date] = []
    month = MONTH
    for _ in range(3):
        month = month.previous()
        open_days.extend(
            s.date for s in month_calendar(office, month).sessions if s.kind == "open_hours"
        )
    open_days = sorted(set(open_days))
    scale = _staff_scale(size) / open_rooms(size)  # each room's visitors
    for language_rank, code in enumerate(languages):
        base = scale * 8 / (language_rank + 1)
        slope = base * rnd.uniform(0.0, 0.05)
        for week, day in enumerate(open_days):
            value = max(0, round(base + slope * week + rnd.uniform(-1, 1)))
            rows.append(f"{day.isoformat()},{code},{value}")
    return "\n".join(rows) + "\n"


def _appointments(
    size: Size, people: list[dict[str, object]], languages: list[str], rnd: random.Random
) -> list[dict[str, object]]:
    weights = [1 / (rank + 1) for rank in range(len(languages))]
    counsellors = [p["id"] for p in people if "counsellor" in p["roles"] and not p.get("trainee")]  # type: ignore[operator]
    requests: list[dict[str, object]] = []
    for index in range(size.appointments):
        earliest = MONTH.first + timedelta(days=rnd.randrange(0, 14))
        request: dict[str, object] = {
            "case": f"C-{index + 1:04d}",
            "language": rnd.choices(languages, weights)[0],
            "minutes": rnd.choice([30, 60, 60, 90]),
            "earliest": earliest,
            "latest": min(MONTH.last, earliest + timedelta(days=rnd.randrange(7, 21))),
            "note": f"confidential note {index}",
        }
        if rnd.random() < 0.3:
            request["counsellor"] = rnd.choice(counsellors)
        requests.append(request)
    return requests


def _yaml(data: object) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


def generate(size_name: str, target: Path, seed: int = 1, volunteers: int | None = None) -> Month:
    """Write a synthetic office of ``size_name`` (its shape scaled to ``volunteers`` when
    given, see :func:`scaled`) into ``target``; return its month."""
    if target.exists():
        shutil.rmtree(target)
    if size_name == "small":
        if volunteers is not None:
            raise ValueError("the small office is the example office: it does not scale")
        shutil.copytree(ROOT / "examples" / "velbert", target)
        return Month(2026, 12)
    size = SIZES[size_name] if volunteers is None else scaled(SIZES[size_name], volunteers)
    rnd = random.Random(seed)
    languages = LANGUAGES[: size.languages]
    office_data = _office(size, languages)
    office = Office.model_validate(office_data)
    people = _volunteers(size, languages, rnd)
    (target / "availability").mkdir(parents=True)
    (target / "appointments").mkdir()
    (target / "office.yaml").write_text(_yaml(office_data), encoding="utf-8")
    (target / "volunteers.yaml").write_text(_yaml({"volunteers": people}), encoding="utf-8")
    (target / "availability" / f"{MONTH}.csv").write_text(
        _availability(people, office, rnd), encoding="utf-8"
    )
    (target / "visits.csv").write_text(_visits(size, office, languages, rnd), encoding="utf-8")
    requests = _appointments(size, people, languages, rnd)
    (target / "appointments" / f"{MONTH}.yaml").write_text(
        _yaml({"appointments": requests}), encoding="utf-8"
    )
    return MONTH


def main() -> None:
    """Command line: write one synthetic office."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("size", choices=["small", *SIZES])
    parser.add_argument("target", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--volunteers", type=int, help="scale the size's shape to this many volunteers"
    )
    args = parser.parse_args()
    if args.size == "small" and args.volunteers is not None:
        parser.error("--volunteers scales a generated size, not small")
    month = generate(args.size, args.target, args.seed, args.volunteers)
    shape = "" if args.volunteers is None else f" ({args.volunteers} volunteers)"
    print(f"wrote {args.size} office{shape} for {month} to {args.target}")


if __name__ == "__main__":
    main()
