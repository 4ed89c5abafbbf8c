"""The peers' figures over the seeds: each figure's median and worst run, the peer
targets (roster at least as good as every peer, with a bound at least as tight), and the
Markdown tables of ``results.md``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from targets import aggregate

from peers.compare import PEERS

Json = dict[str, Any]
OTHERS = ("mip (HiGHS)", "greedy")
ROSTER = ("roster", "roster --fast")


def median_worst(
    values: list[float | None], *, larger_is_worse: bool = True
) -> tuple[float | None, float | None]:
    """The median (upper middle) and the worst of some runs' figures; a missing figure
    (no plan) is the worst of all."""
    if not values:
        return None, None
    known = sorted((v for v in values if v is not None), reverse=not larger_is_worse)
    ordered: list[float | None] = [*known, *([None] * (len(values) - len(known)))]
    return ordered[len(ordered) // 2], ordered[-1]


def peer_targets(bench: Json) -> list[Json]:
    """Roster against the peers on one office: at each budget, in each mode, a penalty at
    most every peer's, and a bound at least the MIP's (each value: larger is worse)."""
    found: list[Json] = []
    budgets = sorted({row["budget_s"] for row in bench["runs"]})
    for budget in budgets:
        rows = {row["peer"]: row for row in bench["runs"] if row["budget_s"] == budget}
        others = [rows[p] for p in OTHERS if p in rows and rows[p].get("penalty") is not None]
        mip = rows.get("mip (HiGHS)", {})
        for mode in ROSTER:
            mine = rows.get(mode, {})
            item = {"size": bench["size"], "mode": mode, "seed": bench["seed"]}
            penalty = mine.get("penalty")
            best = min((r["penalty"] for r in others), default=None)
            value = None if penalty is None else (0.0 if best is None else penalty - best)
            found.append(
                {
                    **item,
                    "target": f"at least as good as every peer at {budget:g} s",
                    "met": value is not None and value <= 0,
                    "measured": "no plan"
                    if penalty is None
                    else f"{penalty:,.0f} vs best peer {'-' if best is None else format(best, ',.0f')}",
                    "value": value,
                }
            )
            theirs, ours = mip.get("bound"), mine.get("bound")
            known = theirs is not None
            gap = None if ours is None else (theirs - ours if known else 0.0)
            found.append(
                {
                    **item,
                    "target": f"a bound at least as tight as the MIP's at {budget:g} s",
                    "met": gap is not None and gap <= 1e-6 * max(1.0, abs(ours or 0.0)),
                    "measured": f"{_num(ours)} vs MIP {_num(theirs if known else None)}",
                    "value": gap,
                }
            )
    return found


def _num(value: float | None, form: str = ",.0f") -> str:
    return "-" if value is None else format(value, form)


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value:.2%}"


def _pair(values: list[float | None], show: Callable[[float | None], str]) -> str:
    median, worst = median_worst(values)
    if len(values) == 1:
        return show(median)
    return f"{show(median)} / {show(worst)}"


def peer_table(benches: list[Json]) -> list[str]:
    """The peers at each size and budget: median / worst over the seeds."""
    lines = [
        "",
        "## Peers side by side (median / worst over the seeds)",
        "",
        "| size | budget s | peer | runs | status | wall s | penalty | bound | gap "
        "| uncovered units | unscheduled | spread | peak MB | checker |",
        "|---|--:|---|--:|---|--:|--:|--:|--:|--:|--:|--:|--:|---|",
    ]
    sizes = list(dict.fromkeys(bench["size"] for bench in benches))
    for size in sizes:
        rows = [row for bench in benches if bench["size"] == size for row in bench["runs"]]
        for budget in sorted({row["budget_s"] for row in rows}):
            for peer in PEERS:
                runs = [r for r in rows if r["budget_s"] == budget and r["peer"] == peer]
                if not runs:
                    continue
                statuses = ", ".join(sorted({str(r.get("status")) for r in runs}))
                plans = [r for r in runs if r.get("penalty") is not None]
                invalid = sum(1 for r in plans if not r["valid"])
                checker = (
                    "no plan" if not plans else "valid" if not invalid else f"**{invalid} invalid**"
                )
                if len(plans) < len(runs) and plans:
                    checker += f" ({len(runs) - len(plans)} no plan)"
                bound = median_worst([r.get("bound") for r in runs], larger_is_worse=False)[0]
                lines.append(
                    f"| {size} | {budget:g} | {peer} | {len(runs)} | {statuses} "
                    f"| {_pair([r.get('wall_s') for r in runs], lambda v: _num(v, '.1f'))} "
                    f"| {_pair([r.get('penalty') for r in runs], _num)} "
                    f"| {_num(bound) if peer != 'greedy' else '-'} "
                    f"| {_pair([r.get('gap') for r in runs], _pct) if peer != 'greedy' else '-'} "
                    f"| {_pair([r.get('uncovered_language_units') for r in runs], _num)} "
                    f"| {_pair([r.get('unscheduled') for r in runs], _num)} "
                    f"| {_pair([r.get('spread') for r in runs], lambda v: _num(v, '.4g'))} "
                    f"| {_num(max(r['peak_mb'] for r in runs))} | {checker} |"
                )
    return lines


def reach_table(benches: list[Json]) -> list[str]:
    """Seconds each peer needs to reach roster's penalty at 10 s (median / worst)."""
    if not any(bench.get("time_to_reach") for bench in benches):
        return []
    within = max(bench["reach_within_s"] for bench in benches)
    lines = [
        "",
        f"## Time to reach roster's quality at 10 s (median / worst; within {within:g} s)",
        "",
        "| size | roster's penalty at 10 s | " + " | ".join(PEERS) + " |",
        "|---|--:|" + "--:|" * len(PEERS),
    ]

    def seconds(value: float | None) -> str:
        return f"not within {within:g} s" if value is None else f"{value:.1f}"

    for size in dict.fromkeys(bench["size"] for bench in benches):
        mine = [b for b in benches if b["size"] == size and b.get("time_to_reach")]
        if not mine:
            continue
        cells = [_pair([b["time_to_reach"].get(peer) for b in mine], seconds) for peer in PEERS]
        reference = _pair([b["reference_penalty"] for b in mine], _num)
        lines.append(f"| {size} | {reference} | " + " | ".join(cells) + " |")
    return lines


def peer_targets_table(benches: list[Json]) -> list[str]:
    """Roster against the peers, each target met only when every seed's run meets it."""
    items = aggregate([t for bench in benches for t in peer_targets(bench)])
    lines = [
        "",
        "## Roster against the peers",
        "",
        "| size | roster mode | target | result | median run | worst run |",
        "|---|---|---|---|---|---|",
    ]
    for item in items:
        verdict = "met" if item["met"] else "**not met**"
        if item["runs"] > 1:
            verdict += f" ({item['met_runs']} of {item['runs']} runs)"
        lines.append(
            f"| {item['size']} | {item['mode']} | {item['target']} | {verdict} "
            f"| {item['median']['measured']} | {item['worst']['measured']} (seed {item['worst']['seed']}) |"
        )
    return lines


def markdown_peers(benches: list[Json]) -> list[str]:
    """Every peer table, or nothing when no peers ran."""
    if not benches:
        return []
    return [*peer_table(benches), *reach_table(benches), *peer_targets_table(benches)]
