"""The application: one function per job of the office, called by every front end.

Each job takes the office folder (and what the person chose: a month, a date), loads and
validates the folder once, calls the engines (solver, checker, feeds, printouts) and
returns a result with the text a front end shows. ``now`` is injectable everywhere; dates
are taken in the office's own time zone (:mod:`roster.app.clock`).
"""

from roster.app.accounts import (
    AccountAdded,
    Lead,
    add_account,
    change_password,
    check_login,
    lead_of,
)
from roster.app.changelog import ChangeLine, latest_changes, record_change
from roster.app.demo import run_demo
from roster.app.feeds import feeds_for_web, link_feed, publish_month, revoke_feed, serve_feeds
from roster.app.office import calendar_of, check_folder, forecast_of, init_office, office_words
from roster.app.overview import MonthOverview, month_overview
from roster.app.planning import explain_month, plan_month, verify_month
from roster.app.printing import print_month
from roster.app.web_files import session_key

__all__ = [
    "AccountAdded",
    "ChangeLine",
    "Lead",
    "MonthOverview",
    "add_account",
    "calendar_of",
    "change_password",
    "check_folder",
    "check_login",
    "explain_month",
    "feeds_for_web",
    "forecast_of",
    "init_office",
    "latest_changes",
    "lead_of",
    "link_feed",
    "month_overview",
    "office_words",
    "plan_month",
    "print_month",
    "publish_month",
    "record_change",
    "revoke_feed",
    "run_demo",
    "serve_feeds",
    "session_key",
    "verify_month",
]
