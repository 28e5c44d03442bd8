"""Load test of `planlint serve`: 20 clients at once, each sending 5 plans to POST /api/check, on loopback only.

Starts the server on 127.0.0.1 with a free port and its own TMPDIR, lets every client send its plans one after
another (the example plan as .docx and .pdf and three test plans), and prints throughput and latency. It is
bounded: a fixed number of requests, each with a time limit, and the server is stopped at the end. It fails
(exit status 1) when a request fails, when a file is left in the server's temporary folder after the load,
or when anything is left in TMPDIR after the server has stopped.

    python bench/bench_serve.py [--clients 20] [--plans 5] [--workers N]
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
PLANS = [
    ROOT / "examples" / "verksamhetsplan-2026.docx",
    ROOT / "examples" / "verksamhetsplan-2026.pdf",
    ROOT / "tests" / "fixtures" / "docx" / "plan_normal.docx",
    ROOT / "tests" / "fixtures" / "docx" / "plan_tabeller.docx",
    ROOT / "tests" / "fixtures" / "pdf" / "plan_enkel.pdf",
]
REQUEST_SECONDS = 120  # one request, queueing included
START_SECONDS = 90
LOOPBACK = "127.0.0.1"


def start_server(tmp: Path, workers: int | None) -> tuple[subprocess.Popen, str]:
    command = [sys.executable, "-m", "planlint", "serve", "--host", LOOPBACK, "--port", "0"]
    command += ["--workers", str(workers)] if workers else []
    env = {**os.environ, "TMPDIR": str(tmp), "PYTHONPATH": str(ROOT)}
    server = subprocess.Popen(command, cwd=tmp.parent, env=env, stdout=subprocess.PIPE, text=True)
    found = re.search(r"http://(\S+):(\d+)", server.stdout.readline())
    if not found or found.group(1) != LOOPBACK:
        server.kill()
        sys.exit("the server did not start on loopback")
    url = found.group(0)
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/healthz", timeout=5).status_code == 200:
                return server, url
        except httpx.TransportError:
            time.sleep(0.2)
    server.kill()
    sys.exit("the server did not answer /healthz")


def client(url: str, plans: list[Path], start: threading.Barrier, latencies: list[float], failures: list[str]):
    """One user: waits for the others, then sends each plan in turn and checks the verdict came back."""
    with httpx.Client(base_url=url, timeout=REQUEST_SECONDS) as http:
        start.wait()
        for plan in plans:
            began = time.perf_counter()
            try:
                answer = http.post("/api/check", files=[("plan", (plan.name, plan.read_bytes()))])
                report = answer.json() if answer.status_code == 200 else {}
            except (httpx.HTTPError, ValueError) as exc:
                failures.append(f"{plan.name}: {type(exc).__name__}")
                continue
            latencies.append(time.perf_counter() - began)
            files = report.get("files", [])
            if answer.status_code != 200 or len(files) != 1 or files[0]["path"] != plan.name or report["errors"]:
                failures.append(f"{plan.name}: HTTP {answer.status_code}")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--plans", type=int, default=5, help="plans each client sends, one request each")
    parser.add_argument("--workers", type=int, help="the server's worker processes (default: its own)")
    args = parser.parse_args()
    plans = [PLANS[i % len(PLANS)] for i in range(args.plans)]
    with tempfile.TemporaryDirectory(prefix="bench-serve-") as folder:
        tmp = Path(folder) / "tmp"
        tmp.mkdir()
        server, url = start_server(tmp, args.workers)
        latencies: list[float] = []
        failures: list[str] = []
        start = threading.Barrier(args.clients + 1)
        threads = [
            threading.Thread(target=client, args=(url, plans, start, latencies, failures)) for _ in range(args.clients)
        ]
        try:
            health = httpx.get(f"{url}/healthz", timeout=5).json()
            for thread in threads:
                thread.start()
            start.wait()
            began = time.perf_counter()
            for thread in threads:
                thread.join(REQUEST_SECONDS * args.plans)
            wall = time.perf_counter() - began
            left_running = [p for root in tmp.glob("planlint-serve-*") for p in root.rglob("*")]
        finally:
            server.send_signal(signal.SIGINT)
            try:
                server.wait(30)
            except subprocess.TimeoutExpired:
                server.kill()
        left_after = list(tmp.iterdir())

    requests = args.clients * args.plans
    print(f"planlint serve on loopback: {args.clients} clients × {args.plans} plans = {requests} requests")
    print(f"  server: {health['workers']['configured']} workers, queue capacity {health['queue']['capacity']}")
    print(f"  wall time {wall:.1f} s, throughput {len(latencies) / wall:.2f} plans/s")
    if latencies:
        print(
            f"  latency p50 {statistics.median(latencies):.2f} s, p95 {percentile(latencies, 0.95):.2f} s, "
            f"max {max(latencies):.2f} s"
        )
    print(f"  failed requests: {len(failures)}" + (f" ({', '.join(sorted(set(failures))[:5])})" if failures else ""))
    print(f"  files left in the server's temporary folder after the load: {len(left_running)}")
    print(f"  left in TMPDIR after the server stopped: {len(left_after)}")
    print(f"  load average (1, 5, 15 min): {' '.join(f'{v:.2f}' for v in os.getloadavg())}")
    ok = not failures and len(latencies) == requests and not left_running and not left_after
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
