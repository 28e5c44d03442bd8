"""Bounds on what the server accepts and how much work it takes on, so that no upload can exhaust it."""

from __future__ import annotations

import os
from dataclasses import dataclass

MB = 1024 * 1024


@dataclass(frozen=True)
class ServeLimits:
    file_mb: int = 20  # one uploaded plan
    request_mb: int = 50  # everything sent in one request
    files: int = 20  # plans in one request
    seconds: float = 60.0  # to check one plan; a plan over it is stopped and reported
    workers: int = max(1, min(4, os.cpu_count() or 1))  # worker processes checking plans
    queue: int = 32  # plans that may wait for a worker; beyond it the server answers 503
    retry_after: int = 10  # seconds, in the 503's Retry-After

    @property
    def file_bytes(self) -> int:
        return self.file_mb * MB

    @property
    def request_bytes(self) -> int:
        return self.request_mb * MB
