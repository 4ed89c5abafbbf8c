"""Writing the results: the machine they were measured on, the Markdown tables of
``results.md`` (copied into docs/benchmarks.md) and every figure in ``results.json``."""

from __future__ import annotations

import json
import os
import platform
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path
from typing import Any

from peers.table import markdown_peers
from targets import aggregate

Json = dict[str, Any]


def machine() -> Json:
    """The machine and the software the benchmarks run on, and its load before the run."""
    return {
        "cpus": os.cpu_count(),
        "platform": platform.platform(terse=True),
        "python": platform.python_version(),
        "ortools": version("ortools"),
        "highspy": version("highspy"),
        "load_before": " ".join(f"{x:.2f}" for x in os.getloadavg()),
    }


def new_results(note: str, limits: dict[str, float], memory_limit_mb: int) -> Json:
    """The results of a run about to start: when, where, with which limits; no sizes yet."""
    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "note": note,
        "machine": machine(),
        "limits_s": limits,
        "memory_limit_mb": memory_limit_mb,
        "sizes": [],
        "reproducibility": [],
        "peers": [],
    }


def _num(value: float | None, form: str = ",.0f") -> str:
    return "-" if value is None else format(value, form)


def _ratio_text(project: float, greedy: float, ratio: float | None) -> str:
    shown = "n/a" if ratio is None else f"{ratio:.2f}"
    return f"{project:g} / {greedy:g} = {shown}"


def _head(results: Json) -> list[str]:
    machine = results["machine"]
    runs = [row for bench in results["sizes"] for row in bench["runs"]]
    runs += [row for bench in results.get("peers", []) for row in bench["runs"]]
    digests = sorted({str(row.get("solver_digest")) for row in runs})
    sources = (
        f"model sources {digests[0]}"
        if len(digests) == 1
        else "no model run"
        if not digests
        else f"**the model sources changed during the run** ({', '.join(digests)}; see "
        "`solver_digest` of each run in results.json)"
    )
    return [
        "# Benchmark results",
        "",
        f"Measured {results['date']} on {machine['cpus']} cores ({machine['platform']}), "
        f"Python {machine['python']}, OR-Tools {machine['ortools']}; load average "
        f"{machine['load_before']} before the run"
        + (f", {results['load_after']} after it" if results.get("load_after") else "")
        + f"; HiGHS {machine.get('highspy', '-')} (highspy); {sources}. "
        f"{results['note']}",
    ]


def _plans(results: Json) -> list[str]:
    lines = [
        "",
        "## Plans: CP-SAT against the greedy baseline",
        "",
        "| size | mode | limit s | first plan s | final s | objective | bound | gap | peak MB "
        "| greedy penalty | greedy s | uncovered units (project / greedy = ratio) "
        "| spread (project / greedy = ratio) | seed |",
        "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for bench in results["sizes"]:
        greedy = bench["greedy"]
        for row in bench["runs"]:
            head = f"| {row['size']} | {row['mode']} | {row['limit_s']:g} "
            if "failed" in row:
                lines.append(
                    head + f"| - | - | no plan: {row['failed']} | | | {_num(row['peak_mb'])} "
                    f"| {greedy['penalty']:,.0f} | {greedy['seconds']:.2f} | | | {bench.get('seed', '-')} |"
                )
                continue
            lines.append(
                head + f"| {_num(row['first_plan_s'], '.1f')} | {row['final_s']:.1f} "
                f"| {row['objective']:,.0f} | {row['bound']:,.0f} | {row['gap']:.2%} "
                f"| {_num(row['peak_mb'])} | {greedy['penalty']:,.0f} | {greedy['seconds']:.2f} "
                f"| {_ratio_text(row['uncovered_language_units'], greedy['uncovered_language_units'], row['language_units_ratio'])} "
                f"| {_ratio_text(row['spread'], greedy['spread'], row['spread_ratio'])} "
                f"| {bench.get('seed', '-')} |"
            )
    return lines


def _targets(results: Json) -> list[str]:
    lines = [
        "",
        "## Targets",
        "",
        "Over several seeds a target is met only when every run meets it (the worst run); "
        "the median and the worst run are shown.",
        "",
        "| size | mode | target | result | measured |",
        "|---|---|---|---|---|",
    ]
    for item in aggregate([t for bench in results["sizes"] for t in bench["targets"]]):
        verdict = "met" if item["met"] else "**not met**"
        measured = item["worst"]["measured"]
        if item["runs"] > 1:
            verdict += f" ({item['met_runs']} of {item['runs']} runs)"
            measured = (
                f"median: {item['median']['measured']}; "
                f"worst (seed {item['worst'].get('seed')}): {measured}"
            )
        lines.append(
            f"| {item['size']} | {item['mode']} | {item['target']} | {verdict} | {measured} |"
        )
    return lines


def _model(results: Json) -> list[str]:
    lines = [
        "",
        "## The model: where the time goes",
        "",
        "| size | volunteers | sessions | appointments | variables | constraints "
        "| gather month s | bounds s | starting plan s | build model s | bound "
        "| starting plan penalty | peak MB (build only) | largest variable families |",
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|",
    ]
    for bench in results["sizes"]:
        model = bench["model"]
        if "failed" in model:
            lines.append(
                f"| {bench['size']} | model profile failed: {model['failed']} |||||||||||| "
            )
            continue
        largest = sorted(model["decision_variables"].items(), key=lambda kv: -kv[1])[:3]
        lines.append(
            f"| {bench['size']} | {model['volunteers']} | {model['sessions']} "
            f"| {model['appointments']} | {model['variables']:,} | {model['constraints']:,} "
            f"| {model['month_input_s']:.2f} | {model['relax_s']:.2f} | {model['start_s']:.2f} "
            f"| {model['build_s']:.2f} | {model['bound']:,} | {model['start_penalty']:,.0f} "
            f"| {model['peak_mb']:,.0f} "
            f"| {', '.join(f'{name} {count:,}' for name, count in largest)} |"
        )
    return lines


def _reproducibility(results: Json) -> list[str]:
    repro = results.get("reproducibility", [])
    if not repro:
        return []
    lines = [
        "",
        "## Reproducibility: the same office planned twice",
        "",
        "| size | mode | identical plan files | objective (1st, 2nd) |",
        "|---|---|---|---|",
    ]
    lines.extend(
        f"| {item['size']} | {item['mode']} | {'yes' if item['identical'] else 'no'} "
        f"| {item['objectives'][0]:,.0f}, {item['objectives'][1]:,.0f} |"
        for item in repro
    )
    return lines


def markdown(results: Json) -> str:
    """The results as Markdown tables."""
    lines = [
        *_head(results),
        *_plans(results),
        *_targets(results),
        *_model(results),
        *_reproducibility(results),
        *markdown_peers(results.get("peers", [])),
    ]
    return "\n".join(lines) + "\n"


def write_results(results: Json, out: Path) -> tuple[Path, Path, str]:
    """Write ``OUT/results.md`` and ``OUT/results.json``; return both paths and the tables."""
    out.mkdir(parents=True, exist_ok=True)
    text = markdown(results)
    tables, figures = out / "results.md", out / "results.json"
    tables.write_text(text, encoding="utf-8")
    figures.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return tables, figures, text
