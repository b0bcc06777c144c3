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

The HTTP side (safe paths, injection, the event stream) is ``preview_http``;
this module is the rebuild loop and the command.
"""

from __future__ import annotations

import argparse
import gc
import shutil
import signal
import sys
import tempfile
import threading
import time
import traceback
import webbrowser
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

import watchfiles

from .preview_http import LiveState, bind_server

if TYPE_CHECKING:
    from .config import Config
    from .pipeline import BuildCache

# watchfiles yields once no new change has arrived for STEP ms (that is the
# debounce: an editor's write-rename-chmod burst becomes one rebuild), and at
# the latest after DEBOUNCE ms of continuous changes.
WATCH_STEP_MS = 20
WATCH_DEBOUNCE_MS = 1000
# The watcher wakes this often even when idle; the first wake-up is the signal
# that it is armed, so no edit made after "Watching" is printed can be missed.
WATCH_TIMEOUT_MS = 100

_T = TypeVar("_T")
# More changed paths than this and a rebuild uses the worker processes.
MANY_CHANGES = 64
# The interpreter's thread switch interval while the preview runs (see run_preview).
SWITCH_INTERVAL_S = 0.001

# --------------------------------------------------------------------------- building


class Builder(Protocol):
    """Loads the config and builds the site, raising ``BuildError`` on bad input.
    ``build`` raises ``pipeline.Cancelled`` when ``cancel`` is set while it runs.
    ``fast`` (optional) renders the pages of a few edited articles first and
    returns a report, or None when the edit needs ``build`` (see ``fastpath``)."""

    def load(self) -> Config: ...

    def build(self, config: Config, changed: Collection[Path] | None = None,
              cancel: threading.Event | None = None) -> Any: ...


@dataclass(frozen=True)
class FastReport:
    """What a fast render did: pages rendered, and seconds per part (as BuildReport.stages)."""

    pages: int
    stages: tuple[tuple[str, float], ...]


@dataclass
class PipelineBuilder:
    """The real pipeline with one ``BuildCache`` kept for the life of the server,
    so each rebuild redoes only what changed."""

    config_path: Path
    cache: BuildCache | None = field(default=None)
    drafts: bool = False  # --drafts: show drafts too
    future: bool = False  # --future: show articles dated after now too
    preview_dir: Path | None = None  # where a preview with drafts is written: never site/
    _indexer: tuple[threading.Thread, threading.Event] | None = field(default=None, repr=False)
    _index_stale: bool = field(default=False, repr=False)  # the pages changed since the index was made
    # The last good build, as the fast render needs it (fastpath.FastContext).
    _context: Any = field(default=None, repr=False)
    # Held while the served folder and the cache's record of it change: by the
    # fast render, and by a build while it writes (pipeline.build_site).
    _write_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def load(self) -> Config:
        from dataclasses import replace

        from .config import load_config

        config = load_config(self.config_path)
        if not (self.drafts or self.future):
            return config
        if self.preview_dir is None:
            self.preview_dir = Path(tempfile.mkdtemp(prefix="digest-preview-"))
        return replace(config, publish_drafts=self.drafts, publish_future=self.future, output_dir=self.preview_dir)

    def build(self, config: Config, changed: Collection[Path] | None = None,
              cancel: threading.Event | None = None) -> Any:
        """Rebuild; ``changed``: the paths the watcher reported (None: look at
        everything); ``cancel``: set by another thread to give the build up
        (pipeline.Cancelled) before it writes."""
        from .cache import fingerprint
        from .fastpath import fast_context, warm_up
        from .pipeline import BuildCache, Cancelled, build_site
        from .templating import load_strings
        from .workers import default_jobs

        if self.cache is None:
            self.cache = BuildCache()
        # An index still being made is of pages this build replaces: drop it, and
        # make it again once the new pages are out.
        self._stop_indexing()
        cancelled = False
        try:
            # Workers for a full look only (the first build, a config change, a
            # checkout): with the preview's threads running, a pool is started by
            # spawning fresh interpreters, which costs more than the pages a few
            # edited files change.
            jobs = default_jobs() if changed is None or len(changed) > MANY_CHANGES else 1
            report, site = build_site(config, cache=self.cache, jobs=jobs, defer_index=True, changed=changed,
                                      cancel=cancel, write_lock=self._write_lock)
            self._index_stale = self._index_stale or report.index_stale
            if site is not None:
                first = self._context is None
                self._context = fast_context(config, load_strings(config), fingerprint(config.templates_dir), site.pages)
                if first:
                    warm_up(self._context)
            # What the cache holds lives until the next edit at least: keep the
            # cyclic garbage collector from walking it again and again during
            # every rebuild (at 10,000 articles that is seconds per save).
            gc.freeze()
            return report
        except Cancelled:
            cancelled = True
            raise
        finally:
            if self._index_stale and not cancelled:
                self._start_indexing(config)

    def fast(self, changed: Collection[Path]) -> FastReport | None:
        """The fast render (``fastpath``) of the article files in ``changed``,
        written into the served folder; None (nothing written) when the edit
        needs the full incremental build. The config is the last good build's:
        a change to config.yaml or the glossary is never fast."""
        from .fastpath import fast_pages
        from .output import replace_file

        context, cache = self._context, self.cache
        if context is None or cache is None:
            return None
        started = time.perf_counter()
        files = fast_pages(context, changed)
        if files is None:
            return None
        rendered = time.perf_counter()
        target = context.config.output_dir.resolve()
        with self._write_lock:
            if cache.written_to != target:
                return None
            for file in files:
                assert file.data is not None
                if cache.written.get(file.path) != file.data:
                    replace_file(target / file.path, file.data)
                    cache.wrote_outside(target, file.path, file.data)
                    self._index_stale = True  # the background build re-indexes after it
        return FastReport(len(files), (("load", rendered - started), ("write", time.perf_counter() - rendered)))

    def _start_indexing(self, config: Config) -> None:
        """The search index follows a moment after the pages, so a save shows
        without waiting for Pagefind: it runs in the background at the lowest CPU
        priority and is dropped (and started again) when the next change comes."""
        from .search import index_site

        cancel = threading.Event()

        def reindex() -> None:
            try:
                if index_site(config, config.output_dir.resolve(), cancel=cancel, background=True):
                    self._index_stale = False
            except Exception as exc:  # noqa: BLE001 - the preview stays up; the next build retries
                _err(f"search index not updated: {exc}")

        self._indexer = (threading.Thread(target=reindex, name="search-index", daemon=True), cancel)
        self._indexer[0].start()

    def _stop_indexing(self) -> None:
        if self._indexer is not None:
            thread, cancel = self._indexer
            cancel.set()
            thread.join()
            self._indexer = None

    def finish_indexing(self) -> None:
        """Wait until the search index is of the current pages (tests, a clean exit)."""
        if self._indexer is not None:
            self._indexer[0].join()

    def close(self) -> None:
        """Stop a search indexing still running and remove the temporary
        drafts/future preview folder, if one was made (the preview is closing)."""
        self._stop_indexing()
        if self.preview_dir is not None:
            shutil.rmtree(self.preview_dir, ignore_errors=True)
            self.preview_dir = None


def _out(message: str) -> None:
    print(message, flush=True)


def _err(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


class Changes:
    """The paths reported since the last good build, shared by the watcher loop
    and the background builds: each report gets a number, and a good build
    forgets only what was reported before it started. ``full``: something
    (the first build, config.yaml, the watcher re-armed) needs every file looked at."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._paths: dict[Path, int] = {}
        self._full: int | None = 0  # the report number that asked for a full look, or None
        self._count = 0

    def add(self, paths: Collection[Path], full: bool = False) -> None:
        with self._lock:
            self._count += 1
            self._paths.update(dict.fromkeys(paths, self._count))
            if full:
                self._full = self._count

    def snapshot(self) -> tuple[int, frozenset[Path] | None]:
        """(the last report's number, every path since the last good build, or None for a full look)."""
        with self._lock:
            return self._count, None if self._full is not None else frozenset(self._paths)

    def built(self, number: int) -> None:
        """A build that started at report ``number`` succeeded."""
        with self._lock:
            self._paths = {path: n for path, n in self._paths.items() if n > number}
            if self._full is not None and self._full <= number:
                self._full = None


class Rebuilder:
    """Runs builds and publishes their outcome to the LiveState and the terminal.

    After an edit to a few articles (``Builder.fast``), their pages are written
    and shown first, and the incremental build of everything else runs on a
    background thread (``Background``), with a second reload when it is done; a
    newer edit cancels that build and starts another. Any other change is built
    at once, as a whole."""

    def __init__(self, builder: Builder, state: LiveState, timings: bool = False) -> None:
        self.builder = builder
        self.state = state
        self.timings = timings  # serve --timings: print when each stage of a rebuild ended
        self.config: Config | None = None  # the last config that loaded
        self.changes = Changes()
        self.background = Background(self)

    def peek_config(self) -> None:
        """Load the config alone, to learn what to watch before the first build.
        Silent: the build that follows reports whatever is wrong with it."""
        try:
            self.config = self.builder.load()
        except Exception:  # noqa: BLE001 - reported by the first build
            pass

    def rebuild(self, reason: str = "", seen: float | None = None) -> bool:
        """Bring the served site up to ``changes``: the fast render and a build in
        the background when it applies, else a build at once. False: that build failed."""
        # First: a background build still running must not write its older pages
        # over the ones written now (it gives up before writing).
        self.background.cancel()
        _, paths = self.changes.snapshot()
        if paths is not None and self.fast(reason, paths, seen):
            self.background.request(reason)
            return True
        self.background.wait_idle()
        return self.run(reason, seen=seen)

    def fast(self, reason: str, paths: frozenset[Path], seen: float | None) -> bool:
        fast = getattr(self.builder, "fast", None)
        config = self.config
        if fast is None or config is None:
            return False
        started, started_at = time.perf_counter(), time.time()
        try:
            report = fast(paths)
        except Exception as exc:  # noqa: BLE001 - a bug here must not take the preview down: build as usual
            _err(f"fast render failed ({type(exc).__name__}: {exc}); building everything")
            return False
        if report is None:
            return False
        self.state.built(config.output_dir, config.base_path)
        signalled = time.time()
        _out(f"{time.strftime('%H:%M:%S')} shown {report.pages} pages in {(time.perf_counter() - started) * 1000:.0f} ms{reason}; "
             "the rest follows")
        self._timings("timings", report, seen if seen is not None else started_at, started_at, signalled)
        return True

    def run(self, reason: str = "", seen: float | None = None, cancel: threading.Event | None = None) -> bool:
        """Build what ``changes`` holds and publish the outcome. ``seen``: when the
        watcher reported it (time.time()), for ``timings``; ``cancel``: a
        background build's (False, nothing published, when it is set in time)."""
        from .errors import Cancelled

        started, started_at = time.perf_counter(), time.time()
        number, changed = self.changes.snapshot()
        try:
            config = self._guard(self.builder.load)
            self.config = config
            report = self._guard(lambda: self.builder.build(config, changed, cancel) if cancel is not None
                                 else self.builder.build(config, changed))
        except (_Failed, Cancelled):
            return False
        self.changes.built(number)
        seconds = time.perf_counter() - started
        self.state.built(config.output_dir, config.base_path)
        signalled = time.time()
        pages = getattr(report, "pages", None)
        what = f"{pages} pages" if pages is not None else "site"
        _out(f"{time.strftime('%H:%M:%S')} built {what} in {seconds:.2f} s{reason}")
        # A background build's figures are not the save-to-shown ones (bench/serve_latency.py reads "timings:").
        self._timings("timings (background)" if cancel is not None else "timings", report,
                      seen if seen is not None else started_at, started_at, signalled)
        return True

    def _timings(self, label: str, report: Any, seen: float, started_at: float, signalled: float) -> None:
        if self.timings:
            # Epoch seconds, so a client on this machine can line them up with its own clock.
            stages = " ".join(f"{name}_ms={value * 1000:.1f}" for name, value in getattr(report, "stages", ()))
            _out(f"{label}: seen={seen:.3f} started={started_at:.3f} {stages} signalled={signalled:.3f}")

    def _guard(self, step: Callable[[], _T]) -> _T:
        from .errors import BuildError, Cancelled

        try:
            return step()
        except Cancelled:
            raise
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


class Background:
    """One thread running the incremental builds that follow fast renders.

    ``request`` asks for a build of everything ``Rebuilder.changes`` holds;
    ``cancel`` makes the build running now give up before it writes (a newer
    edit is being shown; another build is requested after it); ``wait_idle``
    waits until no build runs or is asked for, so a build at once never
    overlaps one in the background."""

    def __init__(self, rebuilder: Rebuilder) -> None:
        self._rebuilder = rebuilder
        self._cond = threading.Condition()
        self._wanted: str | None = None  # the reason of the build asked for
        self._running: threading.Event | None = None  # the cancel event of the build running now
        self._thread: threading.Thread | None = None

    def request(self, reason: str) -> None:
        with self._cond:
            self._wanted = reason
            if self._thread is None:
                self._thread = threading.Thread(target=self._loop, name="background-build", daemon=True)
                self._thread.start()
            self._cond.notify_all()

    def cancel(self) -> None:
        with self._cond:
            if self._running is not None:
                self._running.set()

    def wait_idle(self) -> None:
        with self._cond:
            self._wanted = None
            if self._running is not None:
                self._running.set()
            self._cond.wait_for(lambda: self._running is None)

    def finish(self, timeout: float | None = None) -> bool:
        """Wait until the builds asked for are done (tests, a clean exit); False on timeout."""
        with self._cond:
            return self._cond.wait_for(lambda: self._running is None and self._wanted is None, timeout)

    def _loop(self) -> None:
        while True:
            with self._cond:
                self._cond.wait_for(lambda: self._wanted is not None)
                reason, self._wanted = self._wanted, None
                cancel = self._running = threading.Event()
            try:
                self._rebuilder.run(reason, cancel=cancel)
            finally:
                with self._cond:
                    self._running = None
                    self._cond.notify_all()


def watched_paths(config_path: Path, config: Config | None) -> list[Path]:
    paths = [config_path]
    if config is not None:
        paths += [p for p in (config.content_dir, config.templates_dir, config.static_dir) if p.is_dir()]
        if config.glossary.path is not None:
            paths.append(config.glossary.path)
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
    # What changed since the last good build (rebuilder.changes): everything at
    # first (and when config.yaml changed or the watcher re-armed), else the
    # paths reported since (a failed build's too).
    seen = None
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
                seen = time.time()
                rebuilder.changes.add(changed, full=config_path in changed)
                if config_path in changed:
                    break
            if pending is None:
                continue
            reason, pending = pending, None
            rebuilder.rebuild(reason, seen)
            seen = None
            if watched_paths(config_path, rebuilder.config) != paths:
                pending = " (watching the folders config.yaml now names)"
                rebuilder.changes.add((), full=True)
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
    parser.add_argument("--drafts", action="store_true",
                        help="preview drafts too (written to a temporary folder, never to the output folder)")
    parser.add_argument("--future", action="store_true", help="preview articles dated after now too")
    parser.add_argument("--timings", action="store_true",
                        help="after each build, print when the watcher saw the change and how long each stage took "
                             "(bench/serve_latency.py reads it)")


def _is_loopback(host: str) -> bool:
    return host in ("localhost", "::1") or host.startswith("127.")


def _url(host: str, port: int, base_path: str) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}{base_path}"


def serve(config_path: Path, host: str, port: int, open_browser: bool, *, drafts: bool = False, future: bool = False,
          timings: bool = False) -> int:
    """Run the preview until Ctrl-C; returns the process exit code. With ``drafts``
    or ``future`` the preview is written to a temporary folder, removed on exit, so
    drafts never reach the output folder a deploy publishes. ``timings``: print
    each rebuild's stage times (``Rebuilder.run``)."""
    builder = PipelineBuilder(Path(config_path), drafts=drafts, future=future)
    try:
        return run_preview(builder, Path(config_path), host, port, open_browser, timings=timings)
    finally:
        builder.close()


def run_preview(builder: Builder, config_path: Path, host: str, port: int, open_browser: bool, *, timings: bool = False) -> int:
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
    rebuilder = Rebuilder(builder, state, timings)
    # A background build holds the interpreter lock for as long as the switch
    # interval lets it (5 ms by default) each time the watcher, a fast render
    # coming back from a file write, or a request thread asks for it: a save
    # would wait several of those. One millisecond costs the build next to nothing.
    switch_interval = sys.getswitchinterval()
    sys.setswitchinterval(min(switch_interval, SWITCH_INTERVAL_S))
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
        # A build in the background gives up (before writing) or finishes first.
        rebuilder.background.wait_idle()
        state.close()
        server.shutdown()
        server.server_close()
        if on_main:
            for sig, handler in previous.items():
                signal.signal(sig, handler)
        sys.setswitchinterval(switch_interval)
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
    return serve(args.config, args.host, args.port, args.open, drafts=args.drafts, future=args.future, timings=args.timings)


if __name__ == "__main__":
    sys.exit(main())
