"""Printouts of a month's plan: the rota for the wall, appointment sheets for the desk,
the team-meeting agenda, the door sign and personal schedules, as HTML and PDF.

They read plan files and the office folder, never the solver (docs/printouts.md).
"""

from roster.printouts.documents import print_month
from roster.printouts.render import pdf_skip_reason

__all__ = ["pdf_skip_reason", "print_month"]
