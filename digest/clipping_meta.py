"""Clipping fields that need more than a regex: language, dates, outlet by host.

In:  text, date strings or values, URLs, the site's host table and time zone.
Out: :func:`detect_lang` (zh-Hant / zh-Hans / en), :func:`parse_date` and
     :func:`aware` (timezone-aware datetimes; naive times are in the site's
     zone, :data:`DEFAULT_TZ` unless given), :func:`host_of` and
     :func:`source_for` (the outlet name for a URL).

Part of the clipping reader; :mod:`digest.clipping` re-exports the public names.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime, timezone
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

__all__ = ["DEFAULT_TZ", "aware", "date_in_text", "detect_lang", "host_of", "parse_date", "source_for"]

DEFAULT_TZ = ZoneInfo("Asia/Taipei")


# ---------------------------------------------------------------------------
# Small helpers: language, dates, hosts
# ---------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _converters() -> tuple[Any, Any]:
    import opencc

    return opencc.OpenCC("t2s.json"), opencc.OpenCC("s2t.json")


def detect_lang(text: str) -> str:
    """zh-Hant / zh-Hans by which characters OpenCC would change; en when the
    text is mostly Latin letters."""
    cjk = [ch for ch in text if "\u3400" <= ch <= "\u9fff"]
    latin = len(re.findall(r"[A-Za-z]", text))
    if len(cjk) < 0.25 * latin or not cjk:
        return "en"
    sample = "".join(cjk[:6000])
    t2s, s2t = _converters()
    to_simp, to_trad = t2s.convert(sample), s2t.convert(sample)
    traditional = sum(1 for a, b in zip(sample, to_simp, strict=False) if a != b)
    simplified = sum(1 for a, b in zip(sample, to_trad, strict=False) if a != b)
    return "zh-Hant" if traditional > simplified else "zh-Hans"


def host_of(url: str | None) -> str:
    return (urlsplit(url).hostname or "").lower().removeprefix("www.") if url else ""


def source_for(url: str | None, sources: Mapping[str, str]) -> str | None:
    """Outlet name for a URL from the host table; the host or a parent domain matches."""
    host = host_of(url)
    while host:
        for key, name in sources.items():
            if host == key.lower().removeprefix("www."):
                return name
        host = host.partition(".")[2] if "." in host else ""
    return None


_MONTHS = {m: i + 1 for i, m in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec".split())}
_DATE_PATTERNS = [
    # 2025-01-23T12:29:00+08:00 / 2025-01-23 12:29 / 2025/01/23 12:29:05
    re.compile(r"(?P<y>\d{4})\s*[-/.]\s*(?P<m>\d{1,2})\s*[-/.]\s*(?P<d>\d{1,2})"
               r"(?:[T\s]+(?P<H>\d{1,2})[:：](?P<M>\d{2})(?:[:：](?P<S>\d{2})(?:\.\d+)?)?)?"
               r"\s*(?P<tz>Z|[+-]\d{2}:?\d{2}|(?:GMT|UTC)\s*[+-]\s*\d{1,2}(?::?\d{2})?)?"),
    # 2025年1月23日 12:29 / 2025年1月23日 下午3:05
    re.compile(r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"
               r"(?:\s*[（(]?[週周星期礼拜禮拜]*[一二三四五六日天]?[）)]?)?"
               r"(?:\s*(?P<ap>上午|下午|晚上|凌晨|中午)?\s*(?P<H>\d{1,2})[:：時时点點]\s*(?P<M>\d{2})?)?"),
    # January 23, 2025 10:00 AM / Jan. 23, 2025
    re.compile(r"(?P<mon>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?P<d>\d{1,2}),?\s+(?P<y>\d{4})"
               r"(?:\s*(?:at\s*)?(?P<H>\d{1,2})[:.](?P<M>\d{2})\s*(?P<ap>[ap]\.?m\.?)?)?"
               r"(?:\s*(?P<tz>Z|[+-]\d{2}:?\d{2}|GMT|UTC))?", re.I),
    # 09/26/2025 05:00 PM EDT (US month/day/year: POLITICO, AP wire pages)
    re.compile(r"(?<![\d/])(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4})"
               r"(?:,?\s*(?:at\s*)?(?P<H>\d{1,2})[:.](?P<M>\d{2})\s*(?P<ap>[ap]\.?m\.?)?)?", re.I),
    # 4:51pm, 23 Jan 2025 (SCMP)
    re.compile(r"(?P<H>\d{1,2})[:.](?P<M>\d{2})\s*(?P<ap>[ap]\.?m\.?)?,?\s+(?P<d>\d{1,2})\s+"
               r"(?P<mon>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+(?P<y>\d{4})", re.I),
    # 23 January 2025 / 23 Jan 2025 10:00
    re.compile(r"(?P<d>\d{1,2})\s+(?P<mon>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+(?P<y>\d{4})"
               r"(?:,?\s*(?P<H>\d{1,2})[:.](?P<M>\d{2})\s*(?P<ap>[ap]\.?m\.?)?)?"
               r"(?:\s*(?P<tz>Z|[+-]\d{2}:?\d{2}|GMT|UTC))?", re.I),
]


def parse_date(text: str, tz: ZoneInfo = DEFAULT_TZ) -> datetime | None:
    """The first date (and time) in ``text``, aware; naive times are in ``tz``."""
    for pattern in _DATE_PATTERNS:
        m = pattern.search(text)
        if not m:
            continue
        g = m.groupdict()
        try:
            month = _MONTHS[g["mon"][:3].lower()] if g.get("mon") else int(g["m"])
            hour = int(g.get("H") or 0)
            ap = (g.get("ap") or "").lower().replace(".", "")
            if ap in ("下午", "晚上", "pm") and hour < 12:
                hour += 12
            if ap in ("am", "凌晨") and hour == 12:
                hour = 0
            value = datetime(int(g["y"]), month, int(g["d"]), hour, int(g.get("M") or 0), int(g.get("S") or 0))
        except (ValueError, KeyError):
            continue
        zone = (g.get("tz") or "").replace(" ", "").upper()
        if zone in ("Z", "GMT", "UTC"):
            return value.replace(tzinfo=timezone.utc).astimezone(tz)
        zm = re.fullmatch(r"(?:GMT|UTC)?([+-])(\d{1,2}):?(\d{2})?", zone)
        if zm:
            from datetime import timedelta

            sign = 1 if zm.group(1) == "+" else -1
            offset = timezone(sign * timedelta(hours=int(zm.group(2)), minutes=int(zm.group(3) or 0)))
            return value.replace(tzinfo=offset)
        return value.replace(tzinfo=tz)
    return None


_DATE_LABEL = re.compile(
    r"(?:發布時間|发布时间|發佈時間|发布日期|發布日期|發表時間|发表时间|出版時間|出版时间|刊出日期|更新時間|更新时间|"
    r"日期|時間|时间|published|posted|updated|date)\s*[:：]?\s*(?=\d)", re.I)
_DATE_FIRST = re.compile(r"\s*(?:\d{4}\s*[-/.年]\s*\d{1,2}|\d{1,2}:\d{2}\b.{0,6}\d{4})")


def date_in_text(text: str, tz: ZoneInfo = DEFAULT_TZ, lines: int = 80) -> datetime | None:
    """The article's date as a page shows it to readers, for clippings whose
    metadata has none: a labelled date (``发布时间：2025-03-15 09:20　来源：…``,
    ``Published 2025/03/15``) anywhere in the first ``lines`` lines, else a
    short line that starts with a date (``2025年03月15日 09:20``,
    ``2025/03/15 09:20``). None when there is neither: never a guess."""
    shown = [ln.strip() for ln in text.splitlines() if ln.strip()][:lines]
    for line in shown:
        label = _DATE_LABEL.search(line)
        if label:
            found = parse_date(line[label.end():], tz)
            if found:
                return found
    for line in shown:
        if len(line) <= 40 and _DATE_FIRST.match(line):
            found = parse_date(line, tz)
            if found:
                return found
    return None


def aware(value: Any, tz: ZoneInfo) -> datetime | None:
    """A date as YAML or a page gives it (datetime, ISO or free-form string,
    bare date) -> aware datetime; naive values are in ``tz``."""
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=tz)
    if isinstance(value, str):
        try:
            parsed = datetime.fromisoformat(value.strip())
            return parsed if parsed.tzinfo else parsed.replace(tzinfo=tz)
        except ValueError:
            return parse_date(value, tz)
    if hasattr(value, "year"):  # a bare date
        return datetime(value.year, value.month, value.day, tzinfo=tz)
    return None

