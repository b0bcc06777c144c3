"""Pasted pages the rules were not tuned on: the title seen again without the
page's name, hard-wrapped paragraphs, and a short article under a page's headline.

Invented text only; each test shows what a mechanism removes and what it keeps."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from digest.clipping_html import read_page
from digest.cleaning.document import headline_keys, title_keys

from cleaning_fixtures import _clean, _kept, _rules

# ---------------------------------------------------------------------------
# The title seen again: cut at the page's separators
# ---------------------------------------------------------------------------

BLOG_TITLE = "河堤步道整修完工_傍晚散步 @ 小城日記 :: 部落格平台 ::"
BLOG_BODY = [
    "整修了兩年的河堤步道終於在上週開放 傍晚的風吹來格外涼爽",
    "沿著步道往下游走 新鋪的木棧道走起來很穩 兩旁也補種了不少樹",
    "遇到幾位在步道上慢跑的鄰居 大家都說晚上多了路燈安心很多",
    "走到橋下時天色已暗 遠處的燈火映在河面上 是這次散步最美的一刻",
    "回程經過新開的小市集 買了一杯熱豆漿邊走邊喝",
    "市集的攤位不多 但每一家都很有特色 下次想早一點來逛",
    "步道入口旁的停車場也重新畫了格線 開車來的朋友可以多加利用",
    "整段步道來回大約一個半小時 很適合傍晚吃飽飯後慢慢走",
]


def test_title_keys_cut_the_title_at_the_page_name() -> None:
    keys = headline_keys(BLOG_TITLE)
    assert "河堤步道整修完工傍晚散步" in keys          # the headline without the blog and platform
    assert "部落格平台" not in title_keys(BLOG_TITLE)  # too short to be a headline


def test_the_title_seen_again_below_a_related_label_ends_the_list_above_the_article() -> None:
    chrome = ["首頁", "旅遊", "美食", "這是一個記錄小城生活的部落格，歡迎常來坐坐。", "相簿", "相關文章",
              "Dec 28 Sat 2013 00:28", "河堤步道整修完工_傍晚散步"]
    body = "".join(f"<p>{t}</p>" for t in chrome + BLOG_BODY) + "<p>下次再來走走，也推薦給喜歡散步的朋友。</p>"
    cleaned = _clean(body, title=BLOG_TITLE)
    kept = _kept(body, title=BLOG_TITLE)
    assert all(line in kept for line in BLOG_BODY)  # the article under the widget label stays whole
    assert _rules(cleaned)["河堤步道整修完工_傍晚散步"] == "meta:title"
    assert "首頁" not in kept and "相關文章" not in kept


# ---------------------------------------------------------------------------
# Hard-wrapped paragraphs of pasted text
# ---------------------------------------------------------------------------

WRAPPED = [
    "The council voted on Tuesday to reopen the",
    "harbour walk after two years of repairs, and",
    "officials expect the first visitors next week.",
]


def test_a_hard_wrapped_paragraph_under_a_gallery_label_is_prose() -> None:
    lead = "<p>Repairs on the harbour walk ended this month, the council said in a statement.</p>"
    gallery = "".join(f"<p>{t}</p>" for t in ("Gallery: Harbour works", "12 Photos", "Before the repairs",
                                               "The new railings"))
    kept = _kept(lead + gallery + "".join(f"<p>{t}</p>" for t in WRAPPED))
    assert kept[-3:] == WRAPPED
    assert "Gallery: Harbour works" not in kept and "The new railings" not in kept


def test_wrapped_headlines_under_a_list_heading_still_go() -> None:
    lead = "".join(f"<p>{t}</p>" for t in WRAPPED)
    others = ["Council approves new budget for the", "coming year", "Storm closes two schools in the",
              "northern district"]
    kept = _kept(lead + "<p>More stories</p>" + "".join(f"<p><a href='/x'>{t}</a></p>" for t in others))
    assert kept == WRAPPED


# ---------------------------------------------------------------------------
# The page reader: a short article loses by size to a language bar or a footer
# ---------------------------------------------------------------------------

def test_a_short_article_below_the_headline_beats_a_longer_language_bar_and_footer() -> None:
    bar = "".join(f"<p>{t}</p>" for t in (
        "Your browser does not seem to read this script. Would you like to go to our English edition instead?",
        "Votre navigateur ne semble pas lire cette écriture. Voulez-vous aller à notre édition française ?"))
    footer = "<div class='footer'>" + "".join(f"<p>{t}</p>" for t in (
        "客服電話：02-1234-5678 傳真：02-1234-5679 地址：台北市某某路一段一號十樓",
        "本網站所有內容均受著作權保護，未經同意不得轉載，違者依法追究責任。")) + "</div>"
    story = "（本報記者台北電）河堤步道整修兩年後今天重新開放，市府說傍晚將加派巡邏人力。"
    page = (f"<html><head><title>河堤步道重新開放 | 本報</title></head><body><div class='lang'>{bar}</div>"
            f"<h1>河堤步道重新開放</h1><div class='story'><p>{story}</p></div>{footer}</body></html>")
    body = read_page(page, ZoneInfo("UTC"))["body"]
    assert story in body
    assert "English edition" not in body and "客服電話" not in body
