"""A real HTTP receiver on loopback for webhook tests, in a thread of the test process.

Its behaviour is chosen by the first path segment: `ok` (204), `hang` (the first request of
each webhook-id answered after `slow_s`), `flaky` (500 for the first two
requests of each webhook-id), `slow` (answers after `slow_s` for the first two requests, so the
sender times out), `gone` (410), `down` (always 500), `busy` (200 after `busy_s`, counting
requests of the same webhook-id that overlap). Every request is recorded."""

from __future__ import annotations

import json
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass(frozen=True)
class Received:
    path: str
    headers: dict[str, str]
    body: bytes
    at: float  # time.monotonic() when it arrived
    answered: int

    @property
    def json(self) -> dict[str, Any]:
        return dict(json.loads(self.body))

    @property
    def webhook_id(self) -> str:
        return self.headers["webhook-id"]


class Receiver:
    def __init__(self, slow_s: float = 2.5, busy_s: float = 0.2) -> None:
        self.slow_s = slow_s
        self.busy_s = busy_s
        self.received: list[Received] = []
        self.lock = threading.Lock()
        self.seen: Counter[tuple[str, str]] = Counter()  # (path, webhook-id) -> requests so far
        self.in_flight: defaultdict[str, int] = defaultdict(int)
        self.overlaps = 0
        self.arrivals: Counter[str] = Counter()  # requests that arrived, answered or not yet
        self.base_url = ""

    def of(self, path: str) -> list[Received]:
        with self.lock:
            return [r for r in self.received if r.path == path]

    def arrived(self, path: str) -> int:
        with self.lock:
            return self.arrivals[path]

    def wait_for(self, path: str, count: int, timeout_s: float = 30.0) -> list[Received]:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            found = self.of(path)
            if len(found) >= count:
                return found
            time.sleep(0.05)
        raise AssertionError(f"{path}: {len(self.of(path))} of {count} requests arrived in {timeout_s} s")

    def _answer(self, path: str, webhook_id: str) -> int:
        kind = path.strip("/").split("/")[0]
        with self.lock:
            self.seen[(path, webhook_id)] += 1
            self.arrivals[path] += 1
            nth = self.seen[(path, webhook_id)]
        if kind == "flaky":
            return 500 if nth <= 2 else 200
        if kind == "slow":
            if nth <= 2:
                time.sleep(self.slow_s)
            return 200
        if kind == "hang":
            if nth == 1:
                time.sleep(self.slow_s)
            return 200
        if kind == "gone":
            return 410
        if kind == "down":
            return 500
        if kind == "busy":
            with self.lock:
                self.in_flight[webhook_id] += 1
                if self.in_flight[webhook_id] > 1:
                    self.overlaps += 1
            time.sleep(self.busy_s)
            with self.lock:
                self.in_flight[webhook_id] -= 1
            return 200
        return 204


@contextmanager
def running_receiver(**options: float) -> Iterator[Receiver]:
    receiver = Receiver(**options)

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            arrived = time.monotonic()
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            headers = {k.lower(): v for k, v in self.headers.items()}
            status = receiver._answer(self.path, headers.get("webhook-id", ""))
            try:
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()
            except OSError:
                pass  # the sender gave up waiting (a timeout test)
            with receiver.lock:
                receiver.received.append(Received(self.path, headers, body, arrived, status))

        def log_message(self, format: str, *args: Any) -> None:
            pass

    class Server(ThreadingHTTPServer):
        daemon_threads = True
        request_queue_size = 128  # a worker opens many connections at once

    server = Server(("127.0.0.1", 0), Handler)
    receiver.base_url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield receiver
    finally:
        server.shutdown()
        server.server_close()
