"""Many clients at once against a running preview: how many got an answer.

In: the preview's origin (``http://127.0.0.1:PORT``), a request target, a number
of concurrent clients and of requests in all. Out: a :class:`LoadResult` with
every request's status (or the error that replaced it) and latency. Each client
opens a new connection per request, the hardest case for a listen queue. Used by
tests/test_serve_hardening.py (which asserts on answers, never on times) and
bench/serve_load.py (which prints the latency percentiles).
"""

from __future__ import annotations

import http.client
import threading
import time
from collections import Counter
from dataclasses import dataclass, field


@dataclass
class LoadResult:
    statuses: Counter[int | str] = field(default_factory=Counter)
    latencies: list[float] = field(default_factory=list)  # seconds, answered requests only
    sizes: Counter[int] = field(default_factory=Counter)

    @property
    def answered(self) -> int:
        return sum(n for status, n in self.statuses.items() if isinstance(status, int))

    def percentile(self, share: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else float("nan")


def hammer(origin: str, target: str, clients: int = 200, total: int = 2000, timeout: float = 60.0) -> LoadResult:
    """Send ``total`` GETs of ``target`` from ``clients`` threads started together."""
    host, port = origin.removeprefix("http://").rsplit(":", 1)
    result = LoadResult()
    lock = threading.Lock()
    remaining = [total]
    start = threading.Barrier(clients)

    def client() -> None:
        start.wait()
        while True:
            with lock:
                if remaining[0] == 0:
                    return
                remaining[0] -= 1
            began = time.perf_counter()
            conn = http.client.HTTPConnection(host, int(port), timeout=timeout)
            try:
                conn.request("GET", target)
                response = conn.getresponse()
                body = response.read()
                outcome: int | str = response.status
            except (OSError, http.client.HTTPException) as exc:
                outcome, body = type(exc).__name__, b""
            finally:
                conn.close()
            took = time.perf_counter() - began
            with lock:
                result.statuses[outcome] += 1
                if isinstance(outcome, int):
                    result.latencies.append(took)
                    result.sizes[len(body)] += 1

    threads = [threading.Thread(target=client, daemon=True) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return result
