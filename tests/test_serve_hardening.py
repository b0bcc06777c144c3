"""The preview server under load and under attack (issue 14).

* 200 concurrent clients send 2,000 requests: every one is answered, in full.
* DNS rebinding: a request naming a foreign ``Host`` (the page's own name, after
  its DNS answer changed to 127.0.0.1) gets 403, the live-reload stream too.
* A client that trickles or stalls its request head is disconnected; ``HEAD``
  on the event stream ends; a connection is kept alive across requests.
"""

from __future__ import annotations

import http.client
import select
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import REPO
from serve_harness import ServeProcess
from serve_load import hammer

from digest.preview_http import HEADER_SECONDS, host_allowed


def make_site(root: Path) -> Path:
    (root / "config.yaml").write_text(
        "title: 测试\nbase_url: https://example.github.io/digest/\ntimezone: Asia/Shanghai\n"
        f"templates_dir: {REPO / 'templates'}\nstatic_dir: {REPO / 'static'}\n", encoding="utf-8")
    (root / "content").mkdir()
    for article in (REPO / "tests" / "fixtures" / "mini" / "content").rglob("*.md"):
        (root / "content" / article.name).write_bytes(article.read_bytes())
    return root


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServeProcess]:
    with ServeProcess(make_site(tmp_path_factory.mktemp("hardening"))) as server:
        yield server


def request(origin: str, target: str, method: str = "GET", host: str | None = None) -> tuple[int, dict[str, str], bytes]:
    address, port = origin.removeprefix("http://").rsplit(":", 1)
    conn = http.client.HTTPConnection(address, int(port), timeout=30)
    try:
        if host is None:
            conn.request(method, target)
        else:
            conn.putrequest(method, target, skip_host=True)
            conn.putheader("Host", host)
            conn.endheaders()
        response = conn.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        conn.close()


def test_200_clients_2000_requests_all_answered(served: ServeProcess) -> None:
    expected = request(served.origin, "/digest/zh-hans/")[2]
    result = hammer(served.origin, "/digest/zh-hans/", clients=200, total=2000, timeout=60)
    assert result.statuses == {200: 2000}, result.statuses
    assert result.sizes == {len(expected): 2000}


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "127.0.0.1.nip.io", "localhost.evil.example", ""])
def test_foreign_host_names_are_refused(served: ServeProcess, host: str) -> None:
    for target in ("/digest/zh-hans/", "/__livereload/events", "/__livereload/client.js"):
        status, _, body = request(served.origin, target, host=host)
        assert status == 403 and b"<html" not in body, (host, target, status)


@pytest.mark.parametrize("host", ["localhost", "LOCALHOST:{port}", "127.0.0.1:{port}", "preview.localhost:{port}", "[::1]:{port}"])
def test_loopback_names_are_served(served: ServeProcess, host: str) -> None:
    port = served.origin.rsplit(":", 1)[1]
    status, _, body = request(served.origin, "/digest/zh-hans/", host=host.format(port=port))
    assert status == 200 and b"</html>" in body


def test_host_rules() -> None:
    assert host_allowed("preview.lan:8000", "preview.lan") and not host_allowed("preview.lan:8000", "127.0.0.1")
    assert host_allowed("192.168.1.5:8000", "0.0.0.0") and host_allowed("[fe80::1]:80", "::")
    assert not host_allowed(None, "127.0.0.1") and not host_allowed("evil.example.", "127.0.0.1")


def test_head_on_the_event_stream_ends(served: ServeProcess) -> None:
    status, headers, body = request(served.origin, "/__livereload/events", method="HEAD")
    assert status == 200 and headers["content-type"].startswith("text/event-stream") and body == b""


def test_connections_are_kept_alive(served: ServeProcess) -> None:
    address, port = served.origin.removeprefix("http://").rsplit(":", 1)
    conn = http.client.HTTPConnection(address, int(port), timeout=30)
    try:
        conn.request("GET", "/digest/zh-hans/")
        first = conn.getresponse()
        first.read()
        sock = conn.sock
        conn.request("GET", "/digest/zh-hant/")
        second = conn.getresponse()
        second.read()
        assert first.status == second.status == 200 and conn.sock is sock  # the same connection
    finally:
        conn.close()


@pytest.mark.parametrize("mode", ["trickle", "stall"])
def test_slow_request_heads_are_cut_off(served: ServeProcess, mode: str) -> None:
    """A client sending its head one byte at a time (or not at all) is disconnected
    once HEADER_SECONDS have passed; the test gives up after ten times as long."""
    address, port = served.origin.removeprefix("http://").rsplit(":", 1)
    head = b"GET /digest/zh-hans/ HTTP/1.1\r\nHost: 127.0.0.1\r\n" + b"X-Slow: " + b"a" * 10_000
    with socket.create_connection((address, int(port)), timeout=30) as sock:
        closed = False
        for i in range(int(HEADER_SECONDS * 10 / 0.25)):
            try:
                if mode == "trickle" and i < len(head):
                    sock.send(head[i:i + 1])
                readable, _, _ = select.select([sock], [], [], 0.25)
                if readable and sock.recv(4096) == b"":
                    closed = True
                    break
            except (ConnectionResetError, BrokenPipeError):
                closed = True
                break
        assert closed
    # and the server still answers everyone else
    assert request(served.origin, "/digest/")[0] == 200


def test_hundreds_of_idle_connections_do_not_block_the_preview(served: ServeProcess) -> None:
    address, port = served.origin.removeprefix("http://").rsplit(":", 1)
    idle = [socket.create_connection((address, int(port)), timeout=30) for _ in range(300)]
    try:
        assert request(served.origin, "/digest/zh-hans/")[0] == 200
    finally:
        for sock in idle:
            sock.close()
