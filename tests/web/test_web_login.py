"""Logging in and out (issue 14, sections 4 and 6): the same answer for an unknown user
and a wrong password, a new session at login, the cookie's flags, logging out, and the
login throttle with its backoff (the clock is moved by hand, nothing sleeps)."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient
from web_office import LEAD, LEAD_NAME, ORIGIN, PASSWORD, Clock, csrf_of, login

from roster.web import create_app
from roster.web.throttle import FREE_FAILURES, MAX_WAIT_SECONDS, LoginThrottle


def form_login(client: TestClient, account: str, password: str, next_page: str = "/") -> object:
    token = csrf_of(client.get("/login").text)
    return client.post(
        "/login",
        data={"account": account, "password": password, "csrf_token": token, "next": next_page},
        headers={"Origin": ORIGIN},
        follow_redirects=False,
    )


def api_login(client: TestClient, account: str, password: str) -> tuple[int, dict[str, object]]:
    token = client.get("/api/session").json()["csrf_token"]
    answer = client.post(
        "/api/session",
        json={"account": account, "password": password},
        headers={"X-CSRF-Token": token},
    )
    body: dict[str, object] = answer.json()
    return answer.status_code, body


def test_the_login_form_logs_in_and_goes_to_the_page_asked_for(client: TestClient) -> None:
    first = client.get("/month/2026-12", follow_redirects=False)
    assert first.status_code == 303
    assert first.headers["location"] == "/login?next=/month/2026-12"
    answer = form_login(client, LEAD, PASSWORD, "/month/2026-12")
    assert answer.status_code == 303  # type: ignore[attr-defined]
    assert answer.headers["location"] == "/month/2026-12"  # type: ignore[attr-defined]
    page = client.get("/month/2026-12")
    assert page.status_code == 200
    assert f"Angemeldet: {LEAD_NAME}" in page.text


def test_login_never_redirects_to_another_site(client: TestClient) -> None:
    for target in ("https://evil.example/", "//evil.example/x", "/\\evil.example"):
        answer = form_login(client, LEAD, PASSWORD, target)
        assert answer.headers["location"] == "/"  # type: ignore[attr-defined]
        client.cookies.clear()


def test_unknown_user_and_wrong_password_get_the_same_answer(client: TestClient) -> None:
    wrong = form_login(client, LEAD, "not the password at all")
    unknown = form_login(client, "nobody", "not the password at all")
    for answer in (wrong, unknown):
        assert answer.status_code == 401  # type: ignore[attr-defined]
        assert "Benutzername oder Passwort ist falsch." in answer.text  # type: ignore[attr-defined]
    status_wrong, body_wrong = api_login(client, LEAD, "not the password at all")
    status_unknown, body_unknown = api_login(client, "v05", "not the password at all")
    assert status_wrong == status_unknown == 401
    assert body_wrong == body_unknown
    assert body_wrong["detail"] == "Benutzername oder Passwort ist falsch."
    assert client.get("/api/months/2026-12/overview").status_code == 401


def test_logging_in_starts_a_new_session_with_safe_cookie_flags(client: TestClient) -> None:
    before = client.get("/api/session").json()["csrf_token"]
    answer = client.post(
        "/api/session",
        json={"account": LEAD, "password": PASSWORD},
        headers={"X-CSRF-Token": before},
    )
    assert answer.status_code == 200
    assert answer.json()["name"] == LEAD_NAME
    assert answer.json()["csrf_token"] != before
    cookie = answer.headers["set-cookie"]
    assert cookie.startswith("roster_session=")
    flags = {part.strip().split("=")[0].lower() for part in cookie.split(";")[1:]}
    assert {"httponly", "secure", "samesite", "path", "max-age"} <= flags
    assert "SameSite=Lax" in cookie
    assert "Max-Age=43200" in cookie


def test_the_cookie_is_not_secure_over_plain_http_unless_the_proxy_says_https(
    office: Path, clock: Clock
) -> None:
    plain = TestClient(create_app(office, now=clock), base_url="http://localhost")
    assert "secure" not in plain.get("/login").headers["set-cookie"].lower()
    proxied = TestClient(create_app(office, now=clock, behind_proxy=True), base_url="http://x")
    behind = proxied.get("/login", headers={"X-Forwarded-Proto": "https"})
    assert "Secure" in behind.headers["set-cookie"]
    ignored = TestClient(create_app(office, now=clock), base_url="http://x")
    not_trusted = ignored.get("/login", headers={"X-Forwarded-Proto": "https"})
    assert "secure" not in not_trusted.headers["set-cookie"].lower()


def test_logout_ends_the_session_even_for_a_copy_of_the_cookie(
    client: TestClient, logged_in: str
) -> None:
    copy = dict(client.cookies)
    answer = client.post(
        "/logout",
        data={"csrf_token": logged_in},
        headers={"Origin": ORIGIN},
        follow_redirects=False,
    )
    assert answer.status_code == 303
    assert answer.headers["location"] == "/login?bye=1"
    assert "Max-Age=0" in answer.headers["set-cookie"]
    assert client.get("/", follow_redirects=False).status_code == 303
    client.cookies.clear()
    client.cookies.update(copy)
    assert client.get("/api/months/2026-12/overview").status_code == 401
    assert "Sie sind abgemeldet." in client.get("/login?bye=1").text


def test_a_session_ends_after_twelve_idle_hours_and_lives_on_with_use(
    client: TestClient, logged_in: str, clock: Clock
) -> None:
    for _ in range(2):
        clock.advance(11 * 3600)
        assert client.get("/api/months/2026-12/overview").status_code == 200
    clock.advance(12 * 3600 + 1)
    assert client.get("/api/months/2026-12/overview").status_code == 401


def test_a_session_ends_a_day_after_the_login_however_busy(
    client: TestClient, logged_in: str, clock: Clock
) -> None:
    for _ in range(23):
        clock.advance(3600)
        assert client.get("/api/months/2026-12/overview").status_code == 200
    clock.advance(3600 + 1)  # a day and a second after the login, an hour after the last use
    assert client.get("/api/months/2026-12/overview").status_code == 401


def test_a_changed_cookie_is_no_cookie(client: TestClient, logged_in: str) -> None:
    value = client.cookies["roster_session"]
    client.cookies.clear()
    client.cookies.set("roster_session", value[:-2] + ("AA" if value[-2:] != "AA" else "BB"))
    assert client.get("/api/months/2026-12/overview").status_code == 401


def test_too_many_failures_are_refused_with_a_growing_wait(
    client: TestClient, clock: Clock
) -> None:
    for _ in range(FREE_FAILURES):
        assert api_login(client, LEAD, "wrong password again")[0] == 401
    status, body = api_login(client, LEAD, PASSWORD)  # even the right password waits
    assert status == 429
    assert body["detail"] == "Zu viele Versuche; versuchen Sie es in 2 Sekunden wieder."
    clock.advance(2)
    assert api_login(client, LEAD, "wrong password again")[0] == 401
    status, body = api_login(client, LEAD, PASSWORD)
    assert (status, body["detail"]) == (
        429,
        "Zu viele Versuche; versuchen Sie es in 4 Sekunden wieder.",
    )
    clock.advance(4)
    assert login(client)  # the right password after the wait
    assert api_login(client, LEAD, "wrong password again")[0] == 401  # failures were cleared


def test_the_throttle_counts_per_address_and_per_user_name(
    client: TestClient, clock: Clock
) -> None:
    for number in range(FREE_FAILURES):
        assert api_login(client, f"guess{number}", "wrong password again")[0] == 401
    assert api_login(client, "someone-else", "wrong password again")[0] == 429  # same address
    form = form_login(client, LEAD, PASSWORD)
    assert form.status_code == 429  # type: ignore[attr-defined]
    assert form.headers["retry-after"] == "2"  # type: ignore[attr-defined]
    assert "Zu viele Versuche; versuchen Sie es in 2 Sekunden wieder." in form.text  # type: ignore[attr-defined]


def test_the_backoff_doubles_and_is_capped() -> None:
    now = [1000.0]
    throttle = LoginThrottle(lambda: now[0])
    waits = []
    for _ in range(20):
        throttle.failed("account:v01")
        waits.append(throttle.wait("account:v01"))
    assert waits[: FREE_FAILURES - 1] == [0] * (FREE_FAILURES - 1)
    assert waits[FREE_FAILURES - 1 : FREE_FAILURES + 3] == [2, 4, 8, 16]
    assert max(waits) == MAX_WAIT_SECONDS
    assert throttle.wait("account:v02") == 0
    now[0] += MAX_WAIT_SECONDS
    assert throttle.wait("account:v01") == 0
    throttle.succeeded("account:v01")
    throttle.failed("account:v01")
    assert throttle.wait("account:v01") == 0
