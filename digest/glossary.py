"""Regional glossary: the project's own (data files) and the curator's (YAML).

In:  the project's TSV files in ``digest/data/glossary/`` (one entry a line:
     ``zh-Hans forms <TAB> zh-Hant forms <TAB> note``; forms separated by ``|``,
     the first is what conversion writes, the others are also recognised), a
     site glossary YAML file named by ``glossary:`` in config.yaml, and the
     ``glossary:`` list of an article's frontmatter.
Out: :class:`Entry` records and, per target script, the ``(source, target)``
     pairs a converter is built from (:func:`pairs_for`). Mistakes in a curator's
     file are ``path:line: reason`` problems (:class:`BuildError`).

Every entry works in both directions: converting to zh-Hant, each zh-Hans form
becomes the first zh-Hant form; converting to zh-Hans, each zh-Hant form becomes
the first zh-Hans form. An entry with identical sides (a *keep* entry, or a
guard such as 朝鲜半岛/朝鮮半島) stops a shorter rule from changing a longer
word, since the converter always prefers the longest match starting first.
How entries were chosen, and from where: ``digest/data/glossary/SOURCES.md``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from .errors import BuildError, Problem, problem
from .yamlsource import LocatedYaml, parse_yaml, schema_problems

DATA_DIR = Path(__file__).resolve().parent / "data" / "glossary"
# Files of the project glossary, in order of precedence (a later file's entry
# for the same source form wins): curated kinds first, guards last.
KINDS = ("characters", "vocabulary", "places", "organisations", "people", "guards")
SPLIT_FILE = "split"  # usages that differ by outlet, not region: never converted


@dataclass(frozen=True)
class Entry:
    """One glossary entry: the forms each script writes.

    ``hans``/``hant``: non-empty tuples of forms, the first one canonical.
    ``origin``: ``path:line`` it was read from, for messages."""

    hans: tuple[str, ...]
    hant: tuple[str, ...]
    origin: str = ""


def keep_entry(text: str, origin: str = "") -> Entry:
    """An entry that leaves ``text`` as written in both editions."""
    return Entry((text,), (text,), origin)


def _forms(cell: str) -> tuple[str, ...]:
    """``a|b`` -> ("a", "b"); ``␠`` (U+2420) stands for a space, which a TSV cell would lose."""
    return tuple(f.strip().replace("\u2420", " ") for f in cell.split("|") if f.strip())


def read_tsv(path: Path) -> tuple[Entry, ...]:
    """Entries of one project data file; raises BuildError on a malformed line."""
    entries: list[Entry] = []
    problems: list[Problem] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = line.split("\t")
        hans, hant = (_forms(cells[0]), _forms(cells[1])) if len(cells) >= 2 else ((), ())
        if not hans or not hant:
            problems.append(problem(path, number, "a glossary line is 'zh-Hans forms<TAB>zh-Hant forms<TAB>note'"))
            continue
        entries.append(Entry(hans, hant, f"{path.name}:{number}"))
    if problems:
        raise BuildError(problems)
    return tuple(entries)


@lru_cache(maxsize=1)
def project_entries() -> tuple[Entry, ...]:
    """The project glossary, every kind, in precedence order."""
    return tuple(e for kind in KINDS for e in read_tsv(DATA_DIR / f"{kind}.tsv"))


@lru_cache(maxsize=1)
def split_usages() -> tuple[tuple[str, ...], ...]:
    """Groups of spellings outlets disagree on within one region (奥尔特曼|阿特曼|奥特曼):
    conversion keeps the writer's choice; only :func:`digest.convert.to_neutral`
    folds each group to its first spelling."""
    return tuple(e.hans + e.hant for e in read_tsv(DATA_DIR / f"{SPLIT_FILE}.tsv"))


# --- the curator's glossary: site file and frontmatter -------------------------

# Type keywords only bind their own type, so one schema (no oneOf) takes both
# shapes and still names an unknown key or a missing side on its own line.
_FORM = {"type": "string", "minLength": 1, "pattern": r"\S", "errorMessage": "must be a non-empty string"}
_FORMS_SCHEMA: dict[str, Any] = {
    "type": ["string", "array"], "minLength": 1, "pattern": r"\S", "minItems": 1, "items": _FORM,
    "errorMessage": "must be a form or a list of forms (the first is what conversion writes)",
}
ENTRY_SCHEMA: dict[str, Any] = {
    "type": ["string", "object"],
    "minLength": 1,
    "pattern": r"\S",
    "additionalProperties": False,
    "required": ["zh-Hans", "zh-Hant"],
    "properties": {"zh-Hans": _FORMS_SCHEMA, "zh-Hant": _FORMS_SCHEMA, "note": {"type": "string"}},
    "errorMessage": "must be a phrase to keep as written, or {zh-Hans: X, zh-Hant: Y}",
}
GLOSSARY_SCHEMA: dict[str, Any] = {"type": "array", "items": ENTRY_SCHEMA}


def entries_from_data(data: list[Any], origin: str, line_of: Any = None) -> tuple[Entry, ...]:
    """Schema-valid YAML items -> Entries. A string item is kept as written."""
    entries = []
    for index, item in enumerate(data):
        where = f"{origin}:{line_of(index) if line_of else 0}"
        if isinstance(item, str):
            entries.append(keep_entry(item.strip(), where))
        else:
            def forms(value: str | list[str]) -> tuple[str, ...]:
                return tuple(v.strip() for v in ([value] if isinstance(value, str) else value))

            entries.append(Entry(forms(item["zh-Hans"]), forms(item["zh-Hant"]), where))
    return tuple(entries)


def check_entries(doc: LocatedYaml, path: Path, base: tuple[str | int, ...], data: list[Any]) -> list[Problem]:
    """Problems the schema cannot see: one source form with two different targets."""
    problems = []
    seen: dict[tuple[str, str], str] = {}
    for index, entry in enumerate(entries_from_data(data, str(path))):
        for side, forms, target in (("zh-Hans", entry.hans, entry.hant[0]), ("zh-Hant", entry.hant, entry.hans[0])):
            for form in forms:
                before = seen.setdefault((side, form), target)
                if before != target:
                    problems.append(problem(path, doc.line_of((*base, index)),
                                            f"glossary: '{form}' already becomes '{before}'; one form, one conversion"))
    return problems


@dataclass(frozen=True)
class SiteGlossary:
    """The curator's site glossary: entries plus the file's hash (a cache key)."""

    entries: tuple[Entry, ...] = ()
    digest: str = ""
    path: Path | None = None  # watched by ``serve``


def load_site_glossary(path: Path) -> SiteGlossary:
    """Read and validate the YAML list at ``path``; every mistake is a Problem."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise BuildError([problem(path, 0, f"cannot read glossary: {exc.strerror}")]) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise BuildError([problem(path, 0, "glossary is not valid UTF-8 text")]) from None
    doc = parse_yaml(text, path)
    data = doc.data if doc.data is not None else []
    problems = schema_problems(doc, GLOSSARY_SCHEMA, path, what="glossary entry") if data else []
    if not problems:
        problems = check_entries(doc, path, (), data)
    if problems:
        raise BuildError(problems)
    entries = entries_from_data(data, str(path), lambda i: doc.line_of((i,)))
    return SiteGlossary(entries, hashlib.sha256(raw).hexdigest(), path)


# --- pairs for a converter -----------------------------------------------------

def pairs_for(target: str, entries: tuple[Entry, ...]) -> tuple[tuple[str, str], ...]:
    """``(source, target)`` pairs converting *into* ``target`` (zh-Hans / zh-Hant).

    A later entry's pair for the same source form replaces an earlier one, so a
    curator's entry overrides the project's, and an article's the curator's."""
    chosen: dict[str, str] = {}
    for entry in entries:
        sources, result = (entry.hans, entry.hant[0]) if target == "zh-Hant" else (entry.hant, entry.hans[0])
        for form in sources:
            chosen[form] = result
    return tuple(sorted(chosen.items()))
