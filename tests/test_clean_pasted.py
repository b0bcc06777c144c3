"""Pasted pages the rules were not tuned on (issue 8): the title seen again without
the page's name, hard-wrapped paragraphs, the page reader's choice of the body, guards
that keep article text, comment threads and footer blocks.

Invented text only; each test shows what a mechanism removes and what it keeps."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from digest.cleaning import to_plain_lines
from digest.cleaning.document import headline_keys, title_keys
from digest.cleaning.passes import furniture_text
from digest.clipping_html import read_page

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
    story = "（本報記者台北電）河堤步道整修兩年後今天重新開放，市府說傍晚將加派巡邏人力，並在入口增設照明。"
    page = (f"<html><head><title>河堤步道重新開放 | 本報</title></head><body><div class='lang'>{bar}</div>"
            f"<h1>河堤步道重新開放</h1><div class='story'><p>{story}</p></div>{footer}</body></html>")
    body = read_page(page, ZoneInfo("UTC"))["body"]
    assert story in body
    assert "English edition" not in body and "客服電話" not in body


# ---------------------------------------------------------------------------
# Guards: bylines, headings, ellipses, routes, paragraphs in another script
# ---------------------------------------------------------------------------

P_A = "<p>市议会周二通过新的垃圾分类办法，明年一月起在全市十二个区实施。</p>"
P_B = "<p>环保局指出，新办法要求住户把厨余单独装袋，社区每周收运三次。</p>"


def test_the_writers_byline_alone_stays_and_other_roles_go() -> None:
    cleaned = _clean("<p>作者：林小青</p>" + P_A + P_B + "<p>摄影：陈晓</p>")
    assert _kept("<p>作者：林小青</p>" + P_A + P_B)[0] == "作者：林小青"
    assert _rules(cleaned) == {"摄影：陈晓": "credit:byline-role"}


def test_a_writer_next_to_an_editor_credit_and_a_role_like_subheading_stay() -> None:
    fragment = P_A + "<p>文｜林小青</p><p>编辑｜王大明</p><h4>引言：熟悉又陌生的街道</h4>" + P_B
    kept = _kept(fragment)
    assert "文｜林小青" in kept and "引言：熟悉又陌生的街道" in kept and "编辑｜王大明" not in kept


def test_an_ellipsis_line_and_a_route_stay_but_a_breadcrumb_goes() -> None:
    kept = _kept("<p>首页 > 新闻 > 正文</p>" + P_A + "<p>……</p>" + P_B + "<p>行程如下：</p><p>TPE => HND（02/01）</p>"
                 "<p>HND => TPE（02/05）</p>")
    assert "首页 > 新闻 > 正文" not in kept
    assert "……" in kept and "TPE => HND（02/01）" in kept and "HND => TPE（02/05）" in kept


def test_a_paragraph_in_english_next_to_a_caption_is_no_alt_text() -> None:
    bio = ("Lin Xiaoqing, born in 1970, is a professor of urban studies at the city university. She has written "
           "three books on waste policy and advised the council on recycling since 2015. Her latest study "
           "compares collection schedules in twelve districts and was published last spring by the university "
           "press. She also teaches a course on public health.")
    alt = "A worker sorts bottles at the recycling plant."
    fragment = "<div><img src='a.jpg'><p>林小青教授在研讨会上发言。（摄影／陈晓）</p></div><p>" + bio + "</p>" + P_A + P_B
    assert bio in _kept(fragment)
    short = "<div><img src='a.jpg'><p>工人在回收厂分拣瓶子。（摄影／陈晓）</p></div><p>" + alt + "</p>" + P_A + P_B
    assert alt not in _kept(short)


def test_a_shortcode_goes_and_a_bracketed_note_is_no_list_item() -> None:
    note = "【案件編號：DCCC1234/25】"
    others = "".join(f"<p>{t}</p>" for t in ("議員質詢垃圾車收運時間", "回收箱增設百處 下月啟用", "夜市塑膠袋減量見效",
                                                     "舊衣回收新制上路首週"))
    cleaned = _clean(P_A + "<p>{{< video src=\"https://example.com/v.mp4\" >}}</p>" + P_B + f"<p>{note}</p>" + others)
    kept = to_plain_lines(cleaned.html)
    assert note in kept and "夜市塑膠袋減量見效" not in kept
    assert _rules(cleaned)['{{< video src="https://example.com/v.mp4" >}}'] == "nav:shortcode"


def test_a_dated_note_under_the_title_stays_above_the_article() -> None:
    title = "关于调整垃圾收运时间的决定"
    # (the title is not seen again: a page split it over lines)
    chrome = "".join(f"<p>{t}</p>" for t in ("首页", "政策", "公报", "字号：默认 大 超大 | 打印 |", "关于调整垃圾",
                                              "收运时间的决定", "（2025年3月1日市政府第十二次常务会议通过）"))
    kept = _kept(chrome + P_A + P_B, title=title)
    assert kept == ["（2025年3月1日市政府第十二次常务会议通过）", P_A[3:-4], P_B[3:-4]]


def test_a_title_with_bare_hyphens_between_cjk_parts_is_seen_again() -> None:
    title = "城市晚報-要聞-垃圾分類新辦法明年上路-20250301"
    chrome = "".join(f"<p>{t}</p>" for t in ("主頁 要聞 港聞 社評", "垃圾分類新辦法明年上路", "回收箱增設百處",
                                              "夜市塑膠袋減量見效", "垃圾分類新辦法明年上路", "住戶須分袋 每週收三次"))
    kept = _kept(chrome + P_A + P_B, title=title)
    assert kept[0] == "住戶須分袋 每週收三次"  # the standfirst under the title seen again stays
    assert "回收箱增設百處" not in kept


# ---------------------------------------------------------------------------
# Teasers cut short, provenance lines, comment threads, footer blocks
# ---------------------------------------------------------------------------

def test_teasers_cut_short_with_dots_are_headlines_not_sentences() -> None:
    teasers = ("新闻排行", "六月十省份物价涨幅高于全国，猪肉、蔬菜价...", "沪指跌1.95%失守3400点 终结八连涨...",
               "民航局发第四份熔断指令 暂停一航班运...", "央行：上半年人民币贷款增加12.0...")
    kept = _kept(P_A + P_B + "".join(f"<p>{t}</p>" for t in teasers))
    assert kept == [P_A[3:-4], P_B[3:-4]]


def test_a_repost_and_a_converter_line_above_the_article_go() -> None:
    cleaned = _clean("<p>原文来自「城市手记」：垃圾分类新办法明年上路</p><p>本文由某某阅读器转码</p>" + P_A + P_B)
    assert to_plain_lines(cleaned.html) == [P_A[3:-4], P_B[3:-4]]
    assert set(_rules(cleaned).values()) == {"edge:provenance-header"}


def test_a_comment_thread_below_the_article_goes() -> None:
    thread = ("留言列表 (3)", "#1 小青 於 2025/03/02 10:28", "新辦法很好，希望早點實施。", "站長 於 2025/03/02 20:31 回覆",
              "謝謝你的留言！", "#2 阿明 於 2025/03/03 08:15", "收運時間對上班族還是不方便。")
    cleaned = _clean(P_A + P_B + "".join(f"<p>{t}</p>" for t in thread))
    assert to_plain_lines(cleaned.html) == [P_A[3:-4], P_B[3:-4]]
    assert set(_rules(cleaned).values()) == {"doc:comments"}
    # an article that quotes a date-stamped message keeps it: no comments heading above it
    own = "<p>小青 於 2025/03/02 10:28</p><p>她在社區群組寫道，新辦法很好。</p><p>阿明 於 2025/03/03 08:15</p>"
    assert len(_kept(P_A + own + P_B)) == 5


def test_the_lines_between_two_footer_lines_go() -> None:
    footer = ("关于我们 | 联系我们 | 广告服务 | 网站地图", "本网站所刊载信息，不代表本网观点。",
              "[网络视听许可证0000000号]", "Copyright © 2025 example.com. All Rights Reserved")
    cleaned = _clean(P_A + P_B + "".join(f"<p>{t}</p>" for t in footer))
    assert to_plain_lines(cleaned.html) == [P_A[3:-4], P_B[3:-4]]
    assert _rules(cleaned)["本网站所刊载信息，不代表本网观点。"] == "tail:footer-block"


def test_an_article_body_continued_in_a_nested_box_is_read_whole() -> None:
    first = "".join(f"<p>The council voted on Tuesday to reopen the harbour walk, paragraph {i}.</p>" for i in range(8))
    rest = "".join(f"<p>Officials expect the first visitors next week, paragraph {i} of the rest.</p>"
                   for i in range(12))
    side = "<div class='rail'><p>Subscribe to our morning briefing for the latest news.</p></div>"
    page = (f"<html><body><h1>Harbour walk reopens</h1><div class='content'>{first}<div class='toggle'>{rest}</div>"
            f"</div>{side}</body></html>")
    body = read_page(page, ZoneInfo("UTC"))["body"]
    assert "paragraph 0." in body and "paragraph 11 of the rest." in body
    assert "morning briefing" not in body


def test_a_caption_with_an_agency_credit_and_a_byline_with_a_vertical_bar_stay() -> None:
    caption = "An artist's impression of the new bridge at dusk. (City Planning Office/Jane Doe)"
    chrome = "".join(f"<p>{t}</p>" for t in ("Home", "News", "Sport", "Weather", "Harbour walk reopens", caption))
    kept = _kept(chrome + "<p>The council voted on Tuesday to reopen the harbour walk after two years.</p>"
                 "<p>Officials expect the first visitors next week, the council said in a statement.</p>",
                 title="Harbour walk reopens")
    assert caption in kept and "Sport" not in kept  # (the line right above the title may be its kicker)
    assert furniture_text("作者︱林小青")  # a byline with a vertical bar (︱) is never chrome


def test_a_date_line_set_one_part_a_line_goes_but_the_byline_stays() -> None:
    # "Published" / "2 months ago" / "on" / "June 12, 2026" (session 17), wherever it stands
    parts = "<p>Published</p><p>2 months ago</p><p>on</p><p>June 12, 2026</p><p>By</p><p>Harbour Desk</p>"
    standfirst = "<p>A widespread outage affected ferry bookings across the harbour on Friday morning.</p>"
    cleaned = _clean(standfirst + parts + P_A + P_B)
    assert to_plain_lines(cleaned.html) == [standfirst[3:-4], "By", "Harbour Desk", P_A[3:-4], P_B[3:-4]]
    assert _rules(cleaned)["on"] == "meta:feed-timestamp"
    # a joining word alone, or next to no date, stays
    assert "on" in _kept(P_A + "<p>on</p><p>Harbour Desk</p>" + P_B)


def test_a_byline_with_its_age_glued_above_the_article_stays() -> None:
    # "Nizaar Kinsella2 minutes ago" under a section label and a photo credit: the
    # byline, its age cut (session 17)
    head = "".join(f"<p>{t}</p>" for t in ("Sport | Football", "Walkers show the path is alive and busy again",
                                           "Getty Images", "Nadia Kinsel2 minutes ago",
                                           "Harbour walkers on the reopened path on Thursday night"))
    cleaned = _clean(head + P_A + P_B, title="Harbour walk reopens after two years")
    assert "Nadia Kinsel" in to_plain_lines(cleaned.html)
    assert _rules(cleaned)["2 minutes ago"] == "meta:byline-glue"


def test_a_feeds_rfc822_date_line_above_the_article_goes() -> None:
    cleaned = _clean("<div><i>Tue, 21 Jul 2020 00:07:16 GMT</i></div>" + P_A + P_B)
    assert to_plain_lines(cleaned.html) == [P_A[3:-4], P_B[3:-4]]
    assert _rules(cleaned) == {"Tue, 21 Jul 2020 00:07:16 GMT": "meta:feed-timestamp"}


def test_a_product_box_between_the_title_and_the_article_goes_but_the_header_stays() -> None:
    title = "Harbour walk review: a long way round"
    box = ("Harbour Walk", "Get more info", "87", "Scores", "Critic", "10 Reviews", "Users", "Key", "Specs",
           "Length", "4 km")
    lines = ["Home", "News", title, "But only for early risers.", "Jane Doe, @janedoe", "Share", "Tweet", *box]
    body = "".join(f"<p>{t}</p>" for t in lines) + "".join(f"<p>{t}</p>" for t in WRAPPED)
    cleaned = _clean(body, title=title)
    kept = to_plain_lines(cleaned.html)
    assert kept == ["But only for early risers.", "Jane Doe, @janedoe", *WRAPPED]
    assert _rules(cleaned)["10 Reviews"] == "page:head-gap"


def test_a_column_box_between_ads_below_the_title_goes_but_the_caption_and_byline_stay() -> None:
    # an ad marker or a "Follow Us" prompt under the title shows the page was pasted
    # with its chrome, as a menu does (session 17)
    title = "Governor endorses revised state budget"
    box = ("Front Page Podcast", "Advertisement", "Commentary", "Charles Hart", "Why the budget fight is not over",
           "Daniel Hoff", "A letter I did not sign", "Billy Hall", "Dear voters: the deal is far from done", "View all")
    header = ("Rep. Ann Pryor, left, talks with Rep. Jeff Thom at the Statehouse, Thursday. (AP Photo/Ann Doe)",
              "By Tom Davis - Associated Press")
    lines = ["Home", "News", title, "Follow Us", *box, *header]
    cleaned = _clean("".join(f"<p>{t}</p>" for t in lines) + "".join(f"<p>{t}</p>" for t in WRAPPED), title=title)
    assert to_plain_lines(cleaned.html) == [*header, *WRAPPED]
    assert _rules(cleaned)["Charles Hart"] == "page:head-gap"


def test_a_copy_of_the_title_below_the_articles_first_paragraphs_is_no_article_start() -> None:
    title = "垃圾分类新办法明年上路 @ 城市手记 :: 部落格"
    p_c = "<p>有居民认为，收运时间安排在早上七点前，对上班族并不方便。</p>"
    fragment = ("<p>焦点话题</p>" + P_A + P_B + p_c + "<p>居民怎么看</p><p>垃圾分类新办法明年上路</p>"
                + "<p>议员表示，将在下次会议提出修正案，放宽收运时间。</p>" * 8)
    kept = _kept(fragment, title=title)
    assert "焦点话题" in kept and "居民怎么看" in kept and P_A[3:-4] in kept
