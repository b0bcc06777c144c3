"""``build.py clean FILE`` and ``build.py import FILE...`` (registered by digest.cli).

``clean`` prints the cleaned article body of any clipping as plain text, one
paragraph / caption / list item per line, without the title and metadata;
``--explain`` lists every removed block and its rule on stderr.

``import`` turns raw clippings into content files (see :mod:`digest.importer`).

Both work without a config file: built-in cleaning rules, time zone Asia/Taipei.
Mistakes are printed as ``path:line: reason`` on stderr, never as a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from .article import clean_article_body
from .cleaning import to_plain_lines
from .clipping import DEFAULT_TZ, Clipping, read_clipping
from .config import load_config
from .errors import BuildError


@dataclass(frozen=True)
class _Settings:
    timezone: ZoneInfo = DEFAULT_TZ
    sources: Mapping[str, str] = field(default_factory=dict)
    cleaning: Mapping[str, Any] = field(default_factory=dict)
    content_dir: Path = Path("content")


def _settings(args: argparse.Namespace) -> _Settings:
    """The site config when there is one; built-in defaults otherwise."""
    path = Path(getattr(args, "config", None) or "config.yaml")
    if not path.is_file():
        return _Settings(content_dir=path.parent / "content")
    config = load_config(path)  # BuildError -> path:line: reason, exit 1
    return _Settings(config.timezone, dict(config.sources), dict(config.cleaning), Path(config.content_dir))


def _report(error: BuildError) -> None:
    for item in error.problems:
        print(f"{item.path}:{item.line}: {item.reason}", file=sys.stderr)


def clean_clipping(clip: Clipping, cleaning: Mapping[str, Any] | None = None) -> tuple[list[str], list[tuple[str, str]], tuple[str, ...]]:
    """Clipping -> (clean lines, removed (rule, text) pairs, rights notices), by the
    very function the build uses, so `clean` shows what the site will show."""
    cleaned = clean_article_body(clip.body, clip.format, title=clip.title, cleaning=cleaning or {},
                                 source=clip.source or "", url=clip.url, overrides=clip.meta.get("cleaning"))
    removed = [*clip.removed, *((r.rule, r.text) for r in cleaned.removed)]
    return to_plain_lines(cleaned.html), removed, cleaned.rights


def _utf8_streams() -> None:
    """Chinese text must print whatever the terminal's locale says."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure") and (stream.encoding or "").lower().replace("-", "") != "utf8":
            stream.reconfigure(encoding="utf-8", errors="replace")


def cmd_clean(args: argparse.Namespace) -> int:
    _utf8_streams()
    try:
        settings = _settings(args)
        clip = read_clipping(Path(args.file), tz=settings.timezone, sources=settings.sources)
    except BuildError as error:
        _report(error)
        return 1
    lines, removed, rights = clean_clipping(clip, settings.cleaning)
    out = "\n".join(lines)
    sys.stdout.write(out + ("\n" if out else ""))
    if args.explain:
        for rule, text in removed:
            print(f"removed [{rule}] {text}", file=sys.stderr)
        for notice in rights:
            print(f"rights: {notice}", file=sys.stderr)
        print(f"{len(removed)} block(s) removed, {len(lines)} line(s) kept", file=sys.stderr)
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from .importer import import_files

    _utf8_streams()
    try:
        settings = _settings(args)
    except BuildError as error:
        _report(error)
        return 1
    content_dir = Path(args.content) if args.content else settings.content_dir
    results, errors = import_files(
        [Path(f) for f in args.files], content_dir=content_dir, tz=settings.timezone, sources=settings.sources,
        source=args.source, url=args.url, lang=args.lang, write=not args.stdout)
    for result in results:
        if args.stdout:
            sys.stdout.write(result.text)
        elif result.skipped:
            print(f"skipped: {result.skipped}", file=sys.stderr)
        else:
            print(f"imported {result.path}")
        for warning in result.warnings:
            print(warning, file=sys.stderr)
    for error in errors:
        _report(error)
    return 1 if errors else 0


def add_subcommands(subparsers: Any) -> None:
    """Register ``clean`` and ``import`` on the main CLI's subparsers."""
    p = subparsers.add_parser("clean", help="print the cleaned body of a clipping or content file, one paragraph per line")
    p.add_argument("file", metavar="FILE", help="content file, feed clipping, pasted text, or HTML fragment/page")
    p.add_argument("--explain", action="store_true", help="also list every removed block and its rule on stderr")
    p.set_defaults(func=cmd_clean)

    p = subparsers.add_parser("import", help="turn raw clippings into content files under content/")
    p.add_argument("files", metavar="FILE", nargs="+", help="clipping files (any supported format)")
    p.add_argument("--source", help="outlet name when the URL host is not in the config's sources table")
    p.add_argument("--url", help="the article's original URL (for clippings without one)")
    p.add_argument("--lang", choices=("zh-Hans", "zh-Hant", "en"), help="override the detected language")
    p.add_argument("--stdout", action="store_true", help="print the content file(s) instead of writing them")
    p.add_argument("--content", metavar="DIR", help="content folder (default: content_dir of the config)")
    p.set_defaults(func=cmd_import)
