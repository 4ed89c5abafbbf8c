"""The Team page and its API: who is in the team and who has left (``/team``,
``GET /api/team``), a person's details (``/team/{volunteer}``,
``GET /api/team/{volunteer}``), adding a person (``/team/new``, ``POST /api/team``),
changing one (``PUT /api/team/{volunteer}``), their last day
(``POST /api/team/{volunteer}/leave``) and coming back
(``POST /api/team/{volunteer}/return``).

The page and its API call the same functions of :mod:`roster.app.team` and
:mod:`roster.app.team_save`. A form that has problems comes back with each message next
to its field (422), nothing saved; a saved form redirects to the list, which says what
was saved (POST-redirect-GET).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, HTTPException, Path, Request
from pydantic import BaseModel, Field
from starlette.responses import RedirectResponse, Response

from roster.app.team import (
    NoSuchVolunteerError,
    TeamForm,
    TeamMember,
    TeamView,
    team_form,
    team_of,
    volunteer_of,
)
from roster.app.team_form import (
    TEAM_FIELD,
    AbsenceRow,
    LanguageRow,
    LastDay,
    NewVolunteer,
    VolunteerEntry,
    VolunteerForm,
)
from roster.app.team_save import add_volunteer, edit_volunteer, leave_team, return_to_team
from roster.domain.errors import RosterError
from roster.domain.lock import FolderBusyError
from roster.web.deps import LeadDep, SettingsDep
from roster.web.errors import roster_error_fields
from roster.web.pages import office_of, render, words
from roster.web.settings import WebSettings

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$"
VolunteerPath = Annotated[
    str, Path(pattern=ID_PATTERN, description="the person's short id, e.g. v07")
]
DONE = frozenset({"added", "saved", "left", "returned"})
"""What the list says after a saved form (``?done=...&who=<id>``)."""
EMPTY_LANGUAGE_ROWS = 3
EMPTY_ABSENCE_ROWS = 2
ROWS = 60
"""At most this many rows of languages or absences are read from a form."""

pages = APIRouter(include_in_schema=False)
api = APIRouter(prefix="/api", tags=["team"])


class TeamFields(BaseModel):
    """The fields of the form to add or change a person, as the browser sends them: the
    rows of languages and absences as parallel lists (empty rows included)."""

    id: str = Field(default="", max_length=100)
    name: str = Field(default="", max_length=200)
    email: str = Field(default="", max_length=200)
    roles: list[str] = Field(default_factory=list, max_length=10)
    language: list[str] = Field(default_factory=list, max_length=ROWS)
    level: list[str] = Field(default_factory=list, max_length=ROWS)
    weekdays: list[str] = Field(default_factory=list, max_length=10)
    max_per_month: str = Field(default="", max_length=20)
    hours_per_month: str = Field(default="", max_length=20)
    trainee: str = Field(default="", max_length=10)
    absence_from: list[str] = Field(default_factory=list, max_length=ROWS)
    absence_to: list[str] = Field(default_factory=list, max_length=ROWS)

    def form(self) -> VolunteerForm:
        """The form as the application reads it."""
        rows = max(len(self.language), len(self.level))
        codes = self.language + [""] * (rows - len(self.language))
        levels = self.level + [""] * (rows - len(self.level))
        spans = max(len(self.absence_from), len(self.absence_to))
        firsts = self.absence_from + [""] * (spans - len(self.absence_from))
        lasts = self.absence_to + [""] * (spans - len(self.absence_to))
        return VolunteerForm(
            id=self.id,
            name=self.name,
            email=self.email,
            roles=self.roles,
            languages=[LanguageRow(code=c, level=v) for c, v in zip(codes, levels, strict=True)],
            weekdays=self.weekdays,
            max_per_month=self.max_per_month,
            hours_per_month=self.hours_per_month,
            trainee=bool(self.trainee),
            absences=[AbsenceRow(start=a, end=b) for a, b in zip(firsts, lasts, strict=True)],
        )


FormFields = Annotated[TeamFields, Form()]


def _errors(exc: RosterError) -> tuple[dict[str, str], list[str]]:
    """The problems by field, and those for above the form."""
    fields: dict[str, str] = {}
    top: list[str] = []
    for item in roster_error_fields(exc):
        if item["field"] == TEAM_FIELD:
            top.append(item["message"])
        else:
            fields.setdefault(item["field"], item["message"])
    return fields, top


def _form_page(
    request: Request,
    form: TeamForm,
    *,
    status: int = 200,
    message: str | None = None,
    errors: dict[str, str] | None = None,
    top: list[str] | None = None,
    last_day: str | None = None,
) -> Response:
    return render(
        request,
        "team_form.html.j2",
        status=status,
        active="team",
        form=form,
        message=message,
        errors=errors or {},
        top=top or [],
        empty_languages=EMPTY_LANGUAGE_ROWS,
        empty_absences=EMPTY_ABSENCE_ROWS,
        last_day=last_day if last_day is not None else _last_day_shown(form),
    )


def _last_day_shown(form: TeamForm) -> str:
    """The last day the leave form offers: the one set, else today."""
    member = form.member
    day = member.left if member is not None and member.left is not None else form.today
    return day.isoformat()


def _form_of(
    settings: WebSettings, volunteer_id: str | None, values: VolunteerForm | None = None
) -> TeamForm:
    try:
        return team_form(settings.folder, volunteer_id, values=values, now=settings.clock())
    except NoSuchVolunteerError:
        raise HTTPException(status_code=404) from None


def _refused(
    request: Request,
    settings: WebSettings,
    volunteer_id: str | None,
    exc: RosterError,
    *,
    values: VolunteerForm | None = None,
    last_day: str | None = None,
) -> Response:
    """The form again, with what was sent and its problems (409 when the folder is busy)."""
    form = _form_of(settings, volunteer_id, values=values)
    if isinstance(exc, FolderBusyError):
        message = words(office_of(request).locale)("busy")
        return _form_page(request, form, status=409, message=message, last_day=last_day)
    errors, top = _errors(exc)
    return _form_page(
        request,
        form,
        status=422,
        message=exc.message,
        errors=errors,
        top=top,
        last_day=last_day,
    )


def _fits(done: str, person: TeamMember) -> bool:
    """Whether the message after a save fits the person as they are now."""
    return done != "left" or person.left_text is not None


def _done(action: str, volunteer_id: str) -> RedirectResponse:
    return RedirectResponse(f"/team?done={action}&who={volunteer_id}", status_code=303)


@pages.get("/team")
def team_page(request: Request, settings: SettingsDep) -> Response:
    """The team and the former volunteers; after a save, what was saved."""
    view = team_of(settings.folder, now=settings.clock())
    done = request.query_params.get("done")
    who = request.query_params.get("who")
    members = [*view.active, *view.former]
    person = next((member for member in members if member.id == who), None)
    return render(
        request,
        "team.html.j2",
        active="team",
        team=view,
        done=done if done in DONE and person is not None and _fits(done, person) else None,
        done_person=person,
    )


@pages.get("/team/new")
def new_page(request: Request, settings: SettingsDep) -> Response:
    """The form to add a person."""
    return _form_page(request, _form_of(settings, None))


@pages.post("/team/new")
def add_from_form(
    request: Request, settings: SettingsDep, lead: LeadDep, fields: FormFields
) -> Response:
    """Add the person of the form; the form again with its problems otherwise."""
    values = fields.form()
    try:
        added = add_volunteer(
            settings.folder,
            values,
            who=lead.id,
            now=settings.clock(),
            lock_wait=settings.lock_wait,
        )
    except RosterError as exc:
        return _refused(request, settings, None, exc, values=values)
    return _done("added", added.id)


@pages.get("/team/{volunteer}")
def person_page(request: Request, settings: SettingsDep, volunteer: VolunteerPath) -> Response:
    """A person's details to change, and their last day."""
    return _form_page(request, _form_of(settings, volunteer))


@pages.post("/team/{volunteer}")
def edit_from_form(
    request: Request,
    settings: SettingsDep,
    lead: LeadDep,
    volunteer: VolunteerPath,
    fields: FormFields,
) -> Response:
    """Save the changed details; the form again with its problems otherwise."""
    values = fields.form()
    try:
        edit_volunteer(
            settings.folder,
            volunteer,
            values,
            who=lead.id,
            now=settings.clock(),
            lock_wait=settings.lock_wait,
        )
    except NoSuchVolunteerError:
        raise HTTPException(status_code=404) from None
    except RosterError as exc:
        return _refused(request, settings, volunteer, exc, values=values)
    return _done("saved", volunteer)


@pages.post("/team/{volunteer}/leave")
def leave_from_form(
    request: Request,
    settings: SettingsDep,
    lead: LeadDep,
    volunteer: VolunteerPath,
    last_day: Annotated[str, Form(max_length=20)] = "",
) -> Response:
    """Save the person's last day (empty: today)."""
    try:
        leave_team(
            settings.folder,
            volunteer,
            last_day,
            who=lead.id,
            now=settings.clock(),
            lock_wait=settings.lock_wait,
        )
    except NoSuchVolunteerError:
        raise HTTPException(status_code=404) from None
    except RosterError as exc:
        return _refused(request, settings, volunteer, exc, last_day=last_day)
    return _done("left", volunteer)


@pages.post("/team/{volunteer}/return")
def return_from_form(
    request: Request, settings: SettingsDep, lead: LeadDep, volunteer: VolunteerPath
) -> Response:
    """Take the person back into the team."""
    try:
        return_to_team(
            settings.folder,
            volunteer,
            who=lead.id,
            now=settings.clock(),
            lock_wait=settings.lock_wait,
        )
    except NoSuchVolunteerError:
        raise HTTPException(status_code=404) from None
    except RosterError as exc:
        return _refused(request, settings, volunteer, exc)
    return _done("returned", volunteer)


@api.get("/team")
def api_team(settings: SettingsDep) -> TeamView:
    """The team (by name) and the former volunteers, in the office's language."""
    return team_of(settings.folder, now=settings.clock())


@api.post("/team", status_code=201)
def api_add(settings: SettingsDep, lead: LeadDep, body: NewVolunteer) -> TeamMember:
    """Add a person (without an id: the next free one). 422 with the problem of each
    field; nothing is saved then."""
    return add_volunteer(
        settings.folder, body, who=lead.id, now=settings.clock(), lock_wait=settings.lock_wait
    )


@api.get("/team/{volunteer}")
def api_person(settings: SettingsDep, volunteer: VolunteerPath) -> TeamMember:
    """One person of the team."""
    try:
        return volunteer_of(settings.folder, volunteer, now=settings.clock())
    except NoSuchVolunteerError:
        raise HTTPException(status_code=404) from None


@api.put("/team/{volunteer}")
def api_edit(
    settings: SettingsDep, lead: LeadDep, volunteer: VolunteerPath, body: VolunteerEntry
) -> TeamMember:
    """Change a person's details (all of them but the id and the last day)."""
    try:
        return edit_volunteer(
            settings.folder,
            volunteer,
            body,
            who=lead.id,
            now=settings.clock(),
            lock_wait=settings.lock_wait,
        )
    except NoSuchVolunteerError:
        raise HTTPException(status_code=404) from None


@api.post("/team/{volunteer}/leave")
def api_leave(
    settings: SettingsDep, lead: LeadDep, volunteer: VolunteerPath, body: LastDay
) -> TeamMember:
    """Set the person's last day with the office (without one: today in the office's
    time zone). After it they are never planned; their past duties stay."""
    try:
        return leave_team(
            settings.folder,
            volunteer,
            body,
            who=lead.id,
            now=settings.clock(),
            lock_wait=settings.lock_wait,
        )
    except NoSuchVolunteerError:
        raise HTTPException(status_code=404) from None


@api.post("/team/{volunteer}/return")
def api_return(settings: SettingsDep, lead: LeadDep, volunteer: VolunteerPath) -> TeamMember:
    """Take the person back into the team: the last day is removed."""
    try:
        return return_to_team(
            settings.folder,
            volunteer,
            who=lead.id,
            now=settings.clock(),
            lock_wait=settings.lock_wait,
        )
    except NoSuchVolunteerError:
        raise HTTPException(status_code=404) from None
