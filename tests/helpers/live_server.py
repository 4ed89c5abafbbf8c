"""The real web app on uvicorn (the server `roster web` runs) in a background thread, on
127.0.0.1 and a free port: for the browser tests and the tests of requests at the same
moment. Use it as a context manager; on leaving, planning jobs it started are stopped."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Self

from roster.app.plan_jobs import stop_all_jobs
from roster.app.web_server import listen, make_server, url_of
from roster.web import create_app


class LiveServer:
    """The web app of ``folder`` with the clock ``clock``, waiting ``lock_wait`` seconds
    for the folder lock."""

    def __init__(
        self, folder: Path, *, clock: Callable[[], datetime], lock_wait: float = 0
    ) -> None:
        self.folder = folder
        self.app = create_app(folder, now=clock, lock_wait=lock_wait)
        self._socket = listen("127.0.0.1", 0)
        self.url = url_of(self._socket)
        self._server = make_server(self.app)
        self._thread = threading.Thread(
            target=self._server.run, kwargs={"sockets": [self._socket]}, daemon=True
        )

    def __enter__(self) -> Self:
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the web app did not start")
            time.sleep(0.01)
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=10)
        self._socket.close()
        stop_all_jobs()  # a planning job the test started plans on in a process of its own
