"""Issue 8: what corpus 30's development part and blind variants 105 and 107 taught --
how a saved page is read (a byline box whose class also says "social", the writer's bio
the page's structured data gives, a media player's controls, an iframe's fallback, a
WordPress post whose class names its tags), the article's own lines that rules took (an
outlet's dateline in brackets, a prompt to follow someone else's account, "造型报道", the
last item of a list, the writer's field opening a page's field line, a byline with its
date or time glued on), and the notes and boxes around the article (a picture's source
of two names, an outlet's name with the date, a clipping tool's line above a pasted
title, 編輯推介, "這個專欄在做什麼", tag and category lines, a repost note, a permalink,
ad labels, proofreaders, a portal's copyright notice)."""

from __future__ import annotations

import json
from pathlib import Path

from cleaning_fixtures import _STORY, _TITLE, P1, P2, P3, _clean, _clip_lines, _kept, _paragraphs, _rules

from digest.cleaning import clean_body, rules_for, to_plain_lines
from digest.sanitize import sanitize

def _page(body: str, head: str = "", title: str = _TITLE) -> str:
    return (f"<!DOCTYPE html><html><head><title>{title} | Example Post</title>{head}</head><body>"
            f"<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>{body}"
            f"<footer>Copyright 2024 Example Post</footer></body></html>")


# ---------------------------------------------------------------------------
# How a saved page is read
# ---------------------------------------------------------------------------

def test_a_byline_box_whose_class_says_social_keeps_the_byline_and_standfirst(tmp_path: Path) -> None:
    deck = "The company veteran will work to drive the priority areas of the new partner programme"
    body = (f"<article><h1>{_TITLE}</h1><div class='byline-social'><div class='byline'>"
            "<a href='/news' class='byline-article-type'>News</a><div class='author-byline'>By "
            "<a href='/author/jane-roe'>Jane Roe</a> <span>published <time>2 days ago</time></span></div></div>"
            f"<p class='strapline'>{deck}</p>"
            "<nav class='share-widget'><a href='#'>Facebook</a> <a href='#'>Twitter</a></nav></div>"
            f"{_paragraphs(_STORY)}</article>")
    lines = _clip_lines(tmp_path, "page.html", _page(body))
    assert lines[:2] == ["By Jane Roe", deck]
    assert lines[2:] == _STORY


def test_the_writers_bio_the_pages_structured_data_gives_goes(tmp_path: Path) -> None:
    bio = ["A journalism graduate from the city's university, she combines a passion for the written word with a "
           "keen interest in the coast and its ferries.",
           "She started writing for the Post back in 2016, focusing on council news and guides, before becoming a "
           "regular contributor to its weekend edition."]
    data = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": _TITLE,
            "author": {"@type": "Person", "name": "Jane Roe", "description": "\n".join(bio)}}
    head = f"<script type='application/ld+json'>{json.dumps(data)}</script>"
    body = (f"<article><h1>{_TITLE}</h1>{_paragraphs(_STORY)}"
            f"<div class='author author--separator'><div class='author__name'><a href='/jane'>Jane Roe</a></div>"
            f"<div class='author__biography'>{_paragraphs(bio)}</div></div></article>")
    assert _clip_lines(tmp_path, "page.html", _page(body, head)) == _STORY


def test_a_media_players_controls_go_and_its_caption_stays(tmp_path: Path) -> None:
    player = ("<div class='player'><div class='screen'><video src='v.mp4'></video></div>"
              "<div class='settings'><span>Playback speed</span><span>Normal</span>"
              "<ul><li>0.5</li><li>Normal</li><li>1.5</li></ul><div>Unmute</div></div></div>")
    caption = "Workers finish the new railing along the harbour walk on Monday."
    body = (f"<article><h1>{_TITLE}</h1>{_paragraphs(_STORY[:2])}<figure>{player}"
            f"<figcaption>{caption}</figcaption></figure>{_paragraphs(_STORY[2:])}</article>")
    assert _clip_lines(tmp_path, "page.html", _page(body)) == _STORY[:2] + [caption] + _STORY[2:]


def test_a_box_holding_most_of_the_articles_prose_is_no_chrome_whatever_its_class(tmp_path: Path) -> None:
    teasers = "".join(f"<li><a href='/n/{k}'>Another story of the week from the harbour town, number {k}</a></li>"
                      for k in range(10))
    # (the box's text does not end like a sentence: a reply button closes it)
    body = (f"<article><h1>{_TITLE}</h1><div class='share-wrap body'>{_paragraphs(_STORY)}"
            "<div class='actions'><a href='#reply'>Reply to this story</a></div></div>"
            f"<ul class='list'>{teasers}</ul></article>")
    assert _clip_lines(tmp_path, "page.html", _page(body))[:len(_STORY)] == _STORY


# Development cases of corpus 30 whose page shape no small page reproduces: the whole
# saved page is the fixture.
_CORPUS30 = Path(__file__).parent / "clean_holdout26"


def _expected(name: str) -> list[str]:
    return (_CORPUS30 / f"{name}.expected.txt").read_text(encoding="utf-8").splitlines()


def _spaced(lines: list[str]) -> list[str]:
    """Lines with their whitespace collapsed, as the corpus labels write them."""
    return [" ".join(t.split()) for t in lines]


def test_an_iframes_fallback_text_does_not_make_a_sidebar_the_article(tmp_path: Path) -> None:
    # (the ad server's markup in the frames of the right-hand column outweighed the article)
    page = (_CORPUS30 / "skykiwi_page_surgery.html").read_text(encoding="utf-8")
    lines = _spaced(_clip_lines(tmp_path, "page.html", page))
    assert [t for t in _expected("skykiwi_page_surgery") if t not in lines] == []


def test_a_wordpress_post_whose_class_names_its_tags_is_no_tag_list(tmp_path: Path) -> None:
    # (<article class="post-121810 post … tag-quest">; its dateline names the outlet in brackets)
    page = (_CORPUS30 / "nweon_page_bodyofmine.html").read_text(encoding="utf-8")
    lines = _spaced(_clip_lines(tmp_path, "page.html", page))
    assert all(t in lines for t in _expected("nweon_page_bodyofmine")[2:])


# ---------------------------------------------------------------------------
# The article's own lines
# ---------------------------------------------------------------------------

def test_an_outlets_dateline_in_brackets_opens_the_article() -> None:
    lead = "<p>（映维网Nweon 2024年06月15日）曾在SXSW获奖的VR体验已于日前登陆Meta Quest，邀请你通过体验不同的身体来发现他人的故事。</p>"
    assert _kept(lead + P1 + P2 + P3)[0].startswith("（映维网Nweon 2024年06月15日）")


def test_a_prompt_to_follow_someone_elses_account_is_the_articles_advice(tmp_path: Path) -> None:
    fragment = (_CORPUS30 / "firefly_fragment_pride.html").read_text(encoding="utf-8")
    assert _spaced(_clip_lines(tmp_path, "fragment.html", fragment)) == _expected("firefly_fragment_pride")
    # (the outlet's own prompt still goes)
    assert "欢迎订阅我们的 YouTube 频道。" not in _kept(P1 + P2 + P3 + "<p>欢迎订阅我们的 YouTube 频道。</p>")


def test_a_report_named_in_a_sentence_is_no_outlet() -> None:
    lead = "<p>也许你对樊其辉这个名字并不熟悉，但是你肯定看过关于刘亦菲、梅婷等诸多明星的造型报道，以上几位的造型都出自他手。</p>"
    assert _kept(lead + P1 + P2 + P3)[0].startswith("也许你对樊其辉")


def test_the_last_item_of_the_articles_list_is_no_orphan_heading() -> None:
    items = "<p>卫生局表示，出现以下症状应尽快就医：</p><ul><li>突然高烧超过38度</li><li>后眼窝痛、肌肉关节酸痛</li><li>皮肤出疹</li></ul>"
    gallery = ("<h2>摄影专题｜老街的秋日市集</h2><figure><img src='a.jpg'><figcaption>游客排队等着买现烤的桂圆蛋糕。</figcaption></figure>"
               "<figure><img src='b.jpg'><figcaption>街头艺人在老屋前演奏二胡，摊商陆续点亮灯笼。</figcaption></figure>")
    assert _kept(P1 + P2 + P3 + items + gallery)[-1] == "皮肤出疹"


def test_the_writers_field_opening_a_pages_field_line_stays() -> None:
    cleaned = _clean("<h5>作者: Jackie Shan 日期:2019-02-07 15:53　阅读:　来源:天维网编译</h5>" + P1 + P2 + P3)
    assert _kept("<h5>作者: Jackie Shan 日期:2019-02-07 15:53　阅读:　来源:天维网编译</h5>" + P1 + P2 + P3)[0] == "作者: Jackie Shan"
    assert ("meta:page-fields", "日期:2019-02-07 15:53　阅读:　来源:天维网编译") in [(r.rule, r.text.strip()) for r in cleaned.removed]
    # (a template's leftover is no name: the whole line goes)
    assert _kept('<p>作者： size="20" 来源： size="20" 发布日期： 9/17/2004 5:54:13 AM</p>' + P1 + P2 + P3) == _kept(P1 + P2 + P3)


def test_a_byline_keeps_its_name_and_loses_the_date_or_time_glued_on() -> None:
    assert _kept(P1 + P2 + P3 + "<p>Posted by Ned Deily at 5:11 AM</p>")[-1] == "Posted by Ned Deily"
    assert _kept("<p>文 : MyVideo 影音編輯室 2021-10-14</p>" + P1 + P2 + P3)[0] == "文 : MyVideo 影音編輯室"


# ---------------------------------------------------------------------------
# Notes and boxes around the article
# ---------------------------------------------------------------------------

def test_a_pictures_source_of_two_names_goes_and_its_alt_text_in_another_language_too() -> None:
    alt = "Une visiteuse photographie un détail du plafond peint reproduit pour l'exposition."
    credits = ["图片：青川影像／王蕾", "摄影：Atelier Lumière/C. Morel"]
    for credit in credits:
        cleaned = _clean(P1 + f"<p>{alt}</p><p>{credit}</p>" + P2 + P3)
        assert _rules(cleaned)[credit] == "credit:photo-zh"
        assert _rules(cleaned)[alt] == "image:alt-text"
    # (a caption after the label is no source)
    assert "图片：市民在公园里散步，孩子们放风筝／赏花" in _kept(P1 + "<p>图片：市民在公园里散步，孩子们放风筝／赏花</p>" + P2 + P3)


def test_an_outlets_name_with_the_date_above_the_article_goes() -> None:
    for line in ("燈籠日報 2025年3月5日", "央视网 2024-11-01 16:40"):
        assert _rules(_clean(f"<p>{line}</p>" + P1 + P2 + P3))[line] == "edge:outlet-name"
    # (a reporter's byline with the date is the article's: the byline stays)
    assert "记者王小明" in _kept("<p>记者王小明 2025年3月5日</p>" + P1 + P2 + P3)


def test_a_clipping_tools_line_above_a_pasted_title_lets_the_title_be_read(tmp_path: Path) -> None:
    text = ("已用「网页剪报」插件保存 · 2024/09/03 22:17 · 原网页可能已更新\n儿童近视防控：每天两小时户外光照\n"
            "本文转载自微信公众号“眼科小林医生”（ID：eyedoc_lin），已获作者授权\n"
            "开学第一周，市妇幼保健院眼科门诊的候诊区坐满了家长和孩子。\n眼科主任林慧说，暑假里孩子看屏幕的时间普遍变长。\n"
            "她建议家长保证孩子每天白天在户外活动至少两小时。\n")
    assert _clip_lines(tmp_path, "pasted.txt", text) == [
        "开学第一周，市妇幼保健院眼科门诊的候诊区坐满了家长和孩子。", "眼科主任林慧说，暑假里孩子看屏幕的时间普遍变长。",
        "她建议家长保证孩子每天白天在户外活动至少两小时。"]


def test_an_editors_picks_heading_in_hong_kong_words_owns_the_article_under_it() -> None:
    other = ["<p><strong>編輯推介</strong></p>", "<h2>新界東增設日間輸液中心　紓緩病床壓力</h2>",
             "<p>醫管局新界東聯網下月起在沙田開設日間輸液中心，為病人提供日間治療。</p>",
             "<p>聯網總監表示，中心設有二十個座位，病人毋須留院過夜。</p>"]
    assert _kept(P1 + P2 + P3 + "".join(other)) == _kept(P1 + P2 + P3)


def test_a_box_that_asks_what_its_column_does_goes() -> None:
    box = ["這個專欄在做什麼", "《山海之間》是我們為偏鄉醫療開設的長期專欄，每個月帶你走進一個沒有醫院的地方。",
           "我們相信，好的醫療不該只屬於住在城市的人，所以我們願意一次又一次上山下海。"]
    cleaned = _clean(P1 + P2 + _paragraphs(box) + P3)
    assert {_rules(cleaned)[t] for t in box} == {"box:about"}


def test_a_posts_category_and_tag_lines_go() -> None:
    cleaned = _clean(P1 + P2 + P3 + "<p>文章分類 LGBTQ LGBT 紐西蘭 迴轉治療</p><p>分類：軟件</p>")
    assert _rules(cleaned)["文章分類 LGBTQ LGBT 紐西蘭 迴轉治療"] == "nav:tags"
    assert _rules(cleaned)["分類：軟件"] == "nav:tags"


def test_a_repost_note_a_permalink_and_a_proofreader_go() -> None:
    notes = {"- 轉載自 地球圖輯隊": "credit:article-source",
             "本文永久链接：https://github.com/xitu/gold-miner/blob/master/article/a.md": "meta:permalink",
             "校对者：PingHGao, PassionPenguin": "credit:editor"}
    cleaned = _clean(P1 + P2 + P3 + _paragraphs(list(notes)))
    assert {t: _rules(cleaned)[t] for t in notes} == notes


def test_ad_labels_and_a_toolbar_with_adjust_go() -> None:
    lines = ["Advertisements", "Ads by", "Share Adjust Comment Print"]
    cleaned = _clean(P1 + _paragraphs(lines[:2]) + P2 + P3 + _paragraphs(lines[2:]))
    assert [_rules(cleaned)[t] for t in lines] == ["ad:marker", "ad:marker", "prompt:share-bar"]


def test_a_portals_copyright_and_disclaimer_notice_goes_as_rights() -> None:
    notice = ["北晚新视觉网版权与免责声明：",
              "一、凡本站中注明“来源：北晚新视觉网或北京晚报”的所有文字、图片和音视频，版权均属北晚新视觉网所有。",
              "二、凡来源非北晚新视觉网或北京晚报的新闻（作品）只代表本网传播该消息，并不代表赞同其观点。",
              "如因作品内容、版权和其它问题需要同本网联系的，请在见网后30日内进行。"]
    cleaned = _clean(P1 + P2 + P3 + _paragraphs(notice))
    assert {_rules(cleaned)[t] for t in notice} == {"rights:portal-notice"}
    # (a sentence of the article about a portal's rights stays)
    story = "<p>法院认定，该网站未经许可转载了原告的作品，应当赔偿经济损失。</p>"
    assert "法院认定，该网站未经许可转载了原告的作品，应当赔偿经济损失。" in _kept(P1 + story + P2 + P3)


def test_a_newsletters_pitch_and_its_consent_line_go() -> None:
    lines = ["The LGBTQ+ stories you don't want to miss, delivered to your inbox daily.",
             'By clicking "Submit", I consent to receiving the above communication from Example Media Inc.']
    cleaned = _clean(_paragraphs(_STORY) + _paragraphs(lines))
    assert [_rules(cleaned)[t] for t in lines] == ["prompt:subscribe", "nav:signup-legal"]


def test_a_feeds_footer_after_a_long_headline_goes() -> None:
    footer = ("The post Labour's Winter Fuel Raid Costs Taxpayers £400m as Benefits Claims Surge "
              "appeared first on The Daily Sceptic.")
    assert _rules(_clean(_paragraphs(_STORY) + f"<p>{footer}</p>"))[footer] == "prompt:feed-footer"


def test_a_source_line_naming_the_clippings_outlet_or_a_paper_with_the_date_goes() -> None:
    cleaned = clean_body(sanitize(P1 + P2 + P3 + "<p>来源： ACG17</p>"), rules_for(None, source="ACG17"))
    assert _rules(cleaned)["来源： ACG17"] == "edge:outlet-name"
    assert _rules(_clean(P1 + P2 + P3 + "<p>稿源： 京华时报 | 2009-06-17 08:59:23</p>"))[
        "稿源： 京华时报 | 2009-06-17 08:59:23"] == "credit:article-source"


def test_a_portals_notice_of_two_sentences_goes() -> None:
    notice = "·凡注明为其它来源的信息，均转载自其它媒体，转载目的在于传递更多信息，并不代表本网赞同其观点。如有侵权请联系本网。"
    assert _rules(_clean(P1 + P2 + P3 + f"<p>{notice}</p>"))[notice] == "rights:portal-notice"


def test_the_writers_byline_never_goes_with_its_neighbours() -> None:
    head = "<p>中国当局禁止上电视：性别刻板印象与父权构建<br>来源： 中国劳工论坛 China Worker<br>作者： Jack</p>"
    cleaned = clean_body(sanitize(head + P1 + P2 + P3), rules_for(None, source="中国劳工论坛 China Worker"))
    assert _rules(cleaned).get("来源： 中国劳工论坛 China Worker") == "edge:outlet-name"
    assert "作者： Jack" in to_plain_lines(cleaned.html)


# ---------------------------------------------------------------------------
# Corpus 31's development part
# ---------------------------------------------------------------------------

def test_the_articles_key_points_over_its_start_stay(tmp_path: Path) -> None:
    # (a development case of corpus 31: the European Parliament's summary bullets under the
    # headline, then the picture's caption and the article)
    corpus31 = Path(__file__).parent / "clean_holdout27"
    page = (corpus31 / "europarl_page_charging2022.html").read_text(encoding="utf-8")
    points = ["Faster roll-out of recharging stations needed on main EU roads",
              "Easy to use and affordable recharging/refuelling", "Fewer emissions in the maritime sector"]
    assert _clip_lines(tmp_path, "page.html", page)[:3] == points


def test_a_tab_labelled_gallery_heads_no_section() -> None:
    tabs = "<ul><li>Video</li><li>Photo</li><li>Gallery</li></ul>"
    caption = "<p><a href='/p/1'>The chief minister also urged partymen to follow her and warned them of groupism.</a></p>"
    assert "The chief minister also urged partymen to follow her and warned them of groupism." in _kept(
        _paragraphs(_STORY) + tabs + caption)


def test_a_list_items_bold_label_is_no_menu_entry() -> None:
    item = ("<ul><li><strong>Business</strong><br>We don't know how to convince the business side of student "
            "papers that they should invest in the web.</li></ul>")
    assert "Business" in _kept(_paragraphs(_STORY) + item)


def test_a_list_of_other_stories_cards_with_source_age_and_counter_goes() -> None:
    cards = []
    for k, outlet in enumerate(("鏡新聞", "民視", "三立新聞網 setn.com", "中時新聞網")):
        cards += [f"Reactions{80 + k}", f"{outlet}·{k + 2} 小時前", f"其他新聞標題第{k}則 市府回應了",
                  "這是另一則新聞的導言，" * 12 + "記者在現場看到許多民眾排隊。"]
    story = [f"{lead} {t[0].lower()}{t[1:]}" for lead in ("In March,", "Later,", "By June,") for t in _STORY]
    cleaned = _clean(_paragraphs(story) + _paragraphs(cards))
    assert to_plain_lines(cleaned.html) == story
    assert {_rules(cleaned)[t] for t in cards} == {"doc:card-list"}
