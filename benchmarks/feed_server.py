"""Benchmark of `roster serve` (issue 11): the uvicorn server against the one before it.

Both servers run as child processes on 127.0.0.1 and serve the demo office's feeds
(``roster demo``): "before" is the ThreadingHTTPServer kept in ``feed_server_before.py``,
"after" is the installed ``roster serve``. For each, in the same run:

1. **one client**: one client on one kept-alive connection asks for the public feed and
   the team feed (a secret link) in turn, one request after the other, for
   ``--single-seconds``: the latency a subscriber sees;
2. **load**: the same with ``--clients`` such clients for ``--seconds``: requests per
   second, p50/p99/max latency, errors, connections opened, the server's CPU time;
3. **idle**: ``--idle`` connections are opened and left idle for ``--idle-seconds`` (half
   send nothing, half send a request head without its end); meanwhile a new subscriber
   asks for the public feed every 0.2 s: how many idle connections the server closed and
   when, whether the subscribers were answered, the server's threads and open files.

Only loopback is used; everything stops by itself. It takes about two minutes:

    python benchmarks/feed_server.py
    python benchmarks/feed_server.py --seconds 5 --idle-seconds 12 --out /tmp/feed-bench

It writes ``feed_server.md`` and ``feed_server.json`` to ``--out`` (benchmarks/results).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from feed_server_clients import (
    HOST,
    Idle,
    Load,
    cpu_seconds,
    idle_phase,
    listen_overflows,
    load_phase,
)

from calendars.tokens import read_tokens
from roster.app import revoke_feed, run_demo

HERE = Path(__file__).resolve().parent
SERVERS = ("before", "after")
TITLES = {"before": "before: ThreadingHTTPServer", "after": "after: uvicorn + Starlette"}


def free_port() -> int:
    """A port of 127.0.0.1 nobody listens on now."""
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        port: int = probe.getsockname()[1]
        return port


def start_server(kind: str, folder: Path, work: Path) -> tuple[subprocess.Popen[bytes], int]:
    """Start one of the servers for ``folder``; wait until it answers."""
    port = free_port()
    if kind == "before":
        command = [sys.executable, str(HERE / "feed_server_before.py"), str(folder), str(port)]
    else:
        roster = Path(sys.executable).with_name("roster")
        command = [str(roster), "serve", str(folder), "--port", str(port)]
    with (work / f"{kind}.log").open("wb") as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)  # noqa: S603
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with socket.create_connection((HOST, port), timeout=1) as conn:
                conn.sendall(b"GET /public.ics HTTP/1.0\r\n\r\n")
                if conn.recv(12).startswith(b"HTTP/1."):
                    return process, port
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError(f"the {kind} server did not start; see {work / f'{kind}.log'}")


def stop_server(process: subprocess.Popen[bytes]) -> None:
    """Ctrl-C, then kill if it does not stop in 10 s."""
    process.send_signal(signal.SIGINT)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def machine() -> dict[str, Any]:
    """What the figures were measured on."""
    model = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "nproc": os.cpu_count(),
        "cpu": model,
        "python": platform.python_version(),
        "load_average_at_start": [round(value, 2) for value in os.getloadavg()],
    }


def ms(value: float) -> str:
    return f"{value:.1f}"


def markdown(report: dict[str, Any]) -> str:
    """The tables of ``feed_server.md``."""
    info, load, idle = report["machine"], report["load"], report["idle"]
    kinds = [kind for kind in SERVERS if kind in load]
    settings = report["settings"]
    head = "| | " + " | ".join(TITLES[kind] for kind in kinds) + " |\n|---|" + "---|" * len(kinds)

    def row(label: str, values: list[str]) -> str:
        return f"| {label} | " + " | ".join(values) + " |"

    loads = [Load(**load[kind]) for kind in kinds]
    singles = [Load(**report["single"][kind]) for kind in kinds]
    idles = [Idle(**idle[kind]) for kind in kinds if kind in idle]
    half = settings["idle"] // 2
    lines = [
        "# Feed server benchmark",
        "",
        f"{info['date']}; {info['nproc']} cores ({info['cpu']}); Python {info['python']}; "
        f"load average at start {info['load_average_at_start']}. "
        f"Feeds of `roster demo`: public {settings['sizes']['public']} bytes, "
        f"team {settings['sizes']['team']} bytes. `python benchmarks/feed_server.py`.",
        "",
        f"## One kept-alive client for {settings['single_seconds']} s",
        "",
        head,
        row("latency p50 (ms)", [ms(item.p50_ms) for item in singles]),
        row("latency p99 (ms)", [ms(item.p99_ms) for item in singles]),
        row("requests per second", [f"{item.rps:,.0f}" for item in singles]),
        "",
        f"## Load: {settings['clients']} kept-alive clients for {settings['seconds']} s",
        "",
        head,
        row("requests per second", [f"{item.rps:,.0f}" for item in loads]),
        row("latency p50 (ms)", [ms(item.p50_ms) for item in loads]),
        row("latency p99 (ms)", [ms(item.p99_ms) for item in loads]),
        row("latency max (ms)", [ms(item.max_ms) for item in loads]),
        row("requests answered", [f"{item.requests:,}" for item in loads]),
        row("errors", [str(item.errors) for item in loads]),
        row("connections opened", [str(item.connections) for item in loads]),
        row("server CPU (s)", [f"{item.server_cpu_s:.1f}" for item in loads]),
        row("listen queue overflows", [str(item.listen_overflows) for item in loads]),
        "",
        f"## Idle: {settings['idle']} idle connections for {settings['idle_seconds']} s "
        f"({half} silent, {settings['idle'] - half} with a request head that never ends), "
        "a new subscriber every 0.2 s",
        "",
        head,
        row("idle connections opened", [str(item.opened) for item in idles]),
        row("closed by the server, silent", [f"{item.closed_silent} of {half}" for item in idles]),
        row(
            "closed by the server, unfinished head",
            [f"{item.closed_partial} of {settings['idle'] - half}" for item in idles],
        ),
        row(
            "closed after (s)",
            [
                f"{item.first_close_s}-{item.last_close_s}" if item.last_close_s else "never"
                for item in idles
            ],
        ),
        row("subscribers answered", [f"{item.answered} of {item.probes}" for item in idles]),
        row(
            "subscriber latency p50 / p99 (ms)",
            [f"{ms(item.probe_p50_ms)} / {ms(item.probe_p99_ms)}" for item in idles],
        ),
        row("server threads, peak", [str(item.threads_peak) for item in idles]),
        row(
            "server open files, peak / at the end",
            [f"{item.fds_peak} / {item.fds_at_end}" for item in idles],
        ),
        row("listen queue overflows", [str(item.listen_overflows) for item in idles]),
        "",
        f"Token in a server log: {'yes' if report['token_in_log'] else 'no'}.",
    ]
    return "\n".join(lines) + "\n"


def run(args: argparse.Namespace) -> dict[str, Any]:
    """The whole benchmark: returns the report."""
    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="feed-bench-"))
    folder = work / "office"
    info = machine()
    print(f"preparing the demo office in {folder} ...", flush=True)
    run_demo(folder)
    link = revoke_feed(folder, team=True, local=True).new  # the demo office has no base_url
    record = read_tokens(folder).of_feed("team")
    if link is None or record is None:
        raise RuntimeError("the demo office has no team feed link")
    token_path = "/" + link.url.rsplit("/", 1)[1]
    token = token_path[1:-4]
    team_file = record.file
    sizes = {
        "public": (folder / "feeds" / "public.ics").stat().st_size,
        "team": (folder / "feeds" / "private" / team_file).stat().st_size,
    }
    report: dict[str, Any] = {
        "machine": info,
        "settings": {
            "single_seconds": args.single_seconds,
            "clients": args.clients,
            "seconds": args.seconds,
            "idle": args.idle,
            "idle_seconds": args.idle_seconds,
            "sizes": sizes,
        },
        "single": {},
        "load": {},
        "idle": {},
    }
    for kind in args.servers.split(","):
        process, port = start_server(kind, folder, work)
        try:
            paths = ["/public.ics", token_path]
            print(f"{kind}: one client for {args.single_seconds} s ...", flush=True)
            single = asyncio.run(load_phase(port, paths, 1, args.single_seconds))
            report["single"][kind] = asdict(single)
            print(f"  p50 {ms(single.p50_ms)} ms, p99 {ms(single.p99_ms)} ms")
            print(f"{kind}: load, {args.clients} clients for {args.seconds} s ...", flush=True)
            overflows, cpu = listen_overflows(), cpu_seconds(process.pid)
            load = asyncio.run(load_phase(port, paths, args.clients, args.seconds))
            load.server_cpu_s = round(cpu_seconds(process.pid) - cpu, 2)
            load.listen_overflows = listen_overflows() - overflows
            report["load"][kind] = asdict(load)
            print(f"  {load.rps:,.0f} req/s, p50 {ms(load.p50_ms)} ms, p99 {ms(load.p99_ms)} ms")
            print(f"{kind}: {args.idle} idle connections for {args.idle_seconds} s ...", flush=True)
            overflows = listen_overflows()
            idle = asyncio.run(idle_phase(port, process.pid, args.idle, args.idle_seconds))
            idle.listen_overflows = listen_overflows() - overflows
            report["idle"][kind] = asdict(idle)
            print(f"  closed {idle.closed_silent + idle.closed_partial} of {idle.opened}; ", end="")
            print(f"subscribers answered {idle.answered} of {idle.probes}")
        finally:
            stop_server(process)
    report["machine"]["load_average_at_end"] = [round(value, 2) for value in os.getloadavg()]
    logs = [(work / f"{kind}.log").read_bytes() for kind in args.servers.split(",")]
    report["token_in_log"] = any(token.encode() in log for log in logs)
    return report


def main() -> None:
    """Parse the options, run, write the results."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--single-seconds", type=float, default=5.0)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--idle", type=int, default=500)
    parser.add_argument("--idle-seconds", type=float, default=30.0)
    parser.add_argument("--servers", default=",".join(SERVERS), help="before,after")
    parser.add_argument("--out", default=str(HERE / "results"))
    parser.add_argument("--work", default=None, help="folder for the office and server logs")
    args = parser.parse_args()
    report = run(args)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "feed_server.json").write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    text = markdown(report)
    (out / "feed_server.md").write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
