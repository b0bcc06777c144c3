"""Local preview: build, serve the output over HTTP, rebuild on change, reload pages.

In: the path of ``config.yaml``, a host and port to bind (127.0.0.1 unless told
otherwise) and whether to open a browser. Out: an exit code, once the curator
presses Ctrl-C. While running it

* serves ``config.output_dir`` under the base URL's path (``/digest/`` for a
  project site), so the preview has the URLs GitHub Pages will have, and never a
  file outside that folder;
* watches the content, templates and static folders and ``config.yaml``, and
  rebuilds (incrementally, through one long-lived ``BuildCache``) when they change;
* tells every open page over Server-Sent Events to reload after a good build, or
  to show an overlay with the ``path:line: reason`` problems of a failed one. The
  script doing that is added to HTML responses as they are sent, never to files.
"""

from __future__ import annotations

import argparse
import errno
import json
import os
import secrets
import signal
import socket
import socketserver
import sys
import threading
import time
import traceback
import webbrowser
from collections.abc import Callable
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar
from urllib.parse import unquote, urlsplit

import watchfiles

if TYPE_CHECKING:
    from .config import Config
    from .pipeline import BuildCache

LIVERELOAD_PREFIX = "/__livereload/"
EVENTS_PATH = LIVERELOAD_PREFIX + "events"
CLIENT_PATH = LIVERELOAD_PREFIX + "client.js"
CLIENT_JS = (Path(__file__).with_name("livereload.js")).read_bytes()

# How many ports after the requested one to try before giving up.
PORT_ATTEMPTS = 20
# SSE comment sent this often so proxies and the browser keep the stream open
# and a vanished client is noticed (the write fails).
HEARTBEAT_SECONDS = 15.0
# watchfiles yields once no new change has arrived for STEP ms (that is the
# debounce: an editor's write-rename-chmod burst becomes one rebuild), and at
# the latest after DEBOUNCE ms of continuous changes.
WATCH_STEP_MS = 50
WATCH_DEBOUNCE_MS = 1000
# The watcher wakes this often even when idle; the first wake-up is the signal
# that it is armed, so no edit made after "Watching" is printed can be missed.
WATCH_TIMEOUT_MS = 100

_T = TypeVar("_T")

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


# --------------------------------------------------------------------------- HTTP


class PreviewHandler(BaseHTTPRequestHandler):
    server: PreviewHTTPServer
    server_version = "digest-preview"

    def do_GET(self) -> None:
        self._respond(send_body=True)

    def do_HEAD(self) -> None:
        self._respond(send_body=False)

    def _respond(self, send_body: bool) -> None:
        state = self.server.state
        path = self.path.partition("?")[0]
        if path == EVENTS_PATH:
            self._stream_events(state)
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

    def _stream_events(self, state: LiveState) -> None:
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
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

    def __init__(self, address: tuple[str, int], state: LiveState) -> None:
        self.state = state
        super().__init__(address, PreviewHandler)

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


# --------------------------------------------------------------------------- building


class Builder(Protocol):
    """Loads the config and builds the site, raising ``BuildError`` on bad input."""

    def load(self) -> Config: ...

    def build(self, config: Config) -> Any: ...


@dataclass
class PipelineBuilder:
    """The real pipeline with one ``BuildCache`` kept for the life of the server,
    so each rebuild redoes only what changed."""

    config_path: Path
    cache: BuildCache | None = field(default=None)

    def load(self) -> Config:
        from .config import load_config

        return load_config(self.config_path)

    def build(self, config: Config) -> Any:
        from .pipeline import BuildCache, build

        if self.cache is None:
            self.cache = BuildCache()
        return build(config, cache=self.cache)


def _out(message: str) -> None:
    print(message, flush=True)


def _err(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


class Rebuilder:
    """Runs builds and publishes their outcome to the LiveState and the terminal."""

    def __init__(self, builder: Builder, state: LiveState) -> None:
        self.builder = builder
        self.state = state
        self.config: Config | None = None  # the last config that loaded

    def peek_config(self) -> None:
        """Load the config alone, to learn what to watch before the first build.
        Silent: the build that follows reports whatever is wrong with it."""
        try:
            self.config = self.builder.load()
        except Exception:  # noqa: BLE001 - reported by the first build
            pass

    def run(self, reason: str = "") -> bool:
        started = time.perf_counter()
        try:
            config = self._guard(self.builder.load)
            self.config = config
            report = self._guard(lambda: self.builder.build(config))
        except _Failed:
            return False
        seconds = time.perf_counter() - started
        self.state.built(config.output_dir, config.base_path)
        pages = getattr(report, "pages", None)
        what = f"{pages} pages" if pages is not None else "site"
        _out(f"{time.strftime('%H:%M:%S')} built {what} in {seconds:.2f} s{reason}")
        return True

    def _guard(self, step: Callable[[], _T]) -> _T:
        from .errors import BuildError

        try:
            return step()
        except BuildError as exc:
            problems = tuple(_shown(p) for p in exc.problems) or ("(build failed without a reason)",)
        except Exception as exc:  # a pipeline bug must not take the preview down
            _err("".join(traceback.format_exception(exc)).rstrip())
            tb = traceback.extract_tb(exc.__traceback__)
            where = f"{tb[-1].filename}:{tb[-1].lineno}" if tb else "?:0"
            problems = (f"{where}: internal error: {type(exc).__name__}: {exc}",)
        for line in problems:
            _err(line)
        _err(f"{time.strftime('%H:%M:%S')} build failed; still serving the last good build")
        # Before any good build, serve whatever an earlier run left in the
        # output folder, under the overlay, rather than nothing at all.
        config = self.config
        self.state.failed(problems, config.output_dir if config else None, config.base_path if config else "/")
        raise _Failed


def _shown(item: Any) -> str:
    """``path:line: reason`` with the path relative to the working folder when
    it lies inside it, as editors' "go to file:line" want it."""
    path = Path(item.path)
    if path.is_absolute() and path.is_relative_to(Path.cwd()):
        path = path.relative_to(Path.cwd())
    return f"{path}:{item.line}: {item.reason}"


class _Failed(Exception):
    """A build step failed and has been reported."""


def watched_paths(config_path: Path, config: Config | None) -> list[Path]:
    paths = [config_path]
    if config is not None:
        paths += [p for p in (config.content_dir, config.templates_dir, config.static_dir) if p.is_dir()]
    return paths


class _Filter(watchfiles.DefaultFilter):
    """watchfiles' default (editor swap files, .git, __pycache__...) plus the
    output folder, in case it sits inside a watched one."""

    def __init__(self, output_dir: Path | None) -> None:
        super().__init__(ignore_paths=[str(output_dir)] if output_dir else ())


def watch_and_rebuild(
    config_path: Path,
    rebuilder: Rebuilder,
    stop: threading.Event,
    on_ready: Callable[[list[Path]], None] = lambda paths: None,
) -> None:
    """Build once, then rebuild after every batch of changes until ``stop`` is set.

    Each build starts only once the watcher is armed, so an edit made while a
    build runs is never lost. The watcher is re-armed whenever config.yaml
    changes: editors that save by renaming a new file over the old one leave a
    watch on the old file deaf, and the config may name other folders.
    """
    config_path = config_path.resolve()
    rebuilder.peek_config()
    pending: str | None = ""
    while not stop.is_set():
        paths = watched_paths(config_path, rebuilder.config)
        output_dir = rebuilder.config.output_dir if rebuilder.config else None
        for changes in watchfiles.watch(
            *paths,
            watch_filter=_Filter(output_dir),
            debounce=WATCH_DEBOUNCE_MS,
            step=WATCH_STEP_MS,
            rust_timeout=WATCH_TIMEOUT_MS,
            yield_on_timeout=True,
            stop_event=stop,
        ):
            if pending is None and changes:
                changed = sorted({Path(p) for _, p in changes})
                pending = f" ({_describe(changed, config_path)} changed)"
                if config_path in changed:
                    break
            if pending is None:
                continue
            reason, pending = pending, None
            rebuilder.run(reason)
            if watched_paths(config_path, rebuilder.config) != paths:
                pending = " (watching the folders config.yaml now names)"
                break
            on_ready(paths)
        else:
            return


def _describe(changed: list[Path], config_path: Path) -> str:
    root = config_path.parent
    names = [str(p.relative_to(root)) if p.is_relative_to(root) else str(p) for p in changed]
    return names[0] if len(names) == 1 else f"{names[0]} and {len(names) - 1} more"


# --------------------------------------------------------------------------- CLI


def _port(text: str) -> int:
    port = int(text)
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{text} is not a TCP port (0-65535)")
    return port


def add_serve_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1",
                        help="address to listen on (default 127.0.0.1: this machine only)")
    parser.add_argument("--port", type=_port, default=8000,
                        help="port to listen on; the next free one is used if it is taken (default 8000)")
    parser.add_argument("--open", action="store_true",
                        help="open the site in the default browser once it is built")


def _is_loopback(host: str) -> bool:
    return host in ("localhost", "::1") or host.startswith("127.")


def _url(host: str, port: int, base_path: str) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}{base_path}"


def serve(config_path: Path, host: str, port: int, open_browser: bool) -> int:
    """Run the preview until Ctrl-C; returns the process exit code."""
    return run_preview(PipelineBuilder(Path(config_path)), Path(config_path), host, port, open_browser)


def run_preview(builder: Builder, config_path: Path, host: str, port: int, open_browser: bool) -> int:
    state = LiveState()
    try:
        server, moved = bind_server(host, port, state)
    except OSError as exc:
        _err(f"error: {exc.strerror or exc}")
        return 2
    if moved:
        _err(moved)
    if not _is_loopback(host):
        _err(f"Listening on {host}: other machines on your network can see this preview.")
    bound_port = server.server_port
    serving = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.2},
                               name="preview-http", daemon=True)
    serving.start()
    rebuilder = Rebuilder(builder, state)
    stop = threading.Event()
    announced = False

    def ready(paths: list[Path]) -> None:
        nonlocal announced
        if announced:
            return
        announced = True
        base_path = rebuilder.config.base_path if rebuilder.config else "/"
        url = _url(host, bound_port, base_path)
        _out(f"Serving {url}")
        if rebuilder.config is not None:
            for edition in rebuilder.config.editions:
                _out(f"  {edition.code}: {url}{edition.prefix}/")
        _out("Watching " + ", ".join(_describe([p], config_path.resolve()) for p in paths) + " (Ctrl-C to stop)")
        if open_browser:
            threading.Thread(target=webbrowser.open, args=(url,), daemon=True).start()

    on_main = threading.current_thread() is threading.main_thread()
    previous = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}
    if on_main:
        # Ctrl-C must work even when started with SIGINT ignored (a `&` job in
        # a script), and `kill` stops the preview as cleanly as Ctrl-C.
        signal.signal(signal.SIGINT, signal.default_int_handler)
        signal.signal(signal.SIGTERM, _raise_interrupt)
    try:
        watch_and_rebuild(config_path, rebuilder, stop, ready)
    except KeyboardInterrupt:
        pass
    finally:
        if on_main:
            # A second Ctrl-C while closing would print a traceback for nothing.
            for sig in previous:
                signal.signal(sig, signal.SIG_IGN)
        stop.set()
        state.close()
        server.shutdown()
        server.server_close()
        if on_main:
            for sig, handler in previous.items():
                signal.signal(sig, handler)
    _out("Stopped.")
    return 0


def _raise_interrupt(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    """``python -m digest.serve [--config config.yaml] [--host H] [--port P] [--open]``."""
    parser = argparse.ArgumentParser(prog="python -m digest.serve", description=__doc__.splitlines()[0])
    parser.add_argument("--config", type=Path, default=Path("config.yaml"), help="the site's config.yaml")
    add_serve_arguments(parser)
    args = parser.parse_args(argv)
    return serve(args.config, args.host, args.port, args.open)


if __name__ == "__main__":
    sys.exit(main())
