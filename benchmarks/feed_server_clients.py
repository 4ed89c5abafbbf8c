"""The loopback clients of ``feed_server.py``: kept-alive load, idle connections, and what
the kernel and ``/proc`` say about the server meanwhile."""

from __future__ import annotations

import asyncio
import os
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

HOST = "127.0.0.1"


@dataclass
class Load:
    """What the clients of the load phase saw."""

    requests: int = 0
    errors: int = 0
    connections: int = 0
    seconds: float = 0.0
    rps: float = 0.0
    p50_ms: float = 0.0
    p99_ms: float = 0.0
    max_ms: float = 0.0
    statuses: dict[str, int] = field(default_factory=dict)
    server_cpu_s: float = 0.0
    listen_overflows: int = 0


@dataclass
class Idle:
    """What the idle phase showed."""

    opened: int = 0
    not_opened: int = 0
    closed_silent: int = 0
    closed_partial: int = 0
    first_close_s: float | None = None
    last_close_s: float | None = None
    probes: int = 0
    answered: int = 0
    probe_p50_ms: float = 0.0
    probe_p99_ms: float = 0.0
    probe_max_ms: float = 0.0
    threads_peak: int = 0
    fds_peak: int = 0
    fds_at_end: int = 0
    listen_overflows: int = 0


def percentile(values: list[float], share: float) -> float:
    """The ``share`` quantile of ``values`` (nearest rank), 0 if empty."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def listen_overflows() -> int:
    """The kernel's count of connections dropped because a listen queue was full."""
    lines = Path("/proc/net/netstat").read_text().splitlines()
    for names, values in zip(lines[::2], lines[1::2], strict=False):
        if names.startswith("TcpExt:"):
            return int(dict(zip(names.split(), values.split(), strict=True))["ListenOverflows"])
    return 0


def cpu_seconds(pid: int) -> float:
    """User and system CPU time of a process so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def threads_and_files(pid: int) -> tuple[int, int]:
    """Threads and open file descriptors of a process."""
    status = Path(f"/proc/{pid}/status").read_text()
    threads = int(
        next(line for line in status.splitlines() if line.startswith("Threads:")).split()[1]
    )
    return threads, len(list(Path(f"/proc/{pid}/fd").iterdir()))


def request(path: str, *, close: bool = False) -> bytes:
    """A GET request for ``path``."""
    extra = "Connection: close\r\n" if close else ""
    return f"GET {path} HTTP/1.1\r\nHost: {HOST}\r\nUser-Agent: bench\r\n{extra}\r\n".encode()


async def exchange(
    reader: asyncio.StreamReader, writer: asyncio.StreamWriter, data: bytes
) -> tuple[int, bool]:
    """Send one request, read the whole answer: its status and whether the server closes."""
    writer.write(data)
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    status = int(lines[0].split()[1])
    length, closing = 0, False
    for line in lines[1:]:
        name, _, value = line.partition(b":")
        name = name.strip().lower()
        if name == b"content-length":
            length = int(value)
        elif name == b"connection" and b"close" in value.lower():
            closing = True
    if length:
        await reader.readexactly(length)
    return status, closing


async def load_phase(port: int, paths: list[str], clients: int, seconds: float) -> Load:
    """``clients`` kept-alive clients asking one request after the other."""
    loop = asyncio.get_running_loop()
    latencies: list[float] = []
    statuses: Counter[int] = Counter()
    result = Load()
    requests = [request(path) for path in paths]
    deadline = loop.time() + seconds

    async def client(number: int) -> None:
        reader: asyncio.StreamReader | None = None
        writer: asyncio.StreamWriter | None = None
        turn = number
        while loop.time() < deadline:
            try:
                async with asyncio.timeout(10):
                    if reader is None or writer is None:
                        reader, writer = await asyncio.open_connection(HOST, port)
                        result.connections += 1
                    started = time.perf_counter()
                    status, closing = await exchange(reader, writer, requests[turn % len(requests)])
                latencies.append(time.perf_counter() - started)
                statuses[status] += 1
                turn += 1
            except (OSError, TimeoutError, asyncio.IncompleteReadError, ValueError):
                result.errors += 1
                closing = True
            if closing and writer is not None:
                writer.close()
                reader = writer = None
        if writer is not None:
            writer.close()

    began = time.perf_counter()
    await asyncio.gather(*(client(number) for number in range(clients)))
    result.seconds = time.perf_counter() - began
    result.requests = len(latencies)
    result.rps = result.requests / result.seconds
    result.p50_ms = percentile(latencies, 0.50) * 1000
    result.p99_ms = percentile(latencies, 0.99) * 1000
    result.max_ms = max(latencies, default=0.0) * 1000
    result.statuses = {str(code): count for code, count in sorted(statuses.items())}
    return result


async def idle_phase(port: int, pid: int, count: int, seconds: float) -> Idle:
    """``count`` idle connections for ``seconds``, with a new subscriber every 0.2 s."""
    loop = asyncio.get_running_loop()
    began = loop.time()
    result = Idle()
    closed: list[tuple[bool, float]] = []
    probe_times: list[float] = []
    writers: list[asyncio.StreamWriter] = []

    async def idler(partial: bool) -> None:
        try:
            async with asyncio.timeout(10):
                reader, writer = await asyncio.open_connection(HOST, port)
        except (OSError, TimeoutError):
            result.not_opened += 1
            return
        result.opened += 1
        writers.append(writer)
        if partial:  # a request head that never ends (a slow or stuck client)
            writer.write(b"GET /public.ics HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        try:
            async with asyncio.timeout(max(0.1, began + seconds - loop.time())):
                while await reader.read(65536):
                    pass
        except TimeoutError:
            return
        except OSError:
            pass
        closed.append((partial, loop.time() - began))

    async def probes() -> None:
        while loop.time() < began + seconds:
            result.probes += 1
            started = time.perf_counter()
            try:
                async with asyncio.timeout(5):
                    reader, writer = await asyncio.open_connection(HOST, port)
                    status, _ = await exchange(reader, writer, request("/public.ics", close=True))
                    writer.close()
                if status == 200:
                    result.answered += 1
                    probe_times.append(time.perf_counter() - started)
            except (OSError, TimeoutError, asyncio.IncompleteReadError, ValueError):
                pass
            await asyncio.sleep(0.2)

    async def watch() -> None:
        while loop.time() < began + seconds:
            threads, fds = threads_and_files(pid)
            result.threads_peak = max(result.threads_peak, threads)
            result.fds_peak = max(result.fds_peak, fds)
            await asyncio.sleep(0.5)

    await asyncio.gather(*(idler(n % 2 == 1) for n in range(count)), probes(), watch())
    result.fds_at_end = threads_and_files(pid)[1]
    for writer in writers:
        writer.close()
    result.closed_silent = sum(1 for partial, _ in closed if not partial)
    result.closed_partial = sum(1 for partial, _ in closed if partial)
    times = [moment for _, moment in closed]
    result.first_close_s = round(min(times), 2) if times else None
    result.last_close_s = round(max(times), 2) if times else None
    result.probe_p50_ms = percentile(probe_times, 0.50) * 1000
    result.probe_p99_ms = percentile(probe_times, 0.99) * 1000
    result.probe_max_ms = max(probe_times, default=0.0) * 1000
    return result
