"""The month as a mixed-integer program: the variables and the hard rules.

Open hours as in roster's model: who counsels (``counsel``), leads, counsels directly in a
language (``direct``) and interprets a language (``interpret``) in each session. The
appointments are time-indexed: ``place[key, session, start]`` says the appointment begins
at ``start`` minutes after the session's start (on the slot grid), and its counsellor,
second counsellor (beside a trainee) and interpreter are chosen per start, so desks and
double bookings are rows over the starts that cover each moment. The candidates per
appointment are roster's (``solver.variables.appointment_candidates``, with the same limit
per option), and so is the restriction ``no_surplus``. Soft rules: :mod:`peers.mip_soft`.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from peers.lp import Lp
from roster.domain.errors import RosterError
from solver.month_input import MonthInput
from solver.variables import (
    appointment_candidates,
    candidates_per_option,
    open_hours_candidates,
    open_hours_languages,
)

Terms = list[tuple[int, float]]
Slot = tuple[str, str, int]  # appointment key, session id, start offset in minutes


@dataclass
class MipModel:
    """The columns of every decision, keyed like roster's variables."""

    inp: MonthInput
    lp: Lp = field(default_factory=Lp)
    counsel: dict[tuple[str, str], int] = field(default_factory=dict)  # (sid, pid)
    lead: dict[tuple[str, str], int] = field(default_factory=dict)
    direct: dict[tuple[str, str, str], int] = field(default_factory=dict)  # (sid, lang, pid)
    interpret: dict[tuple[str, str, str], int] = field(default_factory=dict)
    place: dict[Slot, int] = field(default_factory=dict)
    counsellor: dict[Slot, dict[str, int]] = field(default_factory=dict)
    second: dict[Slot, dict[str, int]] = field(default_factory=dict)
    interpreter: dict[Slot, dict[str, int]] = field(default_factory=dict)
    works: dict[tuple[str, str], Terms] = field(default_factory=dict)  # (pid, sid)
    on_duty: dict[tuple[str, date], int] = field(default_factory=dict)  # (pid, day)
    minutes: dict[str, Terms] = field(default_factory=lambda: defaultdict(list))

    def duties(self, pid: str) -> dict[date, int]:
        """The person's duty-day columns, by date."""
        return {day: col for (who, day), col in self.on_duty.items() if who == pid}


def _open_hours(m: MipModel) -> None:
    inp, lp = m.inp, m.lp
    for session in inp.open_sessions:
        sid = session.id
        languages = open_hours_languages(inp, sid)
        found = open_hours_candidates(inp, sid, languages)
        for pid in found.counsel:
            m.counsel[sid, pid] = lp.binary()
            m.works.setdefault((pid, sid), []).append((m.counsel[sid, pid], 1.0))
            m.minutes[pid].append((m.counsel[sid, pid], session.minutes))
        for pid in found.lead:
            m.lead[sid, pid] = lp.binary()
            lp.at_most([(m.lead[sid, pid], 1.0), (m.counsel[sid, pid], -1.0)], 0.0)
        directs: dict[str, Terms] = defaultdict(list)
        for language in languages:
            for pid in found.direct[language]:
                m.direct[sid, language, pid] = col = lp.binary()
                directs[pid].append((col, 1.0))
            for pid in found.interpret[language]:
                m.interpret[sid, language, pid] = col = lp.binary()
                m.works.setdefault((pid, sid), []).append((col, 1.0))
                m.minutes[pid].append((col, session.minutes))
        for pid, parts in directs.items():  # one language at most, and only counselling
            lp.at_most([*parts, (m.counsel[sid, pid], -1.0)], 0.0)


def _appointments(m: MipModel) -> None:
    inp, lp = m.inp, m.lp
    limit = candidates_per_option(inp)
    present = {day: [p for p in inp.people if inp.availability.can(p.id, day)] for day in inp.dates}
    in_session: dict[tuple[str, str], Terms] = defaultdict(list)  # (pid, sid) counsellor cols
    interprets: dict[tuple[str, str, str], Terms] = defaultdict(list)
    for item in inp.appointments:
        key, request = item.key, item.request
        for option in inp.options(key):
            sid = option.session
            day = inp.session(sid).date
            counsellors, interpreters = appointment_candidates(
                inp, item, day, present[day], None, limit
            )
            trainees = any(p.trainee for p in counsellors)
            for start in option.starts:
                at = (key, sid, start)
                m.place[at] = placed = lp.binary()
                m.counsellor[at] = {p.id: lp.binary() for p in counsellors}
                m.second[at] = {
                    p.id: lp.binary() for p in counsellors if not p.trainee and trainees
                }
                m.interpreter[at] = {p.id: lp.binary() for p in interpreters}
                lp.equal([*((c, 1.0) for c in m.counsellor[at].values()), (placed, -1.0)], 0.0)
                speaking = [
                    (c, 1.0)
                    for pid, c in m.counsellor[at].items()
                    if inp.person(pid).speaks(request.language)
                ]
                lp.equal(
                    [*speaking, *((c, 1.0) for c in m.interpreter[at].values()), (placed, -1.0)],
                    0.0,
                )
                if m.second[at]:  # an experienced second counsellor exactly beside a trainee
                    lp.equal(
                        [
                            *((c, 1.0) for c in m.second[at].values()),
                            *(
                                (c, -1.0)
                                for pid, c in m.counsellor[at].items()
                                if inp.person(pid).trainee
                            ),
                        ],
                        0.0,
                    )
                    for pid, col in m.second[at].items():
                        lp.at_most([(col, 1.0), (m.counsellor[at][pid], 1.0)], 1.0)
                for table in (m.counsellor[at], m.second[at]):
                    for pid, col in table.items():
                        in_session[pid, sid].append((col, 1.0))
                        m.minutes[pid].append((col, request.minutes))
                for pid, col in m.interpreter[at].items():
                    interprets[pid, sid, request.language].append((col, 1.0))
                    m.minutes[pid].append((col, request.minutes))
        places = [(m.place[key, o.session, s], 1.0) for o in inp.options(key) for s in o.starts]
        if len(places) > 1:
            lp.at_most(places, 1.0)  # at most once
    # a person counsels (or interprets L) in a session iff in one of its appointments
    groups = [*sorted(in_session.items()), *((k[:2], v) for k, v in sorted(interprets.items()))]
    for (pid, sid), parts in groups:
        fn = lp.binary()
        for col, _ in parts:
            lp.at_most([(col, 1.0), (fn, -1.0)], 0.0)
        lp.at_most([(fn, 1.0), *((col, -1.0) for col, _ in parts)], 0.0)
        m.works.setdefault((pid, sid), []).append((fn, 1.0))


def _duties(m: MipModel) -> None:
    inp, lp = m.inp, m.lp
    by_day: dict[tuple[str, date], list[str]] = defaultdict(list)
    order = {s.id: n for n, s in enumerate(inp.sessions)}
    for pid, sid in sorted(m.works, key=lambda k: (k[0], order[k[1]])):
        lp.at_most(m.works[pid, sid], 1.0)  # one function per person per session
        by_day[pid, inp.session(sid).date].append(sid)
    for (pid, day), sids in sorted(by_day.items()):
        if len(sids) == 1 and len(m.works[pid, sids[0]]) == 1:
            m.on_duty[pid, day] = m.works[pid, sids[0]][0][0]
            continue
        duty = lp.binary()
        for sid in sids:
            lp.at_most([*m.works[pid, sid], (duty, -1.0)], 0.0)
        lp.at_most([(duty, 1.0), *((c, -1.0) for sid in sids for c, _ in m.works[pid, sid])], 0.0)
        m.on_duty[pid, day] = duty


def _person_rules(m: MipModel) -> None:
    inp, lp = m.inp, m.lp
    for first, second in inp.overlapping_pairs():  # one place at a time
        for person in inp.people:
            a, b = m.works.get((person.id, first)), m.works.get((person.id, second))
            if a and b:
                lp.at_most([*a, *b], 1.0)
    for person in inp.people:
        duties = list(m.duties(person.id).values())
        if len(duties) > person.max_per_month:
            lp.at_most([(c, 1.0) for c in duties], person.max_per_month)
        if person.hours_per_month is not None:
            budget = round(person.hours_per_month * 60)
            terms = m.minutes.get(person.id, [])
            if sum(minutes for _, minutes in terms) > budget:
                lp.at_most(terms, budget)


def _session_rules(m: MipModel) -> None:
    inp, lp = m.inp, m.lp
    for session in inp.open_sessions:
        sid, rule = session.id, inp.open_rule(session.id)
        counsel = {pid: c for (s, pid), c in m.counsel.items() if s == sid}
        if len(counsel) > rule.counsellors.max:
            lp.at_most([(c, 1.0) for c in counsel.values()], rule.counsellors.max)
        experienced = [(c, 1.0) for pid, c in counsel.items() if not inp.person(pid).trainee]
        for pid, col in counsel.items():
            if inp.person(pid).trainee:  # a trainee beside an experienced counsellor
                lp.at_most([(col, 1.0), *((c, -1.0) for c, _ in experienced)], 0.0)
        needs = {need.language: need.interpreters for need in inp.language_needs(sid)}
        for language in open_hours_languages(inp, sid):  # no_surplus, as roster's model
            forced = sum(
                1 for e in inp.overrides.assign if e.date == session.date and e.language == language
            )
            parts = [
                (c, 1.0)
                for table in (m.interpret, m.direct)
                for (s, lang, _), c in table.items()
                if s == sid and lang == language
            ]
            lp.at_most(parts, max(needs.get(language, 0), forced))
        forced_leads = sum(
            1 for e in inp.overrides.assign if e.date == session.date and e.role == "lead"
        )
        leads = [(c, 1.0) for (s, _), c in m.lead.items() if s == sid]
        lp.at_most(leads, max(rule.leads, forced_leads))
    for session in inp.appointment_sessions:
        _moments(m, session.id, inp.appointment_rule(session.id).desks)


def _moments(m: MipModel, sid: str, desks: int) -> None:
    """Desks and double bookings: two appointments overlap iff the later start lies in
    both, so rows at each start offset suffice."""
    length = {item.key: item.request.minutes for item in m.inp.appointments}
    slots = [at for at in m.place if at[1] == sid]
    for moment in sorted({at[2] for at in slots}):
        covering = [at for at in slots if at[2] <= moment < at[2] + length[at[0]]]
        if len(covering) > desks:
            m.lp.at_most([(m.place[at], 1.0) for at in covering], desks)
        busy: dict[str, Terms] = defaultdict(list)
        for at in covering:
            for table in (m.counsellor[at], m.second[at], m.interpreter[at]):
                for pid, col in table.items():
                    busy[pid].append((col, 1.0))
        for parts in busy.values():
            if len(parts) > 1:
                m.lp.at_most(parts, 1.0)


def _overrides(m: MipModel) -> None:
    """Each ``assign`` override: one of the columns that fulfil it is 1."""
    inp = m.inp
    for index, entry in enumerate(inp.overrides.assign):
        pid, language, day = entry.volunteer, entry.language, entry.date
        found: list[int] = []
        for session in inp.sessions_on(day):
            sid = session.id
            if session.kind == "open_hours":
                if entry.role == "lead":
                    found += [c for (s, p), c in m.lead.items() if (s, p) == (sid, pid)]
                elif entry.role == "counsellor" and not language:
                    found += [c for (s, p), c in m.counsel.items() if (s, p) == (sid, pid)]
                else:
                    table = m.direct if entry.role == "counsellor" else m.interpret
                    found += [c for key, c in table.items() if key == (sid, language, pid)]
                continue
            tables = (m.counsellor, m.second) if entry.role == "counsellor" else (m.interpreter,)
            for at, people in ((at, t[at]) for t in tables for at in t if at[1] == sid):
                if pid in people and (
                    entry.role == "counsellor" or _language(m, at[0]) == language
                ):
                    found.append(people[pid])
        if not found:
            raise RosterError(f"assign[{index}]: the MIP has no column for {pid} on {day}")
        m.lp.at_least([(c, 1.0) for c in found], 1.0)


def _language(m: MipModel, key: str) -> str:
    return next(item.request.language for item in m.inp.appointments if item.key == key)


def build_hard(inp: MonthInput) -> MipModel:
    """The variables and hard rules of a fresh plan of the month (no earlier plan kept)."""
    if inp.previous is not None:
        raise RosterError("the MIP peer plans a month afresh; re-planning is not modelled")
    m = MipModel(inp)
    _open_hours(m)
    _appointments(m)
    _duties(m)
    _person_rules(m)
    _session_rules(m)
    _overrides(m)
    return m
