"""The routers of the web app, one module per area (FastAPI's "bigger applications"
layout). Each module has ``pages`` (HTML, left out of the OpenAPI document) and ``api``
(JSON under ``/api/``); :func:`roster.web.create_app` includes them with the login and
CSRF dependencies (:mod:`roster.web.deps`).

- :mod:`~roster.web.routers.auth`: logging in and out;
- :mod:`~roster.web.routers.month`: the month's overview (the home page);
- :mod:`~roster.web.routers.account`: changing the password;
- :mod:`~roster.web.routers.changes`: the change log.
"""
