"""Stage: Pages -> HTML OutputFiles through the Jinja2 templates.

In: the Config, the Pages and the UI strings of each edition (``templates/strings.yaml``).
Out: one OutputFile per page. Templates see the page, its edition's strings and
two URL helpers; they never compute URLs themselves, so a base URL under a
subpath works everywhere.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from pathlib import Path
from typing import Any

import jinja2

from .cache import Memo, fingerprint, memo_map_keys, no_memo
from .config import Config, Edition
from .convert import convert_text
from .errors import BuildError, problem
from .output import OutputFile
from .pages import Page, outlet_path, tag_feed_path, tag_path
from .workers import Workers
from .yamlsource import parse_yaml

STRINGS_FILE = "strings.yaml"
# Pages per worker below which rendering stays in this process. A page renders
# in about 1.3 ms here, while starting the pool late in a build (forking a
# process that holds the whole site, each worker loading the templates and the
# converters) and shipping pages with their articles cost about 2.5 s: 288
# pages re-rendered after one article was added to a 10,000-article site took
# 0.6 s in this process and 3.3 s on two workers (bench corpus, 2 cores).
RENDER_ITEMS_PER_JOB = 1500


def load_strings(config: Config) -> dict[str, Mapping[str, str]]:
    """UI strings per edition code; every edition must define every key the others do."""
    path = config.templates_dir / STRINGS_FILE
    try:
        doc = parse_yaml(path.read_text(encoding="utf-8"), path)
    except OSError as exc:
        raise BuildError([problem(path, 0, f"cannot read UI strings: {exc.strerror}")]) from None
    data = doc.data or {}
    problems = []
    keys = set().union(*(set(v) for v in data.values() if isinstance(v, dict))) if isinstance(data, dict) else set()
    for edition in config.editions:
        table = data.get(edition.code) if isinstance(data, dict) else None
        if not isinstance(table, dict):
            problems.append(problem(path, 1, f"no UI strings for edition {edition.code}"))
            continue
        for key in sorted(keys - set(table)):
            problems.append(problem(path, doc.line_of((edition.code,)), f"{edition.code} lacks the string '{key}'"))
    if problems:
        raise BuildError(problems)
    return {code: dict(table) for code, table in data.items()}


def make_environment(config: Config) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(config.templates_dir),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals["url"] = lambda path="": config.base_path + path
    env.globals["abs_url"] = lambda path="": config.base_url + path
    env.globals["tag_feed_path"] = tag_feed_path
    env.globals["tag_path"] = tag_path
    env.globals["outlet_path"] = outlet_path
    return env


def edition_title(config: Config, edition: Edition) -> str:
    # The site title is written once; each edition shows it in its own script.
    return edition.title if edition.title != config.title else convert_text(config.title, edition, config.glossary.entries)


def render_pages(config: Config, pages: tuple[Page, ...], strings: Mapping[str, Mapping[str, str]],
                 memo: Memo = no_memo, templates_key: str = "", workers: Workers | None = None,
                 packed: bool = False) -> list[OutputFile]:
    """Render every page. A page with a ``content_key`` depends only on the
    articles it names, its alternates, the templates, the strings and the config,
    so it is memoised on exactly those; the templates get nothing else.
    ``templates_key``: fingerprint of the templates folder (computed if empty).
    Pages are rendered by ``workers`` when given, in order. ``packed``: the
    files keep their bytes compressed until read (``OutputFile``)."""
    templates_key = templates_key or fingerprint(config.templates_dir)
    keyed = [page for page in pages if page.content_key]
    keys: list[tuple[Hashable, ...]] = [("page", page.output_path, page.template, page.alternates, page.content_key, templates_key,
                                         config.fingerprint) for page in keyed]
    rendered = iter(memo_map_keys(memo, workers or Workers(1), keys, lambda i: (config, strings, templates_key, keyed[i], packed),
                                  render_page, min_items_per_job=RENDER_ITEMS_PER_JOB))
    return [next(rendered) if page.content_key else render_page(config, strings, templates_key, page, packed) for page in pages]


def render_page(config: Config, strings: Mapping[str, Mapping[str, str]], templates_key: str, page: Page,
                packed: bool = False) -> OutputFile:
    """One page through its template; template mistakes become BuildErrors with
    the template's path and line."""
    env = _environment(config, templates_key)
    editions = {e.code: e for e in config.editions}
    default_edition = editions[config.default_edition]
    site = {
        "editions": [
            {"code": e.code, "path": f"{e.prefix}/", "title": edition_title(config, e), "locale": e.locale, "strings": strings[e.code]}
            for e in config.editions
        ],
        "default_path": f"{default_edition.prefix}/",
        "search": config.search,
    }
    edition = page.edition or default_edition
    context: dict[str, Any] = {
        "page": page,
        "edition": edition,
        "t": strings[edition.code],
        "site_title": edition_title(config, edition),
        "site": site,
        "other_editions": [e for e in site["editions"] if e["code"] != edition.code],
        **page.data,
    }
    try:
        html = env.get_template(page.template).render(context)
    except jinja2.TemplateSyntaxError as exc:
        raise BuildError([problem(Path(exc.filename or page.template), exc.lineno, f"template syntax error: {exc.message}")]) from None
    except jinja2.TemplateNotFound as exc:
        raise BuildError([problem(config.templates_dir / exc.name, 0, "template not found")]) from None
    except jinja2.TemplateError as exc:
        file, line = _template_location(exc, config.templates_dir / page.template)
        raise BuildError([problem(file, line, f"template error: {exc.message}")]) from None
    return OutputFile(page.output_path, html.encode("utf-8"), packed=packed)


# One compiled environment per process, reused while the templates and config
# stay the same (a worker renders thousands of pages with it).
_ENVIRONMENT: dict[tuple[str, str, str], jinja2.Environment] = {}


def _environment(config: Config, templates_key: str) -> jinja2.Environment:
    key = (str(config.templates_dir), templates_key, config.fingerprint)
    env = _ENVIRONMENT.get(key)
    if env is None:
        _ENVIRONMENT.clear()
        env = _ENVIRONMENT[key] = make_environment(config)
    return env


def _template_location(exc: BaseException, fallback: Path) -> tuple[Path, int]:
    """The template file and line where rendering failed, read from the traceback
    (Jinja compiles templates so that their frames carry the template's name)."""
    location = (fallback, 0)
    tb = exc.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".html"):
            location = (Path(filename), tb.tb_lineno)
        tb = tb.tb_next
    return location
