"""``build.py convert --to zh-Hans|zh-Hant [FILE]`` (registered by digest.cli).

In:  text lines from FILE or standard input (UTF-8), the site's config.yaml when
     there is one (its editions' converters and its glossary).
Out: one line on standard output per input line, converted exactly as the build
     converts an article's text into that edition (:func:`convert_lines`), with
     ``-{…}-`` markup resolved. Malformed markup: ``FILE:line: reason``, exit 1,
     nothing printed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .config import SCRIPTS, Config, Edition, load_config
from .convert import DEFAULT_ENGINES, convert_marked, make_converter
from .errors import BuildError, Problem, problem
from .glossary import Entry
from .markup import check


def convert_lines(lines: list[str], target: str, config: Config | None = None, *,
                  engine: str | None = None, glossary: bool = True, name: str = "<stdin>") -> list[str]:
    """Convert each line into ``target`` (zh-Hans / zh-Hant) as the build would.

    ``config``: the site (its edition's converter, its glossary); None means the
    defaults and the project glossary only. ``engine`` overrides the converter
    (``zhconv-rs:zh-tw``, ``opencc:s2twp``…), ``glossary=False`` drops every
    glossary (the bare engine, for measuring). Raises BuildError naming
    ``name:line`` for malformed markup."""
    problems: list[Problem] = [problem(name, number + offset, reason)
                               for number, line in enumerate(lines, 1) for offset, reason in check(line)]
    if problems:
        raise BuildError(problems)
    edition: Edition | None = next((e for e in config.editions if e.code == target), None) if config else None
    chosen = engine or (edition.converter if edition else DEFAULT_ENGINES[target])
    entries: tuple[Entry, ...] = config.glossary.entries if config else ()
    if glossary:
        conv = make_converter(target, chosen, entries)
    else:
        from .convert import plain_converter

        conv = plain_converter(target, chosen)
    return [convert_marked(line, conv, target) for line in lines]


def cmd_convert(args: argparse.Namespace) -> int:
    config_path = Path(args.config)
    config = load_config(config_path) if config_path.is_file() else None
    if args.file:
        path = Path(args.file)
        try:
            text = path.read_bytes().decode("utf-8-sig")
        except OSError as exc:
            raise BuildError([problem(path, 0, f"cannot read: {exc.strerror}")]) from None
        except UnicodeDecodeError:
            raise BuildError([problem(path, 0, "not valid UTF-8 text")]) from None
        name = args.file
    else:
        text, name = sys.stdin.read(), "<stdin>"
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    lines = [line.removesuffix("\r") for line in lines]
    out = convert_lines(lines, args.to, config, engine=args.converter, name=name)
    sys.stdout.write("".join(line + "\n" for line in out))
    return 0


def add_subcommand(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = commands.add_parser("convert", help="convert text lines into an edition's script, as the build does")
    p.add_argument("--to", required=True, choices=SCRIPTS, help="the edition's script")
    p.add_argument("file", nargs="?", help="text file (default: standard input)")
    p.add_argument("--converter", help="engine instead of the edition's, e.g. opencc:s2twp (for comparisons)")
    p.set_defaults(func=cmd_convert)
