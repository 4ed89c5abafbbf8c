"""`roster demo`: the main job on the example office, end to end.

The demo plans the month of the example's availability poll, so it gives the same
result whatever today's date is. Each step is one library call, listed in order in
``STEPS``: check, calendar, forecast, plan, feeds, printouts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from roster.loading import OfficeData, load_office
from roster.month import Month
from roster.month_calendar import month_calendar
from roster.plan import plan_path
from roster.starter_folder import copy_example
from roster.summary import calendar_text, check_summary, forecast_text


@dataclass
class DemoReport:
    """What the demo did and wrote."""

    folder: Path
    month: Month
    sections: list[str] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    hints: list[str] = field(default_factory=list)

    def lacks_plan(self, step: str, consequence: str, command: str) -> bool:
        """Whether the month has no plan file; if so, say so in a section for ``step``."""
        folder, month = self.folder, self.month
        if plan_path(folder, month).is_file():
            return False
        self.sections.append(
            f"== {step} ==\nNo plan for {month} in {folder / 'rotas'}, so {consequence}. "
            f"Run `roster plan {folder} --month {month}`, then `roster {command} {folder} "
            f"--month {month}`."
        )
        return True

    def text(self) -> str:
        """The report the CLI prints."""
        parts = [f"roster demo: the example office in {self.folder}, month {self.month}", ""]
        for section in self.sections:
            parts.extend([section, ""])
        if self.written:
            parts.append("Written:")
            parts.extend(f"  {path}" for path in self.written)
            parts.append("")
        parts.extend(self.hints)
        return "\n".join(parts).rstrip() + "\n"


def demo_month(data: OfficeData) -> Month:
    """The month of the example's availability poll (the latest one)."""
    if data.availability:
        return max(data.availability)
    if data.appointments:
        return max(data.appointments)
    raise ValueError("the example office has no availability poll")


def _check(data: OfficeData, report: DemoReport) -> None:
    report.sections.append("== check ==\n" + check_summary(data))


def _calendar(data: OfficeData, report: DemoReport) -> None:
    calendar = month_calendar(data.office, report.month, data.office.locale)
    report.sections.append("== calendar ==\n" + calendar_text(calendar, data.office.locale))


def _forecast(data: OfficeData, report: DemoReport) -> None:
    report.sections.append(
        "== forecast ==\n" + forecast_text(data, report.month, data.office.locale)
    )


def run_demo(target: Path) -> DemoReport:
    """Copy the example office to ``target`` and run the main job on it."""
    copy_example(target)
    data = load_office(target)
    report = DemoReport(target, demo_month(data))
    for step in STEPS:
        step(data, report)
    report.hints.append(f"Look at the office folder: {target}")
    return report


def _plan(data: OfficeData, report: DemoReport) -> None:
    from roster.planning import demo_plan  # noqa: PLC0415 - planning loads the solver

    demo_plan(data, report)


def _feeds(data: OfficeData, report: DemoReport) -> None:
    from calendars.demo import demo_feeds  # noqa: PLC0415 - calendars imports roster

    demo_feeds(data, report)


def _print(data: OfficeData, report: DemoReport) -> None:
    from roster.printouts.demo import demo_print  # noqa: PLC0415 - printouts load templates

    demo_print(data, report)


DemoStep = Callable[[OfficeData, DemoReport], None]
STEPS: list[DemoStep] = [_check, _calendar, _forecast, _plan, _feeds, _print]
"""The main job, in order: feeds and printouts read the plan the plan step writes."""
