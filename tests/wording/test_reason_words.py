"""The solver's reason codes in words: nested reasons, candidates, digests, the report
of ``roster explain``, and the availability's day reasons."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from roster.domain.team import Volunteer
from roster.wording.explanations import ReasonData, SessionExplanations, Wording
from solver.availability import DayStatus, cannot_cover, cannot_cover_reason
from solver.reasons import Candidate, Explanation, Kind, reason

BERLIN = ZoneInfo("Europe/Berlin")
EN, DE = Wording("en"), Wording("de")
WED, THU = date(2027, 2, 3), date(2027, 2, 4)


def candidate(pid: str, kind: Kind = "free") -> Candidate:
    reasons = {
        "free": reason("kept_free"),
        "cannot_come": reason("answered_no", day=THU),
        "limit": reason("max_zero"),
        "qualification": reason("trainee"),
        "session_full": reason("session_full", language="ar", limit=2),
    }
    return Candidate(pid, reasons[kind], kind)


def test_a_reason_is_data_until_it_is_worded() -> None:
    why = reason("already", doing=reason("on_lead", doing=reason("counsels_in", language="fa")))
    assert isinstance(why, ReasonData)
    assert EN.render(why) == "already counsels in Persian on lead duty in this session"
    assert DE.render(why) == (
        "ist in dieser Sprechstunde schon eingeteilt (berät auf Persisch, mit Leitung vom Dienst)"
    )


def test_soft_costs_and_limits() -> None:
    costs = reason(
        "could_but",
        costs=(
            reason("maybe", day=THU),
            reason("same_week", days=(WED,)),
            reason("fairness", duties=3, offered=4),
        ),
    )
    assert EN.render(costs) == (
        "could come, but answered maybe for Thu 4 Feb; is already on duty 3 Feb in the same "
        "week; already has 3 duties for 4 dates offered (fairness)"
    )
    hours = reason("hours_left", left=30, budget=7.5, needed=120)
    assert EN.render(hours) == (
        "has 0.5 hours of the hours_per_month budget (7.5) left and this takes 2 hours"
    )
    assert DE.render(hours) == (
        "hat vom Stundenbudget hours_per_month (7,5) noch 0,5 Stunden übrig, und dies dauert "
        "2 Stunden"
    )
    limit = reason("max_reached", limit=2, days=frozenset({THU, WED}))
    assert DE.render(limit) == "hat max_per_month (2) erreicht: im Dienst am 3. Feb. und 4. Feb."


def test_few_candidates_are_named_many_are_grouped() -> None:
    few = reason("lead_summary", day=THU, people=(candidate("l1"), candidate("l2", "limit")))
    assert EN.render(few) == (
        "Lead on Thu 4 Feb: l1 could come; the plan keeps them free because using them here "
        "costs more elsewhere (see the score); l2 has max_per_month 0"
    )
    many = (
        candidate("c1", "cannot_come"),
        candidate("c2", "session_full"),
        candidate("c3", "cannot_come"),
        candidate("c4", "qualification"),
    )
    grouped = reason("language_several", count=4, language="ar", people=many)
    assert EN.render(grouped) == (
        "4 people speak Arabic well enough: 2 cannot come that day (c1, c3); "
        "1 would exceed counsellors.max (c2); 1 are not qualified (c4)"
    )
    assert DE.render(grouped) == (
        "4 Personen sprechen Arabisch gut genug: 2 können an dem Tag nicht (c1, c3); "
        "1 würden counsellors.max überschreiten (c2); 1 sind dafür nicht qualifiziert (c4)"
    )
    nobody = reason("counsellors_summary", day=THU, missing=1, experienced=0, people=())
    assert (
        EN.render(nobody)
        == "Counsellors on Thu 4 Feb: 1 missing; of 0 experienced counsellors: none"
    )
    assert DE.render(nobody) == (
        "Beratung am Do., 4. Feb.: 1 fehlen; von 0 erfahrenen Beratungspersonen: keine"
    )


def test_appointment_reasons() -> None:
    closed = reason("closed", days=((date(2027, 2, 10), "Betriebsausflug"),))
    none = reason(
        "appointment",
        key="A-2#1",
        reason=reason("no_appointment_session", first=WED, last=date(2027, 2, 10), closed=closed),
    )
    assert EN.render(none) == (
        "A-2#1: there is no appointment session between 3 Feb and 10 Feb "
        "(closed: 10 Feb Betriebsausflug)"
    )
    assert DE.render(none) == (
        "A-2#1: zwischen 3. Feb. und 10. Feb. gibt es keine Terminsprechstunde "
        "(geschlossen: 10. Feb. Betriebsausflug)"
    )
    at = datetime(2027, 2, 3, 13, 30, tzinfo=BERLIN)
    options = reason(
        "appointment_options",
        key="A-7#1",
        named=reason("named_counsellor", volunteer="c1", reason=reason("max_zero")),
        options=(
            (WED, reason("desks_taken", desks=2, taken=("A-1#1", "A-3#1"))),
            (THU, reason("would_fit", time=at)),
        ),
    )
    assert EN.render(options) == (
        "A-7#1: its counsellor c1 has max_per_month 0; Wed 3 Feb: all 2 desks are taken at "
        "every start time (A-1#1, A-3#1); Thu 4 Feb: it would fit at 13:30, but the plan "
        "found placing it costlier than leaving it out (the people it needs are worth more "
        "elsewhere)"
    )
    interpreters = reason(
        "no_interpreter",
        language="ti",
        detail=reason("people", people=(candidate("i1", "cannot_come"),)),
    )
    assert EN.render(interpreters) == (
        "no interpreter for Tigrinya can come (i1 answered no in the poll for Thu 4 Feb) and "
        "no counsellor who can come speaks Tigrinya"
    )


def test_the_explain_report() -> None:
    title = reason("lead_title", missing=1)
    summary = reason("lead_nobody", day=THU)
    need = Explanation(THU, title, summary, ((None, (candidate("l1", "limit"),)),))
    appointment = Explanation(
        WED,
        reason("appointment_title", key="A-1#1", language="ar", minutes=60, window=(WED, THU)),
        reason("appointment", key="A-1#1", reason=reason("no_counsellor")),
        ((WED, (candidate("c1", "cannot_come"),)), (THU, ())),
    )
    session = SessionExplanations(
        THU,
        "Open hours",
        datetime(2027, 2, 4, 14, 0, tzinfo=BERLIN),
        datetime(2027, 2, 4, 16, 0, tzinfo=BERLIN),
        [need],
    )
    assert EN.report("2027-02", WED, "optimal", [session], [appointment]).splitlines() == [
        "Explanations for 2027-02 (planned as of 2027-02-03, solver status optimal)",
        "",
        "Thu 4 Feb, Open hours 14:00-16:00",
        "  Lead duty: 1 missing",
        "    Lead on Thu 4 Feb: nobody in the team has the role lead",
        "    candidates:",
        "      l1     has max_per_month 0",
        "",
        "Unscheduled appointments",
        "  A-1#1 (Arabic, 60 min, 3-4 Feb)",
        "    A-1#1: no counsellor can come and is free",
        "    candidates on Wed 3 Feb:",
        "      c1     answered no in the poll for Thu 4 Feb",
    ]
    empty = SessionExplanations(THU, "Open hours", session.start, session.end, [])
    assert EN.report("2027-02", WED, "feasible", [empty], []).splitlines()[1:] == [
        "",
        "Everything is covered: every need is met and every appointment scheduled.",
    ]
    assert DE.report("2027-02", WED, "optimal", [], []).splitlines()[-1] == (
        "Alles ist abgedeckt: jeder Bedarf ist gedeckt und jeder Termin eingeplant."
    )


def test_day_status_words_its_reason_only_when_asked() -> None:
    status = DayStatus(can=False, why=reason("absent", span=(WED, date(2027, 2, 10))))
    assert status.reason == "is absent 3-10 Feb"
    assert DayStatus(can=True).reason == ""


def test_why_a_speaker_may_not_take_a_language() -> None:
    def volunteer(roles: list[Any], languages: dict[str, Any]) -> Volunteer:
        # model_construct: the loader would refuse an interpreter with basic German
        return Volunteer.model_construct(id="v1", name="V", roles=roles, languages=languages)

    interpreter = volunteer(["interpreter"], {"de": "basic", "ps": "native"})
    why = cannot_cover(interpreter, "ps")
    assert why == reason("german_basic")
    assert cannot_cover_reason(interpreter, "ps", "Pashto") == (
        "speaks German only at basic level, so cannot interpret"
    )
    assert (
        DE.render(why) == "spricht Deutsch nur auf Grundniveau und kann deshalb nicht dolmetschen"
    )
    lead = volunteer(["lead"], {"de": "native", "so": "fluent"})
    assert cannot_cover_reason(lead, "so", "Somalisch (office)") == (
        "speaks Somalisch (office) but is neither interpreter nor counsellor"
    )
    assert cannot_cover_reason(lead, "ar", "Arabic") == "does not speak Arabic"
    assert cannot_cover(volunteer(["interpreter"], {"de": "fluent", "so": "native"}), "so") is None
