"""Command line: parses arguments, runs one command, turns BuildError into
``path:line: reason`` lines on stderr and an exit status. No traceback for a
mistake in the curator's input."""

from __future__ import annotations

import argparse
import gc
import os
import sys
import time
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path

# Only what every command needs is imported here: ``build`` with nothing changed
# answers without loading the config or the pipeline (schemas, cleaning rules,
# Markdown, converters, templates...), so each command imports its own modules.
from .errors import BuildError
from .workers import default_jobs


def _shown_path(path: str) -> str:
    """Paths relative to the working folder, as an editor's "go to file:line" wants them."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd()))
    except ValueError:
        return path


def _print_problems(error: BuildError) -> None:
    for item in error.problems:
        print(f"{_shown_path(item.path)}:{item.line}: {item.reason}", file=sys.stderr)
    count = len(error.problems)
    print(f"error: {count} problem{'s' if count != 1 else ''}; nothing was written", file=sys.stderr)


def cmd_build(args: argparse.Namespace) -> int:
    from .cache import CACHE_DIR, BuildCache, code_version
    from .inputs import remember_config, unchanged_since

    started, now = time.perf_counter(), datetime.now(timezone.utc)
    out_dir = Path(args.out).resolve() if args.out else None
    root = Path(args.config).resolve().parent
    cache = None
    report = None
    # A build holds a few million long-lived objects (records read back from
    # the cache, pages): with the default threshold (700 allocations) the
    # cyclic collector ran ~1,700 times, full passes over all of them among
    # those, 1.6-3.7 s of a 10,000-article build after one added article.
    # Every 50,000 allocations it still collects cycles, ~20 times a build.
    gc.set_threshold(50_000, 20, 10)
    try:
        # The config file as the last good build saw it: nothing is loaded
        # (the cache is opened only where a build made it).
        if not args.no_cache and (root / CACHE_DIR / code_version() / "cache.sqlite").is_file():
            cache = BuildCache.open(root)
            previous = unchanged_since(Path(args.config), out_dir, args.base_url, args.future, cache, now)
            if previous is not None:
                report = replace(previous, seconds=time.perf_counter() - started, written=False)
        if report is None:
            from .config import load_config

            config = replace(load_config(Path(args.config), base_url=args.base_url), publish_future=args.future)
            if cache is None and not args.no_cache:
                cache = BuildCache.open(config.root)
            from .pipeline import build

            report = build(config, out_dir, cache, jobs=args.jobs)
            if cache is not None:
                remember_config(cache, config, args.base_url)
    finally:
        if cache is not None:
            cache.close()
    if report.written:
        print(f"built {report.articles} articles, {report.files} files into {report.out_dir} in {report.seconds:.2f}s")
    else:
        print(f"nothing changed: {report.out_dir} left as it was ({report.articles} articles, {report.files} files, checked in {report.seconds:.2f}s)")
    return 0


def _jobs(text: str) -> int:
    jobs = int(text)
    if jobs < 1:
        raise argparse.ArgumentTypeError(f"{text}: give at least 1")
    return jobs


def cmd_check(args: argparse.Namespace) -> int:
    from .checks import site_warnings

    from .config import load_config
    from .pipeline import load_site

    config = load_config(Path(args.config))
    site = load_site(config)
    warnings = site_warnings(config, site.articles)
    for item in warnings:
        print(f"{_shown_path(item.path)}:{item.line}: {item.reason}", file=sys.stderr)
    if args.removed:
        for article in site.articles:
            if article.removed or article.notices:
                print(f"{article.doc.rel_path}:")
                for removed in article.removed:
                    print(f"  [{removed.rule}] {removed.text}")
    count = len(warnings)
    noted = f", {count} warning{'s' if count != 1 else ''}" if count else ""
    print(f"ok: {len(site.articles)} articles, {len(site.pages)} pages{noted}, nothing written")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from .serve import serve

    return serve(Path(args.config), args.host, args.port, args.open, drafts=args.drafts, future=args.future,
                 timings=args.timings)


def parser(only_build: bool = False) -> argparse.ArgumentParser:
    """The command line's parser; ``only_build``: with the ``build`` command alone
    (the same options and help), which needs none of the other commands' modules."""
    top = argparse.ArgumentParser(prog="build.py", description="Build the bilingual news digest.")
    top.add_argument("--config", default="config.yaml", help="site config file (default: config.yaml)")
    commands = top.add_subparsers(dest="command", required=True)

    p = commands.add_parser("build", help="build the site into site/ (or --out)")
    p.add_argument("--out", help="output folder (default: output_dir of the config)")
    p.add_argument("--base-url", help="absolute URL the site is published at (overrides base_url)")
    p.add_argument("--jobs", "-j", type=_jobs, default=default_jobs(),
                   help=f"worker processes for per-article work (default: the number of cores, here {default_jobs()})")
    p.add_argument("--no-cache", action="store_true",
                   help="ignore and leave alone the build cache in .cache/ (a clean build)")
    p.add_argument("--future", action="store_true", help="also publish articles dated after now")
    p.set_defaults(func=cmd_build)
    if only_build:
        return top

    from .cli_clippings import add_subcommands as add_clipping_commands
    from .cli_convert import add_subcommand as add_convert_command
    from .cli_stories import add_subcommands as add_story_commands
    from .serve import add_serve_arguments

    p = commands.add_parser("check", help="validate config, templates and every article; write nothing")
    p.add_argument("--removed", action="store_true", help="list, per article, every block cleaning removed and its rule")
    p.set_defaults(func=cmd_check)

    p = commands.add_parser("serve", help="preview with live reload")
    add_serve_arguments(p)
    p.set_defaults(func=cmd_serve)

    add_clipping_commands(commands)
    add_story_commands(commands)
    add_convert_command(commands)
    return top


def parse_arguments(argv: list[str] | None = None) -> argparse.Namespace:
    """Options may come before, between or after the files: ``import A --source X B``
    (argparse alone stops taking files at the first option)."""
    argv = sys.argv[1:] if argv is None else argv
    top = parser(only_build=_command(argv) == "build")
    args, extra = top.parse_known_args(argv)
    if extra and getattr(args, "files", None) is not None and not any(e.startswith("-") for e in extra):
        args.files = [*args.files, *extra]
    elif extra:
        top.error(f"unrecognized arguments: {' '.join(extra)}")
    return args


def _command(argv: list[str]) -> str | None:
    """The command named in ``argv`` (after the top-level ``--config FILE``), or
    None when there is none or help for all commands is asked for."""
    rest = list(argv)
    while rest and rest[0].startswith("-"):
        option = rest.pop(0)
        if option == "--config" and rest:
            rest.pop(0)
        elif not option.startswith("--config="):
            return None  # -h, --help or an unknown option: the whole parser answers
    return rest[0] if rest else None


def main(argv: list[str] | None = None) -> int:
    args = parse_arguments(argv)
    try:
        try:
            status = int(args.func(args))
        except BuildError as error:
            _print_problems(error)
            status = 1
        sys.stdout.flush()  # a reader that went away shows here, not at interpreter exit
        return status
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return _reader_gone()


# Exit status of a command whose output pipe was closed (`build.py stories | head -1`):
# 128 + SIGPIPE, what the shell reports for a tool that SIGPIPE ended.
EXIT_PIPE_CLOSED = 141


def _reader_gone() -> int:
    """The reader of stdout closed the pipe: stop quietly, as ``head``-fed tools do.
    stdout is pointed at the null device so the interpreter's last flush of the
    unwritten buffer cannot raise a second BrokenPipeError (Python docs, "Note on SIGPIPE")."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
    return EXIT_PIPE_CLOSED
