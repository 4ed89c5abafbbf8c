"""Errors in plain words: problem documents (RFC 9457) for the API, pages for the browser.

Under ``/api/`` every error is ``application/problem+json`` with ``type``, ``title``,
``status``, ``detail`` and, for input that is not valid, ``errors``: one ``{field,
message}`` per field. Elsewhere the same message is a page. What each error becomes:

- :class:`NotLoggedInError`: a page redirects to the login page (303), the API answers 401;
- :class:`RefusedError` (a refused CSRF check, too many login attempts...): its status and
  message;
- :class:`~roster.domain.errors.RosterError`: 422 with its plain message and the fields
  of its problems; :class:`~roster.domain.lock.FolderBusyError` (another run is saving): 409,
  "someone else is saving; try again in a moment";
- a request that does not fit (a missing field, a month that is no month): 422;
- any other exception: 500, "something went wrong; nothing was saved", and one log line
  with the exception's type and where it happened (file, line and function of each frame:
  not its message, no source line, nothing of the request: no client data, no cookie, no
  token).
"""

from __future__ import annotations

import logging
import traceback
from typing import Any
from urllib.parse import quote

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from roster.domain.errors import RosterError
from roster.domain.lock import FolderBusyError
from roster.web.pages import office_of, render, words
from roster.wording.catalogue import plural, text

LOG = logging.getLogger("roster.web")
PROBLEM_TYPE = "application/problem+json"
TYPES = {
    409: "urn:roster:problem:busy",
    422: "urn:roster:problem:invalid",
}
"""The ``type`` of the problems with a meaning of their own; others are ``about:blank``."""


class NotLoggedInError(Exception):
    """The request needs a logged-in lead and has none."""


class RefusedError(Exception):
    """The request is refused with ``status`` and the message ``web.<key>`` (its counted
    form for ``count``)."""

    def __init__(
        self,
        status: int,
        key: str,
        *,
        count: int | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(key)
        self.status = status
        self.key = key
        self.count = count
        self.headers = headers or {}

    def message(self, locale: str) -> str:
        """The message in ``locale``."""
        if self.count is None:
            return text(locale, f"web.{self.key}")
        return plural(locale, f"web.{self.key}", self.count)


def is_api(request: Request) -> bool:
    """Whether the request is one of the JSON API's."""
    return request.url.path.startswith("/api/")


def problem(
    status: int,
    title: str,
    detail: str | None = None,
    *,
    errors: list[dict[str, str]] | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    """A problem document."""
    body: dict[str, Any] = {"type": TYPES.get(status, "about:blank"), "title": title}
    body["status"] = status
    if detail is not None:
        body["detail"] = detail
    if errors is not None:
        body["errors"] = errors
    return JSONResponse(body, status_code=status, media_type=PROBLEM_TYPE, headers=headers)


def error_page(
    request: Request,
    status: int,
    message: str,
    *,
    fields: list[dict[str, str]] | None = None,
    hint: str | None = None,
    headers: dict[str, str] | None = None,
) -> Response:
    """The error page: a title, the message, the fields' messages, a way back."""
    t = words(office_of(request).locale)
    title = t("refused_title") if status in (401, 403, 429) else t("error_title")
    page = render(
        request,
        "error.html.j2",
        status=status,
        title=title,
        message=message,
        hint=hint,
        fields=fields or [],
    )
    page.headers.update(headers or {})
    return page


def answer(
    request: Request,
    status: int,
    message: str,
    *,
    fields: list[dict[str, str]] | None = None,
    headers: dict[str, str] | None = None,
) -> Response:
    """A problem document under ``/api/``, an error page elsewhere."""
    if is_api(request):
        return problem(status, message, message, errors=fields, headers=headers)
    return error_page(request, status, message, fields=fields, headers=headers)


def failure(request: Request, exc: RosterError) -> tuple[int, str]:
    """The status and the plain message of a job that failed: 409 and "busy, try again"
    when another writer holds the office folder, else 422 and the error's own message.
    Pages that show the message in their own frame use it as the API answers do."""
    if isinstance(exc, FolderBusyError):
        return 409, words(office_of(request).locale)("busy")
    return 422, exc.message


def roster_error_fields(exc: RosterError) -> list[dict[str, str]]:
    """``{field, message}`` of each problem of the error that names a field."""
    return [{"field": item.field, "message": item.message} for item in exc.problems if item.field]


async def _not_logged_in(request: Request, exc: Exception) -> Response:
    del exc
    t = words(office_of(request).locale)
    if is_api(request):
        return problem(401, t("login_needed"), t("login_needed"))
    target = quote(request.url.path, safe="/")
    return RedirectResponse(f"/login?next={target}", status_code=303)


async def _refused(request: Request, exc: Exception) -> Response:
    if not isinstance(exc, RefusedError):
        raise exc
    message = exc.message(office_of(request).locale)
    return answer(request, exc.status, message, headers=exc.headers)


async def _roster_error(request: Request, exc: Exception) -> Response:
    if not isinstance(exc, RosterError):
        raise exc
    status, message = failure(request, exc)
    return answer(request, status, message, fields=roster_error_fields(exc) or None)


async def _invalid_request(request: Request, exc: Exception) -> Response:
    if not isinstance(exc, RequestValidationError):
        raise exc
    t = words(office_of(request).locale)
    fields = []
    for error in exc.errors():
        location = [str(part) for part in error.get("loc", ()) if part not in ("body", "query")]
        key = "field_missing" if error.get("type") == "missing" else "field_invalid"
        fields.append({"field": ".".join(location[-1:]) or "request", "message": t(key)})
    return answer(request, 422, t("bad_request"), fields=fields)


async def _http_error(request: Request, exc: Exception) -> Response:
    if not isinstance(exc, StarletteHTTPException):
        raise exc
    t = words(office_of(request).locale)
    key = {404: "not_found", 405: "not_allowed"}.get(exc.status_code, "bad_request")
    return answer(request, exc.status_code, t(key), headers=dict(exc.headers or {}))


def install_handlers(app: FastAPI) -> None:
    """Turn every kind of error into its plain answer."""
    app.add_exception_handler(NotLoggedInError, _not_logged_in)
    app.add_exception_handler(RefusedError, _refused)
    app.add_exception_handler(RosterError, _roster_error)
    app.add_exception_handler(RequestValidationError, _invalid_request)
    app.add_exception_handler(StarletteHTTPException, _http_error)


class CatchAll:
    """ASGI middleware: an exception no handler took becomes the plain 500 answer."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Pass the request on; answer 500 if it fails before its answer started."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def watch(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, watch)
        except Exception as exc:
            route = scope.get("route")
            where = getattr(route, "path", "?")
            stack = "\n".join(
                f"  {frame.filename}:{frame.lineno} in {frame.name}"
                for frame in traceback.extract_tb(exc.__traceback__)
            )
            LOG.error("internal error %s in %s\n%s", type(exc).__name__, where, stack)  # noqa: TRY400 - the message may hold client data
            if started:
                return
            await self._server_error(scope, receive, send)

    @staticmethod
    async def _server_error(scope: Scope, receive: Receive, send: Send) -> None:
        request = Request(scope, receive)
        try:
            t = words(office_of(request).locale)
            response: Response
            if is_api(request):
                response = problem(500, t("server_error"), t("server_error_hint"))
            else:
                response = error_page(request, 500, t("server_error"), hint=t("server_error_hint"))
        except Exception:
            plain = text("en", "web.server_error") + "\n"
            response = Response(plain, status_code=500, media_type="text/plain")
        await response(scope, receive, send)
