"""The solver's reason codes in words: nested reasons, candidates, digests, the report
of ``roster explain``, and the availability's day reasons."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from roster.domain.team import Volunteer
from roster.wording.explanations import ReasonData, Wording
from roster.wording.report import ReportHead, SessionExplanations, Unrequested, report
from solver.availability import DayStatus, cannot_cover, cannot_cover_reason
from solver.reasons import Candidate, Explanation, Kind, reason

BERLIN = ZoneInfo("Europe/Berlin")
NAMES = {"c1": "Anna Berg", "l1": "Lina Saleh", "i1": "Ivan Petrov"}
EN, DE = Wording("en", names=NAMES), Wording("de", names=NAMES)
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
        "ist in dieser Sprechstunde schon eingeteilt (berät auf Persisch, mit Leitungsdienst)"
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
        "week; already has 3 duties for 4 days offered (fairness)"
    )
    assert EN.render(costs).endswith("already has 3 duties for 4 days offered (fairness)")
    assert DE.render(costs).endswith("hat schon 3 Dienste bei 4 angebotenen Tagen (Fairness)")
    hours = reason("hours_left", left=30, budget=450, needed=120)
    assert EN.render(hours) == (
        "has 0.5 hours left of the 7.5 hours a month agreed, and this takes 2 hours"
    )
    assert DE.render(hours) == (
        "hat von den vereinbarten 7,5 Stunden im Monat noch 0,5 Stunden übrig, und dies "
        "dauert 2 Stunden"
    )
    assert EN.render(reason("hours_left", left=60, budget=60, needed=90)) == (
        "has 1 hour left of the 1 hour a month agreed, and this takes 1.5 hours"
    )
    limit = reason("max_reached", limit=2, days=frozenset({THU, WED}))
    assert DE.render(limit) == (
        "hat diesen Monat schon 2 Dienste (3. Feb. und 4. Feb.); mehr hat die Person nicht "
        "angeboten"
    )
    assert EN.render(reason("max_reached", limit=1, days=frozenset({THU}))) == (
        "already has 1 duty this month (4 Feb); they offered no more"
    )
    assert EN.render(reason("max_zero")) == "takes no duties at the moment"


def test_few_candidates_are_named_many_are_grouped() -> None:
    few = reason("lead_summary", day=THU, people=(candidate("l1"), candidate("l2", "limit")))
    assert EN.render(few) == (
        "Lead duty on Thu 4 Feb: Lina Saleh (l1) could come; the plan leaves them free "
        "because they are needed more elsewhere; l2 takes no duties at the moment"
    )
    many = (
        candidate("c1", "cannot_come"),
        candidate("c2", "session_full"),
        candidate("c3", "cannot_come"),
        candidate("c4", "qualification"),
    )
    grouped = reason("language_several", count=4, language="ar", people=many)
    assert EN.render(grouped) == (
        "4 people speak Arabic well enough: cannot come that day: Anna Berg (c1), c3; "
        "the session has enough counsellors: c2; not qualified: c4"
    )
    assert DE.render(grouped) == (
        "4 Personen sprechen Arabisch gut genug: an dem Tag verhindert: Anna Berg (c1), c3; "
        "die Sprechstunde hat genug Berater:innen: c2; dafür nicht qualifiziert: c4"
    )
    nobody = reason("counsellors_summary", day=THU, missing=1, experienced=0, people=())
    assert (
        EN.render(nobody)
        == "Counsellors on Thu 4 Feb: 1 missing; of 0 experienced counsellors: none"
    )
    assert DE.render(nobody) == (
        "Berater:innen am Do., 4. Feb.: 1 fehlen; von 0 erfahrenen Berater:innen: keine"
    )
    one = reason("counsellors_summary", day=THU, missing=1, experienced=1, people=())
    assert "of 1 experienced counsellor:" in EN.render(one)


def test_appointment_reasons() -> None:
    closed = reason("closed", days=((date(2027, 2, 10), "Betriebsausflug"),))
    none = reason("no_appointment_session", first=WED, last=date(2027, 2, 10), closed=closed)
    assert EN.render(none) == (
        "there are no appointment hours between 3 Feb and 10 Feb (closed: 10 Feb Betriebsausflug)"
    )
    assert DE.render(none) == (
        "zwischen 3. Feb. und 10. Feb. gibt es keine Terminsprechstunde "
        "(geschlossen: 10. Feb. Betriebsausflug)"
    )
    at = datetime(2027, 2, 3, 13, 30, tzinfo=BERLIN)
    days = reason(
        "appointment_days",
        named=reason("named_counsellor", volunteer="c1", reason=reason("max_zero")),
        days=(
            (WED, reason("desks_taken", desks=2, taken=("A-1#1", "A-3#1")), ()),
            (THU, reason("would_fit", time=at), ()),
            (
                date(2027, 2, 10),
                reason("no_interpreter", language="ti"),
                (candidate("i1", "cannot_come"),),
            ),
        ),
    )
    assert EN.render(days).splitlines() == [
        "the case's counsellor Anna Berg (c1) takes no duties at the moment",
        "Wed 3 Feb: all 2 desks are taken at every start time (A-1#1, A-3#1)",
        "Thu 4 Feb: it would fit at 13:30, but the plan leaves it out: the people it needs are "
        "needed more elsewhere",
        "Wed 10 Feb: nobody who can come interprets Tigrinya or counsels in it \N{EN DASH} "
        "Ivan Petrov (i1) answered no in the poll for Thu 4 Feb",
    ]
    assert DE.render(days).splitlines()[::3] == [
        "die Berater:in des Falls, Anna Berg (c1), übernimmt zurzeit keine Dienste",
        "Mi., 10. Feb.: niemand, der kommen kann, dolmetscht Tigrinya oder berät auf Tigrinya "
        "\N{EN DASH} Ivan Petrov (i1) hat in der Umfrage für Do., 4. Feb. mit Nein geantwortet",
    ]
    alone = reason("appointment_days", named="", days=((WED, reason("no_counsellor"), ()),))
    assert DE.render(alone) == "Mi., 3. Feb.: keine Berater:in kann kommen und ist frei"
    kept = reason("day_kept", day=THU)
    assert DE.render(kept) == (
        "die Terminsprechstunde liegt vor dem Planungstag (4. Feb.) und bleibt wie geplant"
    )


def test_a_person_kept_from_a_session_before_the_planning_date_reads_as_a_sentence() -> None:
    only = reason("language_only", volunteer="i1", language="ru", reason=reason("kept", day=THU))
    assert DE.render(only) == (
        "nur Ivan Petrov (i1) spricht Russisch gut genug und kann nicht mehr eingeteilt werden: "
        "die Sprechstunde liegt vor dem Planungstag (4. Feb.) und bleibt wie geplant"
    )
    assert EN.render(only) == (
        "only Ivan Petrov (i1) speaks Russian well enough and cannot be added: the session "
        "lies before the planning date (4 Feb) and stays as planned"
    )


def test_the_explain_report() -> None:
    title = reason("lead_title", missing=1)
    summary = reason("lead_nobody", day=THU)
    need = Explanation(THU, title, summary, ((None, (candidate("l1", "limit"),)),))
    fact = reason("no_counsellor")
    appointment = Explanation(
        WED,
        reason("appointment_title", key="A-1#1", language="ar", minutes=60, window=(WED, THU)),
        reason("appointment_days", named="", days=((WED, fact, ()), (THU, fact, ()))),
        ((WED, (candidate("c1", "cannot_come"), candidate("c22", "free"))), (THU, ())),
        ((WED, fact), (THU, fact)),
    )
    session = SessionExplanations(
        THU,
        "Open hours",
        datetime(2027, 2, 4, 14, 0, tzinfo=BERLIN),
        datetime(2027, 2, 4, 16, 0, tzinfo=BERLIN),
        [need],
    )
    idle = Unrequested(
        date(2027, 2, 10),
        "Appointments",
        datetime(2027, 2, 10, 13, 0, tzinfo=BERLIN),
        datetime(2027, 2, 10, 15, 30, tzinfo=BERLIN),
    )
    head = ReportHead(date(2027, 2, 1), WED, "optimal")
    assert report(EN, head, [session], [appointment], [idle]).splitlines() == [
        "Reasons for February 2027 (planned on 3 February 2027; proven the best plan)",
        "",
        "Thu 4 Feb, Open hours 14:00-16:00",
        "  Lead duty: 1 missing",
        "    Lead duty on Thu 4 Feb: nobody in the team belongs to the lead",
        "    people considered:",
        "      Lina Saleh (l1)  takes no duties at the moment",
        "",
        "Appointments not scheduled",
        "  A-1#1 (Arabic, 60 min, 3-4 Feb)",
        "    Wed 3 Feb: no counsellor can come and is free",
        "      Anna Berg (c1)  answered no in the poll for Thu 4 Feb",
        "      c22             could come; the plan leaves them free because they are needed "
        "more elsewhere",
        "    Thu 4 Feb: no counsellor can come and is free",
        "",
        "Appointment hours without requests",
        "  Wed 10 Feb, Appointments 13:00-15:30: no appointments requested",
    ]
    empty = SessionExplanations(THU, "Open hours", session.start, session.end, [])
    feasible = ReportHead(date(2027, 2, 1), WED, "feasible", "3.2%")
    assert report(EN, feasible, [empty], []).splitlines() == [
        "Reasons for February 2027 (planned on 3 February 2027; a good plan, at most 3.2% "
        "above the best possible)",
        "",
        "Everything is covered: every need is met and every appointment scheduled.",
    ]
    assert report(DE, head, [], []).splitlines() == [
        "Gründe für Februar 2027 (geplant am 3. Februar 2027; nachweislich der beste Plan)",
        "",
        "Alles ist abgedeckt: jeder Bedarf ist gedeckt und jeder Termin eingeplant.",
    ]


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
