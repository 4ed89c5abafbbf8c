"""The report of ``roster explain``, in the office's locale.

Every uncovered need, by open-hours session, with the people considered and what kept
each; every appointment not scheduled, one line per date considered with the blocking
fact first and the people it names below it; and the appointment hours no request
could take place in ("no appointments requested"), which need nobody.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from roster.wording.explanations import CandidateData, ExplanationData, Wording


@dataclass(frozen=True)
class SessionExplanations:
    """The explanations of one open-hours session."""

    day: date
    name: str
    start: datetime
    end: datetime
    explanations: Sequence[ExplanationData]


@dataclass(frozen=True)
class Unrequested:
    """Appointment hours no appointment request could take place in."""

    day: date
    name: str
    start: datetime
    end: datetime


@dataclass(frozen=True)
class ReportHead:
    """What the report says about the plan it explains."""

    month: date
    as_of: date
    status: str
    gap: str = ""
    claim: str = ""
    """How good the plan is proven, in words, with the model restrictions that holds
    within (:func:`solver.proof.claim`); empty: the status's own words."""


def report(
    words: Wording,
    head: ReportHead,
    sessions: Sequence[SessionExplanations],
    unscheduled: Sequence[ExplanationData],
    unrequested: Sequence[Unrequested] = (),
) -> str:
    """Every uncovered need, by open-hours session, every unscheduled appointment and
    every appointment hours without requests."""
    status = head.claim or words.say(f"status_{head.status}", gap=head.gap)
    lines = [words.say("report_head", month=head.month, as_of=head.as_of, status=status)]
    found = 0
    for section in sessions:
        if not section.explanations:
            continue
        lines.append("")
        lines.append(
            words.say(
                "report_session",
                day=section.day,
                session=section.name,
                start=section.start,
                end=section.end,
            )
        )
        for explanation in section.explanations:
            found += 1
            lines.extend(explanation_lines(words, explanation))
    if unscheduled:
        lines.extend(["", words.say("report_unscheduled")])
        for explanation in unscheduled:
            found += 1
            lines.extend(explanation_lines(words, explanation))
    if not found:
        lines.extend(["", words.say("report_covered")])
    if unrequested:
        lines.extend(["", words.say("report_unrequested")])
        lines.extend(
            "  "
            + words.say(
                "report_unrequested_line",
                day=item.day,
                session=item.name,
                start=item.start,
                end=item.end,
            )
            for item in unrequested
        )
    return "\n".join(lines)


def people_lines(words: Wording, people: Sequence[CandidateData], indent: str) -> list[str]:
    """One line per person: the name and id, aligned, then what kept them."""
    names = [words.person(c.volunteer) for c in people]
    width = max((len(name) for name in names), default=0)
    return [
        f"{indent}{name:<{width}}  {words.render(c.reason)}"
        for name, c in zip(names, people, strict=True)
    ]


def explanation_lines(words: Wording, explanation: ExplanationData) -> list[str]:
    """The title of one explanation, then, indented: for an open-hours need its summary
    and the people considered; for an appointment each date considered, its blocking
    fact first, with the people considered that day below it."""
    lines = [f"  {words.render(explanation.title)}"]
    if explanation.facts:
        if explanation.headline is not None:
            lines.append(f"    {words.render(explanation.headline)}")
        by_day = dict(explanation.candidates)
        for day, fact in explanation.facts:
            lines.append(f"    {words.say('day_fact', day=day, fact=fact)}")
            lines.extend(people_lines(words, by_day.get(day, ()), "      "))
        return lines
    lines.extend(f"    {line}" for line in words.render(explanation.summary).splitlines())
    for _, people in explanation.candidates:
        if people:
            lines.append(f"    {words.say('report_candidates')}")
            lines.extend(people_lines(words, people, "      "))
    return lines
