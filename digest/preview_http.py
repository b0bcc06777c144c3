"""The preview's HTTP side: safe file serving, live-reload events, script injection.

In: the output folder, the base URL's path and a LiveState that the rebuild loop
updates. Out: HTTP responses. Files are served only from inside the output folder
(``..``, encoded ``%2e%2e``, empty segments, backslashes, NUL and symlinks that
lead out all give 404); HTML responses get the live-reload script added as they
are sent; ``/__livereload/events`` streams Server-Sent Events: a reload after a
good build, an overlay with ``path:line: reason`` after a failed one.

Hardening (issue 14), on the standard library's ThreadingHTTPServer:

* Host check against DNS rebinding: a request whose ``Host`` is not a loopback
  name (``localhost``, ``*.localhost``), an IP address literal or the ``--host``
  the server was started with gets 403 -- the event stream too. A page on another
  site that rebinds its own name to 127.0.0.1 still sends its own name.
* A listen backlog of :data:`LISTEN_BACKLOG` instead of 5, so a burst of
  connections waits in the kernel queue rather than being refused.
* HTTP/1.1 keep-alive; the event stream says ``Connection: close``.
* Deadlines: a client has :data:`HEADER_SECONDS` to send a request's head
  (whether it trickles or stalls; an idle keep-alive connection is closed after
  as long), and every read or write on a connection gives up after
  :data:`IO_SECONDS`.
* ``HEAD`` on the event stream gets its headers and ends.
"""

from __future__ import annotations

import errno
import ipaddress
import json
import os
import secrets
import socket
import socketserver
import sys
import threading
import time
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

LIVERELOAD_PREFIX = "/__livereload/"
EVENTS_PATH = LIVERELOAD_PREFIX + "events"
CLIENT_PATH = LIVERELOAD_PREFIX + "client.js"
CLIENT_JS = (Path(__file__).with_name("livereload.js")).read_bytes()

# How many ports after the requested one to try before giving up.
PORT_ATTEMPTS = 20
# SSE comment sent this often so proxies and the browser keep the stream open
# and a vanished client is noticed (the write fails).
HEARTBEAT_SECONDS = 15.0
# Pending connections the kernel holds for us (it caps this at net.core.somaxconn).
LISTEN_BACKLOG = 1024
# Time a client has to send a whole request head, and the longest any one read or
# write may block. A browser sends its head in one packet.
HEADER_SECONDS = 10.0
IO_SECONDS = 30.0

CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".htm": "text/html; charset=utf-8",
    # GitHub Pages sends .xml (our feeds) as application/xml; preview the same.
    ".xml": "application/xml; charset=utf-8",
    ".rss": "application/rss+xml; charset=utf-8",
    ".atom": "application/atom+xml; charset=utf-8",
    ".xsl": "application/xml; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".map": "application/json",
    ".webmanifest": "application/manifest+json",
    ".txt": "text/plain; charset=utf-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".avif": "image/avif",
    ".ico": "image/x-icon",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
    ".pdf": "application/pdf",
}

FALLBACK_404 = (
    b"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>404 Not Found</title></head>"
    b"<body><h1>404 Not Found</h1><p>Nothing is built at this address.</p></body></html>\n"
)


def content_type(path: Path) -> str:
    return CONTENT_TYPES.get(path.suffix.lower(), "application/octet-stream")


# --------------------------------------------------------------------------- paths


@dataclass(frozen=True)
class Resolved:
    """What a request target maps to: a file to send, a redirect, or nothing (404)."""

    file: Path | None = None
    redirect: str | None = None


NOT_FOUND = Resolved()


def resolve_target(root: Path, base_path: str, target: str) -> Resolved:
    """Map a raw HTTP request target onto a file inside ``root``, or refuse.

    Refused (404): anything outside ``base_path``; ``..`` or ``.`` segments,
    whether literal or percent-encoded; empty segments (``//etc``, an encoded
    leading ``%2F``), which is how an absolute path would sneak in; backslashes
    and NUL; and any path whose real location, symlinks followed, leaves ``root``.
    """
    if target.startswith(("http://", "https://")):
        target = urlsplit(target).path or "/"  # absolute-form, as a proxy would send
    # Not urlsplit: it would read "//etc/passwd" as a host name plus "/passwd".
    path, _, query = target.partition("?")
    path = path.partition("#")[0]
    suffix = "?" + query if query else ""
    if not path.startswith("/"):
        return NOT_FOUND
    if path == "/" and base_path != "/":
        return Resolved(redirect=base_path)
    if path == base_path.rstrip("/"):
        return Resolved(redirect=base_path + suffix)
    if not path.startswith(base_path):
        return NOT_FOUND
    rel = unquote(path[len(base_path):], errors="strict")
    if "\\" in rel or "\x00" in rel:
        return NOT_FOUND
    segments = rel.split("/")
    trailing_slash = segments[-1] == ""
    if trailing_slash:
        segments.pop()
    if any(seg in ("", ".", "..") for seg in segments):
        return NOT_FOUND
    real_root = os.path.realpath(root)
    real = os.path.realpath(os.path.join(real_root, *segments))
    if real != real_root and not real.startswith(real_root + os.sep):
        return NOT_FOUND
    if os.path.isdir(real):
        if not trailing_slash and segments:
            # Relative links in an index page only work from the slashed URL.
            return Resolved(redirect=path + "/" + suffix)
        real = os.path.join(real, "index.html")
    elif trailing_slash:
        return NOT_FOUND
    return Resolved(file=Path(real)) if os.path.isfile(real) else NOT_FOUND


def _safe_resolve(root: Path, base_path: str, target: str) -> Resolved:
    try:
        return resolve_target(root, base_path, target)
    except (UnicodeDecodeError, ValueError, OSError):
        return NOT_FOUND


def inject_script(html: bytes, stamp: str) -> bytes:
    """Return ``html`` with the live-reload script tag just before the last ``</body>``
    (or at the end when there is none)."""
    tag = f'<script src="{CLIENT_PATH}" data-build="{stamp}"></script>'.encode()
    at = html.lower().rfind(b"</body>")
    if at < 0:
        return html + tag
    return html[:at] + tag + html[at:]


# --------------------------------------------------------------------------- state


@dataclass(frozen=True)
class Snapshot:
    """What the server shows: which folder under which path, from which build,
    and the problems of the last build if it failed."""

    root: Path | None
    base_path: str
    token: str
    seq: int
    problems: tuple[str, ...]

    @property
    def stamp(self) -> str:
        return f"{self.token}:{self.seq}"

    def event(self) -> bytes:
        data = json.dumps({"token": self.token, "seq": self.seq, "problems": list(self.problems)}, ensure_ascii=False)
        return f"event: state\ndata: {data}\n\n".encode()


class LiveState:
    """The current Snapshot, shared by the rebuild loop and the request threads.
    Readers block in :meth:`wait` until it changes."""

    def __init__(self, root: Path | None = None, base_path: str = "/") -> None:
        self._cond = threading.Condition()
        # A new token per server run: pages left open across a restart reload.
        self._snap = Snapshot(root, base_path, secrets.token_hex(4), 0, ())
        self._closed = False

    @property
    def snapshot(self) -> Snapshot:
        with self._cond:
            return self._snap

    @property
    def closed(self) -> bool:
        return self._closed

    def built(self, root: Path, base_path: str) -> None:
        with self._cond:
            s = self._snap
            self._snap = Snapshot(root, base_path, s.token, s.seq + 1, ())
            self._cond.notify_all()

    def failed(self, problems: tuple[str, ...], root: Path | None = None, base_path: str = "/") -> None:
        """Show ``problems``; ``root``/``base_path`` are used only if nothing was built yet."""
        with self._cond:
            s = self._snap
            if s.root is not None or root is None:
                root, base_path = s.root, s.base_path
            self._snap = Snapshot(root, base_path, s.token, s.seq, problems)
            self._cond.notify_all()

    def wait(self, seen: Snapshot | None, timeout: float) -> Snapshot | None:
        """The snapshot once it differs from ``seen``; None on timeout or close."""
        with self._cond:
            self._cond.wait_for(lambda: self._closed or self._snap is not seen, timeout)
            if self._closed or self._snap is seen:
                return None
            return self._snap

    def close(self) -> None:
        with self._cond:
            self._closed = True
            self._cond.notify_all()


# --------------------------------------------------------------------------- hosts


def host_allowed(header: str | None, bound_host: str) -> bool:
    """Whether a request's ``Host`` header names this preview: a loopback name, an
    IP address literal (no DNS, so no rebinding), or the host it was started with."""
    if not header:
        return False
    host = header.strip().lower()
    if host.startswith("["):  # [::1]:8000
        host = host[1:].partition("]")[0]
    elif host.count(":") == 1:
        host = host.partition(":")[0]
    host = host.rstrip(".")
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        ipaddress.ip_address(host)
        return True
    except ValueError:
        pass
    return host == bound_host.strip("[]").lower().rstrip(".")


class Watchdog:
    """One thread that shuts down connections whose deadline passed: a socket
    timeout alone restarts at every byte, so a client trickling its headers one
    byte at a time would hold a thread for ever."""

    def __init__(self, tick: float = 0.5) -> None:
        self._deadlines: dict[socket.socket, float] = {}
        self._lock = threading.Lock()
        self._tick = tick
        self._stop = threading.Event()
        threading.Thread(target=self._run, name="preview-watchdog", daemon=True).start()

    def stop(self) -> None:
        self._stop.set()

    def arm(self, sock: socket.socket, seconds: float) -> None:
        with self._lock:
            self._deadlines[sock] = time.monotonic() + seconds

    def disarm(self, sock: socket.socket) -> None:
        with self._lock:
            self._deadlines.pop(sock, None)

    def _run(self) -> None:
        while not self._stop.wait(self._tick):
            now = time.monotonic()
            with self._lock:
                expired = [sock for sock, deadline in self._deadlines.items() if deadline <= now]
                for sock in expired:
                    del self._deadlines[sock]
            for sock in expired:
                try:
                    sock.shutdown(socket.SHUT_RDWR)  # the handler's read returns and it ends
                except OSError:
                    pass


# --------------------------------------------------------------------------- HTTP


class PreviewHandler(BaseHTTPRequestHandler):
    server: PreviewHTTPServer
    server_version = "digest-preview"
    protocol_version = "HTTP/1.1"  # keep-alive: every response has a Content-Length
    timeout = IO_SECONDS

    def handle_one_request(self) -> None:
        # The deadline covers waiting for the request line on a kept-alive
        # connection too: an idle connection is closed after HEADER_SECONDS.
        self.server.watchdog.arm(self.connection, HEADER_SECONDS)
        try:
            super().handle_one_request()
        finally:
            self.server.watchdog.disarm(self.connection)

    def parse_request(self) -> bool:
        ok = super().parse_request()
        self.server.watchdog.disarm(self.connection)
        return ok

    def do_GET(self) -> None:
        self._respond(send_body=True)

    def do_HEAD(self) -> None:
        self._respond(send_body=False)

    def _respond(self, send_body: bool) -> None:
        state = self.server.state
        # An absolute-form target (as sent to a proxy) names the host itself.
        named = urlsplit(self.path).netloc if self.path.startswith(("http://", "https://")) else self.headers.get("Host")
        if not host_allowed(named, self.server.bound_host):
            # DNS rebinding: a foreign page reaching us under its own name.
            self._send(HTTPStatus.FORBIDDEN, "text/plain; charset=utf-8",
                       b"403 Forbidden: this preview answers only to localhost, an IP address or its --host.\n", send_body)
            return
        path = self.path.partition("?")[0]
        if path == EVENTS_PATH:
            self._stream_events(state, send_body)
            return
        if path == CLIENT_PATH:
            self._send(HTTPStatus.OK, "text/javascript; charset=utf-8", CLIENT_JS, send_body)
            return
        # Read the stamp before the file: if a build lands in between, the page
        # is newer than its stamp and reloads once more, rather than being older
        # than its stamp and never reloading.
        snap = state.snapshot
        resolved = NOT_FOUND if snap.root is None else _safe_resolve(snap.root, snap.base_path, self.path)
        if resolved.redirect is not None:
            # 302, not 301: browsers cache a 301 for good, and a preview's
            # folders come and go.
            self.send_response(HTTPStatus.FOUND)
            self.send_header("Location", resolved.redirect)
            self.send_header("Content-Length", "0")
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            return
        status = HTTPStatus.OK
        file = resolved.file
        if file is None:
            status = HTTPStatus.NOT_FOUND
            page = snap.root / "404.html" if snap.root is not None else None
            file = page if page is not None and page.is_file() else None
        try:
            body = file.read_bytes() if file is not None else FALLBACK_404
        except OSError:  # removed by a build swap since it was resolved
            status, file, body = HTTPStatus.NOT_FOUND, None, FALLBACK_404
        ctype = content_type(file) if file is not None else "text/html; charset=utf-8"
        if ctype.startswith("text/html"):
            body = inject_script(body, snap.stamp)
        self._send(status, ctype, body, send_body)

    def _send(self, status: HTTPStatus, ctype: str, body: bytes, send_body: bool) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        # A preview must never show a cached page from before the last save.
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        if send_body:
            self.wfile.write(body)

    def _stream_events(self, state: LiveState, send_body: bool = True) -> None:
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.send_header("Cache-Control", "no-store")
        # No length: the stream ends when the connection does.
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        if not send_body:  # HEAD: the headers are the whole answer
            return
        # Reconnect quickly after a server restart instead of the default 3 s.
        self.wfile.write(b"retry: 500\n\n")
        seen: Snapshot | None = None
        while not state.closed:
            snap = state.snapshot if seen is None else state.wait(seen, HEARTBEAT_SECONDS)
            if snap is None:
                if state.closed:
                    break
                self.wfile.write(b": ping\n\n")
            else:
                self.wfile.write(snap.event())
                seen = snap
            self.wfile.flush()

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        pass  # one line per request drowns the rebuild messages the curator reads


class PreviewHTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = LISTEN_BACKLOG

    def __init__(self, address: tuple[str, int], state: LiveState) -> None:
        self.state = state
        self.bound_host = address[0]
        super().__init__(address, PreviewHandler)
        self.watchdog = Watchdog()  # once bound: a port that was taken leaves no thread behind

    def server_close(self) -> None:
        super().server_close()
        if hasattr(self, "watchdog"):  # also called when binding failed, before it exists
            self.watchdog.stop()

    def server_bind(self) -> None:
        # HTTPServer.server_bind does a reverse DNS lookup (getfqdn), which can
        # hang for seconds on a machine without a resolver; we never need it.
        if self.address_family == socket.AF_INET6:
            self.socket.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
        socketserver.TCPServer.server_bind(self)
        host, port = self.server_address[:2]
        self.server_name, self.server_port = str(host), int(port)

    def handle_error(self, request: Any, client_address: Any) -> None:
        exc = sys.exc_info()[1]
        if isinstance(exc, (ConnectionError, TimeoutError)):
            return  # the browser closed a tab or reloaded mid-response
        super().handle_error(request, client_address)


class _PreviewHTTPServer6(PreviewHTTPServer):
    address_family = socket.AF_INET6


def bind_server(host: str, port: int, state: LiveState, attempts: int = PORT_ATTEMPTS) -> tuple[PreviewHTTPServer, str | None]:
    """Bind ``host:port``, or the next free port after it. Returns the server and,
    when the requested port was taken, a message saying which one is used instead.
    Raises OSError with a clear message when none is free."""
    cls = _PreviewHTTPServer6 if ":" in host else PreviewHTTPServer
    for candidate in range(port, port + attempts) if port else [0]:
        try:
            server = cls((host, candidate), state)
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE and candidate < 65535:
                continue
            raise OSError(exc.errno, f"cannot listen on {host}:{candidate}: {exc.strerror}") from None
        if candidate != port:
            return server, (
                f"Port {port} on {host} is already in use (another preview still running?); "
                f"serving on port {server.server_port} instead."
            )
        return server, None
    raise OSError(
        errno.EADDRINUSE,
        f"Ports {port}-{port + attempts - 1} on {host} are all in use; choose another with --port.",
    )

