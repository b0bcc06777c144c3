"""Score story grouping against a labelled set of articles.

    python bench/score_stories.py ARTICLES.jsonl LABELS.tsv [--split FILE] [--part dev|test|all]
        [--threshold T ...] [--method background|tfidf] [--linkage single|average]
        [--decay-hours H] [--cross-script X] [--body-chars N] [--lead-chars N|none] [--p0 P] [--errors]

ARTICLES.jsonl: one article per line in the ``build.py stories --jsonl`` format
(``id``, ``outlet``, ``url``, ``date``, ``lang``, ``title``, ``text`` as clipped).
LABELS.tsv: header ``id<TAB>story[<TAB>note][<TAB>split]``; a story key per article.
The part (dev or test) of each article comes from a ``split`` column of LABELS, or
from ``--split FILE``: TSV lines ``ID<TAB>PART`` or ``YYYY-MM-DD<TAB>PART`` (by the
day written in the article's date). Only the chosen part's articles are grouped.

Every article is cleaned and grouped by the build's own functions
(``cli_stories.read_jsonl``, ``stories.group_stories``); ``--method``,
``--linkage``, ``--decay-hours`` (1e9: no decay), ``--cross-script`` (1: none),
``--body-chars``, ``--lead-chars`` and ``--p0`` swap in the alternatives that were measured
against it (README "Stories"). Prints, per threshold: B-cubed precision, recall and
F1 (Bagga & Baldwin 1998: per article, the overlap of its predicted and true
story), pairwise precision, recall and F1 over article pairs, and the recall of
true pairs whose two articles are in different scripts (zh-Hans vs zh-Hant).
"""

from __future__ import annotations

import argparse
import csv
import math
import re
import sys
from collections import defaultdict
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from digest import stories  # noqa: E402
from digest.cli_stories import read_jsonl  # noqa: E402
from digest.config import StorySettings  # noqa: E402
from digest.stories import StoryInput  # noqa: E402


def read_labels(path: Path) -> tuple[dict[str, str], dict[str, str]]:
    """(id -> story, id -> part) from a labels TSV with a header row."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    labels = {row["id"].strip(): row["story"].strip() for row in rows}
    parts = {row["id"].strip(): row["split"].strip() for row in rows if (row.get("split") or "").strip()}
    return labels, parts


def read_split(path: Path, items: list[StoryInput], raw_days: dict[str, str]) -> dict[str, str]:
    """id -> part from ``ID<TAB>PART`` or ``DAY<TAB>PART`` lines (a header line is skipped)."""
    by_key: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in re.split(r"[\t,]", line) if c.strip()]
        if len(cells) >= 2:
            by_key[cells[0]] = cells[-1]
    return {i.id: by_key.get(i.id) or by_key.get(raw_days[i.id], "") for i in items}


def b_cubed(predicted: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    pred_sets, gold_sets = defaultdict(set), defaultdict(set)
    for item, key in predicted.items():
        pred_sets[key].add(item)
    for item, key in gold.items():
        gold_sets[key].add(item)
    precision = recall = 0.0
    for item in gold:
        same = len(pred_sets[predicted[item]] & gold_sets[gold[item]])
        precision += same / len(pred_sets[predicted[item]])
        recall += same / len(gold_sets[gold[item]])
    precision, recall = precision / len(gold), recall / len(gold)
    return precision, recall, 2 * precision * recall / (precision + recall)


def pairwise(predicted: dict[str, str], gold: dict[str, str], langs: dict[str, str]) -> tuple[float, float, float, float, int]:
    """(precision, recall, F1, cross-script recall, cross-script true pairs)."""
    tp = pred_pairs = gold_pairs = cross = cross_found = 0
    for a, b in combinations(sorted(gold), 2):
        same_pred, same_gold = predicted[a] == predicted[b], gold[a] == gold[b]
        pred_pairs += same_pred
        gold_pairs += same_gold
        tp += same_pred and same_gold
        if same_gold and {langs[a], langs[b]} == {"zh-Hans", "zh-Hant"}:
            cross += 1
            cross_found += same_pred
    precision = tp / pred_pairs if pred_pairs else 1.0
    recall = tp / gold_pairs if gold_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, (cross_found / cross if cross else math.nan), cross


def use_tfidf() -> None:
    """The first rung, measured and rejected: character-bigram TF-IDF fitted on the
    articles being grouped (scikit-learn's TfidfVectorizer, sublinear tf)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    def vectors(terms):  # type: ignore[no-untyped-def]
        return TfidfVectorizer(analyzer=lambda t: t, sublinear_tf=True).fit_transform(terms)

    stories._vectors = vectors




def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("articles", type=Path)
    parser.add_argument("labels", type=Path)
    parser.add_argument("--split", type=Path)
    parser.add_argument("--part", default="all")
    parser.add_argument("--threshold", type=float, nargs="*", default=[StorySettings().threshold])
    parser.add_argument("--method", choices=["background", "tfidf"], default="background")
    parser.add_argument("--linkage", choices=["average", "single"], default=stories.LINKAGE)
    parser.add_argument("--decay-hours", type=float)
    parser.add_argument("--cross-script", type=float)
    parser.add_argument("--body-chars", type=int)
    parser.add_argument("--p0", type=float)
    parser.add_argument("--lead-chars", help="body characters of the lead compared besides the whole window; none: no lead")
    parser.add_argument("--errors", action="store_true", help="list wrongly joined and missed pairs")
    args = parser.parse_args()

    if args.method == "tfidf":
        use_tfidf()
    stories.LINKAGE = args.linkage
    if args.decay_hours:
        stories.DECAY_HOURS = args.decay_hours
    if args.body_chars:
        stories.BODY_CHARS = args.body_chars
    if args.p0:
        stories.P0 = args.p0
    if args.lead_chars:
        stories.LEAD_CHARS = None if args.lead_chars == "none" else int(args.lead_chars)

    items, problems = read_jsonl(args.articles, {})
    for item in problems:
        print(item, file=sys.stderr)
    labels, parts = read_labels(args.labels)
    raw_days = {i.id: i.date.isoformat()[:10] for i in items}
    if args.split:
        parts = read_split(args.split, items, raw_days)
    if args.part != "all":
        items = [i for i in items if parts.get(i.id) == args.part]
    items = [i for i in items if i.id in labels]
    gold = {i.id: labels[i.id] for i in items}
    langs = {i.id: i.lang for i in items}
    titles = {i.id: i.title for i in items}
    print(f"{len(items)} articles, {len(set(gold.values()))} true stories, part {args.part}, "
          f"method {args.method}, linkage {stories.LINKAGE}, decay {stories.DECAY_HOURS} h, cross-script x{args.cross_script or StorySettings().cross_script}, "
          f"body chars {stories.BODY_CHARS}, lead chars {stories.LEAD_CHARS}, P0 {stories.P0}")
    print("threshold  B3-P   B3-R   B3-F1  pair-P pair-R pair-F1 cross-R (pairs)")
    for threshold in args.threshold:
        settings = StorySettings(threshold=threshold, cross_script=args.cross_script or StorySettings().cross_script)
        predicted = {i: s.key for s in stories.group_stories(items, settings) for i in s.ids}
        bp, br, bf = b_cubed(predicted, gold)
        pp, pr, pf, cr, cn = pairwise(predicted, gold, langs)
        print(f"{threshold:9.3f}  {bp:.3f}  {br:.3f}  {bf:.3f}  {pp:.3f}  {pr:.3f}  {pf:.3f}   {cr:.3f} ({cn})")
        if args.errors:
            for a, b in combinations(sorted(gold), 2):
                if (predicted[a] == predicted[b]) != (gold[a] == gold[b]):
                    kind = "JOINED" if predicted[a] == predicted[b] else "MISSED"
                    print(f"  {kind} {a} {titles[a]} | {b} {titles[b]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
