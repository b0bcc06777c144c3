"""Issue 2 end to end: the two seed articles build into both editions, clean."""

from __future__ import annotations

import re
from pathlib import Path

import feedparser
import pytest

from conftest import SEED_CONTENT, tree_bytes

DW = "articles/dw-71381755/index.html"
STORM = "articles/storm-musk-softbank-stargate/index.html"

# First and last sentences of each article, as the outlet wrote them.
DW_FIRST = "（德国之声中文网）周二（1月21日），即重返白宫的第二天，特朗普宣布由软银、甲骨文以及ChatGPT开发公司OpenAI牵头"
DW_LAST = "甲骨文和MGX将各自贡献约70亿美元，其余资金将通过有限合伙人和债务融资筹集。"
STORM_FIRST = "川普21日宣布「Stargate」計畫,美國政府要跟軟銀、OpenAI、甲骨文等科技巨頭合作"
STORM_LAST = "該項目的技術合作夥伴Arm、輝達和微軟分別上漲15.9%、4.4%和4.1%。"
# The same sentences as the other edition prints them, written out by hand
# (Taiwan usage: 川普, 週二, 合夥人; mainland usage: 特朗普, 英伟达; quotes as written).
DW_FIRST_HANT = "（德國之聲中文網）週二（1月21日），即重返白宮的第二天，川普宣布由軟銀、甲骨文以及ChatGPT開發公司OpenAI牽頭"
DW_LAST_HANT = "甲骨文和MGX將各自貢獻約70億美元，其餘資金將通過有限合夥人和債務融資籌集。"
STORM_FIRST_HANS = "特朗普21日宣布「Stargate」计划,美国政府要跟软银、OpenAI、甲骨文等科技巨头合作"
STORM_LAST_HANS = "该项目的技术合作伙伴Arm、英伟达和微软分别上涨15.9%、4.4%和4.1%。"
STORM_CAPTION = "2025年1月20日,馬斯克出席川普的總統就職典禮。(美聯社)"
JUNK = ["更多文章", "相關報導", "相关报道", "版权声明", "版權聲明", "著作权法", "著作權法",
        "黃彥男等到寶", "黄彦男等到宝", "押寶紅包行情", "押宝红包行情", "TikTok難民", "TikTok难民"]


def text_of(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html)


def page(site: Path, prefix: str, name: str) -> str:
    return (site / prefix / name).read_text(encoding="utf-8")


def test_both_editions_of_both_seeds_exist_in_the_right_script(demo_site: Path) -> None:
    assert "軟銀" in page(demo_site, "zh-hant", DW) and "软银" not in text_of(page(demo_site, "zh-hant", DW))
    assert "软银" in page(demo_site, "zh-hans", STORM) and "軟銀" not in text_of(page(demo_site, "zh-hans", STORM))
    assert '<html lang="zh-Hant">' in page(demo_site, "zh-hant", STORM)
    assert '<html lang="zh-Hans">' in page(demo_site, "zh-hans", DW)


def test_article_in_its_own_script_is_untouched(demo_site: Path) -> None:
    # The Storm article is Traditional: its zh-Hant page keeps the outlet's own words.
    assert STORM_FIRST in page(demo_site, "zh-hant", STORM)
    assert DW_FIRST in page(demo_site, "zh-hans", DW)


@pytest.mark.parametrize("name, first, last, lang, first_other, last_other", [
    (DW, DW_FIRST, DW_LAST, "zh-Hans", DW_FIRST_HANT, DW_LAST_HANT),
    (STORM, STORM_FIRST, STORM_LAST, "zh-Hant", STORM_FIRST_HANS, STORM_LAST_HANS),
])
def test_first_and_last_sentences_in_both_editions(demo_site: Path, name: str, first: str, last: str, lang: str,
                                                   first_other: str, last_other: str) -> None:
    hans = text_of(page(demo_site, "zh-hans", name))
    hant = text_of(page(demo_site, "zh-hant", name))
    own, other = (hans, hant) if lang == "zh-Hans" else (hant, hans)
    assert first in own and last in own
    assert first_other in other and last_other in other


def test_every_seed_paragraph_survives(demo_site: Path) -> None:
    seed = SEED_CONTENT / "2025/01/23/dw-71381755.md"
    paragraphs = re.findall(r"<p>(.*?)</p>", seed.read_text(encoding="utf-8"))
    body = text_of(page(demo_site, "zh-hans", DW))
    kept = [text_of(p) for p in paragraphs if "版权声明" not in p]
    assert len(kept) == 16
    for paragraph in kept:
        assert paragraph in body


def test_junk_absent_from_every_page_and_feed(demo_site: Path) -> None:
    for path, data in tree_bytes(demo_site).items():
        if path.endswith((".html", ".xml")):
            text = data.decode("utf-8")
            for junk in JUNK:
                assert junk not in text, f"{junk!r} in {path}"


def test_duplicated_caption_shown_once(demo_site: Path) -> None:
    assert text_of(page(demo_site, "zh-hant", STORM)).count(STORM_CAPTION) == 1


def test_article_credits_source_with_link_to_original(demo_site: Path) -> None:
    html = page(demo_site, "zh-hans", DW)
    assert 'href="https://www.dw.com/zh/' in html and "德国之声" in html
    assert "德國之聲" in page(demo_site, "zh-hant", DW)


def test_attributes_and_urls_never_converted(demo_site: Path) -> None:
    html = page(demo_site, "zh-hant", DW)
    # The DW link URL is percent-encoded Simplified text: it must be byte-identical.
    assert "%E9%A9%AC%E6%96%AF%E5%85%8B" in html
    assert 'src="https://images.weserv.nl/?url=static.dw.com/image/65841290_303.jpg"' in html


def test_feeds_parse_and_carry_absolute_links(demo_site: Path) -> None:
    for prefix, language in (("zh-hans", "zh-Hans"), ("zh-hant", "zh-Hant")):
        feed = feedparser.parse((demo_site / prefix / "feed.xml").read_bytes())
        assert not feed.bozo, feed.get("bozo_exception")
        assert feed.feed.language == language
        assert len(feed.entries) == 2
        for entry in feed.entries:
            assert entry.link.startswith("http") and entry.id == entry.link
            assert (demo_site / entry.link.split("/", 3)[3] / "index.html").is_file()
            assert entry.published_parsed is not None
            assert "<img" in entry.content[0].value or "<p>" in entry.content[0].value


def test_hreflang_alternates_point_at_existing_pages(demo_site: Path) -> None:
    pages = [p for p in demo_site.rglob("*.html") if p.name != "404.html"]
    assert len(pages) >= 7
    for html_file in pages:
        links = re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="http://localhost:8000/([^"]*)">', html_file.read_text(encoding="utf-8"))
        assert {lang for lang, _ in links} == {"zh-Hans", "zh-Hant", "x-default"}, html_file
        for _, target in links:
            assert (demo_site / target / "index.html").is_file() or (demo_site / target).is_file(), target


def test_language_switch_leads_to_same_article(demo_site: Path) -> None:
    html = page(demo_site, "zh-hans", STORM)
    switch = re.search(r'<a class="switch" hreflang="zh-Hant"[^>]*href="([^"]+)"', html)
    assert switch and switch.group(1) == "/zh-hant/articles/storm-musk-softbank-stargate/"


def test_root_index_links_both_editions_without_javascript(demo_site: Path) -> None:
    html = (demo_site / "index.html").read_text(encoding="utf-8")
    chooser = html.split("<script>")[0]
    assert 'href="/zh-hans/"' in chooser and 'href="/zh-hant/"' in chooser


@pytest.mark.parametrize("prefix", ["zh-hans", "zh-hant"])
def test_home_shows_the_seed_story_once_led_by_the_earliest_report(demo_site: Path, prefix: str) -> None:
    # The two seeds report one announcement (issue 10): one entry, Storm (12:29) leads, DW (19:47) under it.
    html = page(demo_site, prefix, "index.html")
    assert "2025年1月23日" in html
    assert html.count('<li class="story-entry">') == 1
    entry = html.split('<li class="story-entry">')[1].split("</article>")[0]
    assert entry.index("articles/storm-musk-softbank-stargate/") < entry.index('<ul class="coverage"') < entry.index("articles/dw-71381755/")
    assert html.count('href="/%s/articles/dw-71381755/"' % prefix) == 1
    assert 'href="/%s/stories/storm-musk-softbank-stargate/"' % prefix in entry
