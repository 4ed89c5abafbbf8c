"""The application: one function per job of the office, called by every front end.

Each job takes the office folder (and what the person chose: a month, a date), loads and
validates the folder once, calls the engines (solver, checker, feeds, printouts) and
returns a result with the text a front end shows. ``now`` is injectable everywhere; dates
are taken in the office's own time zone (:mod:`roster.app.clock`).
"""

from roster.app.demo import run_demo
from roster.app.feeds import link_feed, publish_month, revoke_feed, serve_feeds
from roster.app.office import calendar_of, check_folder, forecast_of, init_office
from roster.app.planning import explain_month, plan_month, verify_month
from roster.app.printing import print_month

__all__ = [
    "calendar_of",
    "check_folder",
    "explain_month",
    "forecast_of",
    "init_office",
    "link_feed",
    "plan_month",
    "print_month",
    "publish_month",
    "revoke_feed",
    "run_demo",
    "serve_feeds",
    "verify_month",
]
