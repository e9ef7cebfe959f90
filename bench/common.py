"""What every benchmark script shares: Django set-up, timing, percentiles, HTTP and child servers."""

from __future__ import annotations

import contextlib
import datetime
import http.client
import math
import os
import platform
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
PYTHON = ROOT / ".venv" / "bin" / "python"


class Missing(Exception):
    """An entry point that does not exist on this branch yet: reported as "missing", never a crash."""


def setup_django(database_url: str | None) -> None:
    """Point Django at the benchmark database (unless DATABASE_URL says otherwise) and set it up."""
    if database_url and not os.environ.get("DATABASE_URL"):
        os.environ["DATABASE_URL"] = database_url
    # DEBUG keeps every query in memory and adds its own cost: benchmarks measure the site as deployed.
    os.environ.setdefault("DJANGO_DEBUG", "0")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rectify.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path.resolve()}"


def percentile(samples: list[float], share: float) -> float:
    """The nearest-rank percentile: the value below which `share` of the samples fall."""
    ordered = sorted(samples)
    if not ordered:
        return float("nan")
    rank = max(1, min(len(ordered), math.ceil(share * len(ordered))))
    return ordered[rank - 1]


def stamp() -> str:
    """The UTC minute, as results files are named."""
    return datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M")


def summary(samples_ms: list[float]) -> dict:
    """p50/p95/p99, mean and count of a list of milliseconds."""
    if not samples_ms:
        return {"n": 0}
    return {
        "n": len(samples_ms),
        "p50": round(statistics.median(samples_ms), 2),
        "p95": round(percentile(samples_ms, 0.95), 2),
        "p99": round(percentile(samples_ms, 0.99), 2),
        "mean": round(statistics.fmean(samples_ms), 2),
        "max": round(max(samples_ms), 2),
    }


def timed(function: Callable[[], object]) -> tuple[float, object]:
    """Run `function` once; return (milliseconds, its result)."""
    start = time.perf_counter()
    result = function()
    return (time.perf_counter() - start) * 1000, result


def time_each(items, function: Callable[[object], object], *, warmup: bool = True, repeat: int = 1):
    """Time `function(item)` for each item, `repeat` times after one untimed warm-up pass.

    Returns (all milliseconds, {item: last result}). The warm-up fills the page cache, so the
    figures are those of a server that has been up for a while, not of a cold disk.
    """
    results = {}
    if warmup:
        for item in items:
            results[item] = function(item)
    samples = []
    for _ in range(repeat):
        for item in items:
            ms, results[item] = timed(lambda item=item: function(item))
            samples.append(ms)
    return samples, results


def machine_info() -> dict:
    import sqlite3

    import django

    cpu = ""
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory_gb = None
    with contextlib.suppress(OSError, ValueError):
        kb = int(Path("/proc/meminfo").read_text().split("\n", 1)[0].split()[1])
        memory_gb = round(kb / 1024 / 1024, 1)
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=False
    ).stdout.strip()
    return {
        "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "host": platform.node(),
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gb": memory_gb,
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "python": platform.python_version(),
        "django": django.get_version(),
        "sqlite": sqlite3.sqlite_version,
        "commit": commit,
    }


def database_info() -> dict:
    from django.db import connection

    info = {"vendor": connection.vendor, "name": str(connection.settings_dict["NAME"])}
    if connection.vendor == "sqlite":
        path = Path(connection.settings_dict["NAME"])
        if path.exists():
            info["size_mb"] = round(path.stat().st_size / 1024 / 1024, 1)
    else:
        with connection.cursor() as cursor:
            cursor.execute("select version()")
            info["server"] = cursor.fetchone()[0].split(",")[0]
            # Search counts read the search table's heap: whether it fits in shared buffers shows.
            cursor.execute("show shared_buffers")
            info["shared_buffers"] = cursor.fetchone()[0]
            cursor.execute("select pg_size_pretty(pg_relation_size('rectify_search_issue'))")
            info["search_heap"] = cursor.fetchone()[0]
    return info


# --- HTTP ------------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class HttpClient:
    """One keep-alive connection to 127.0.0.1:port; reconnects when the server closes it."""

    def __init__(self, port: int, timeout: float = 120):
        self.port, self.timeout = port, timeout
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)

    def get(self, path: str, params: dict | None = None) -> tuple[int, bytes]:
        url = f"{path}?{urlencode(params, doseq=True)}" if params else path
        for attempt in range(2):
            try:
                self.connection.request("GET", url, headers={"Accept-Language": "zh-hans"})
                response = self.connection.getresponse()
                return response.status, response.read()
            except (http.client.HTTPException, ConnectionError):
                # A server that closed an idle connection: one retry on a fresh one.
                self.connection.close()
                self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)
                if attempt:
                    raise
        raise AssertionError("unreachable")

    def close(self):
        self.connection.close()


def wait_for_port(port: int, process: subprocess.Popen, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode} before listening on {port}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
            return
        time.sleep(0.2)
    raise RuntimeError(f"nothing listening on {port} after {seconds} s")


@contextlib.contextmanager
def served(command: list[str], port: int, *, env: dict | None = None, log: Path | None = None) -> Iterator[int]:
    """Run a server process for the duration of the block; stop it (and only it) afterwards."""
    log_file = log.open("w") if log else subprocess.DEVNULL
    process = subprocess.Popen(
        command, cwd=ROOT, env={**os.environ, **(env or {})}, stdout=log_file, stderr=subprocess.STDOUT
    )
    try:
        wait_for_port(port, process)
        yield port
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if log:
            log_file.close()


def gunicorn_command(port: int, workers: int = 1, threads: int = 1) -> list[str]:
    return [
        str(ROOT / ".venv" / "bin" / "gunicorn"),
        "rectify.wsgi",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--threads",
        str(threads),
        "--timeout",
        "120",
        "--log-level",
        "warning",
    ]
