"""Reading time of an article's text, for listings and article pages.

Chinese is counted by characters, English (and any Latin-script words inside a
Chinese text) by words, each at the mean rate of normally sighted adults reading
the standardised texts of the International Reading Speed Texts study: Trauzettel-Klosinski S, Dietz K, IReST Study Group, "Standardized
Assessment of Reading Performance: The New International Reading Speed Texts
IReST", Investigative Ophthalmology & Visual Science 53(9):5452-5461, 2012,
Table 2: Chinese 255 ± 29 characters per minute, English 228 ± 30 words per minute.
"""

from __future__ import annotations

import math
import re

CHINESE_CHARS_PER_MINUTE = 255  # IReST 2012, Chinese
ENGLISH_WORDS_PER_MINUTE = 228  # IReST 2012, English

# Han ideographs (CJK Unified, Extension A, Compatibility): the characters a
# reader of Chinese reads one by one. Punctuation and digits are not counted.
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# A word of Latin letters or digits (it's, e-mail and 2.7 count as one).
_WORD = re.compile(r"[A-Za-z0-9]+(?:['’.\-][A-Za-z0-9]+)*")


def reading_minutes(text: str) -> int:
    """Whole minutes (at least 1, rounded up) to read ``text``.

    In: plain text (no markup), any mix of Chinese and English. Out: an int >= 1:
    Han characters / 255 + Latin words / 228, rounded up.
    """
    chars = len(_HAN.findall(text))
    words = len(_WORD.findall(_HAN.sub(" ", text)))
    minutes = chars / CHINESE_CHARS_PER_MINUTE + words / ENGLISH_WORDS_PER_MINUTE
    return max(1, math.ceil(minutes))
