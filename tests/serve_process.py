"""Start `planlint serve` as a real process on a free loopback port, for the server and browser tests.

The server runs in a folder of its own (so no planlint.toml of the repository applies) with TMPDIR pointed at
a fresh folder, so a test can see that nothing is left behind.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
START_SECONDS = 90  # importing, loading the pack and warming every worker, on a busy machine


class Server:
    def __init__(self, folder: Path, *args: str) -> None:
        self.folder = folder
        self.tmp = folder / "tmp"
        self.tmp.mkdir(parents=True, exist_ok=True)
        env = {**os.environ, "TMPDIR": str(self.tmp), "PYTHONPATH": str(ROOT)}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "planlint", "serve", "--port", "0", *args],
            cwd=folder,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.banner = self.process.stdout.readline()
        if not self.banner.startswith("planlint serve: "):
            self.process.kill()
            raise RuntimeError(f"the server did not start: {self.banner}{self.process.stderr.read()}")
        self.url = re.search(r"http://\S+", self.banner).group()
        self.client = httpx.Client(base_url=self.url, timeout=120)
        deadline = time.monotonic() + START_SECONDS
        while True:
            try:
                if self.client.get("/healthz").status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline or self.process.poll() is not None:
                self.process.kill()
                raise RuntimeError(f"the server did not answer: {self.process.stderr.read()}")
            time.sleep(0.2)

    def leftovers(self) -> list[Path]:
        """Files and folders left inside the server's temporary folder for requests."""
        return [p for root in self.tmp.glob("planlint-serve-*") for p in root.rglob("*")]

    def stop(self) -> str:
        """Stop the server as Ctrl+C does; its stderr."""
        self.client.close()
        self.process.send_signal(signal.SIGINT)
        try:
            _, stderr = self.process.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            _, stderr = self.process.communicate()
        return stderr
