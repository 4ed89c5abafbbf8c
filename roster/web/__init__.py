"""The office lead's web app: a front end beside :mod:`roster.cli`, over
:mod:`roster.app` (docs/web.md).

- :mod:`~roster.web.main`: :func:`create_app`, the one ASGI application (pages, API,
  static files, feeds);
- :mod:`~roster.web.server`: :func:`serve_web`, the app on uvicorn (`roster web DIR`);
- :mod:`~roster.web.commands`: the `roster web` commands (serve, adduser);
- :mod:`~roster.web.settings`, :mod:`~roster.web.sessions`, :mod:`~roster.web.security`,
  :mod:`~roster.web.throttle`: settings, signed session cookies, headers and CSRF checks,
  the login throttle;
- :mod:`~roster.web.deps`: the routes' dependencies (the logged-in lead, the CSRF check);
- :mod:`~roster.web.errors`: problem documents and error pages;
- :mod:`~roster.web.pages`: rendering the templates of ``templates/web/``;
- :mod:`~roster.web.routers`: one router module per area.
"""

from roster.web.main import create_app
from roster.web.server import serve_web

__all__ = ["create_app", "serve_web"]
