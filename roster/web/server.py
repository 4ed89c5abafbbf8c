"""`roster web DIR`: the web app on uvicorn, with the limits of
:mod:`roster.app.web_server` (the server `roster serve` runs the feeds on)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from roster.app import office_words
from roster.app.web_server import listen, run_server, url_of
from roster.domain.errors import RosterError
from roster.web.main import create_app
from roster.wording.catalogue import text


def serve_web(
    folder: Path,
    host: str = "127.0.0.1",
    port: int = 8080,
    *,
    behind_proxy: bool = False,
    announce: Callable[[str], None] = print,
) -> None:
    """Serve the web app of ``folder`` on ``host:port`` until Ctrl-C (or SIGTERM)."""
    folder = Path(folder)
    if not (folder / "office.yaml").is_file():  # nothing is made in a folder of no office
        raise RosterError(text("en", "web.not_an_office", folder=str(folder)))
    office = office_words(folder)
    app = create_app(folder, behind_proxy=behind_proxy)
    sock = listen(host, port)
    announce(text(office.locale, "web.serving", office=office.name, url=url_of(sock)))
    if not office.has_accounts:
        command = f"roster web adduser {folder} ID"
        announce(text(office.locale, "web.no_accounts", command=command))
    run_server(app, sock)
    announce(text(office.locale, "web.stopped"))
