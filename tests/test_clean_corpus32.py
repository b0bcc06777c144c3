"""Issue 8: what the development parts of corpora 31 and 30 and 32 taught -- how a saved page
is read (a heading's anchor id that spells its words, a portal's ``post_body`` beside a longer
disclaimer), the article's own lines that rules took (a subheading over its introduced list,
a date-only "originally published" note, a sentence-case heading over the summary), and the
notes and boxes around it (a press release's "About X" box, a government page's disclosure
table, a page's date with its source, share and ad labels, counters, a glued "Published:",
a footnote's back-link)."""

from __future__ import annotations

from pathlib import Path

from cleaning_fixtures import _STORY, _TITLE, P1, P2, P3, _clean, _clip_lines, _kept, _paragraphs, _rules

from digest.cleaning import to_plain_lines

def _page(body: str, title: str = _TITLE) -> str:
    return (f"<!DOCTYPE html><html><head><title>{title} | Example Post</title></head><body>"
            f"<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><h1>{title}</h1>{body}"
            f"<footer>Copyright 2024 Example Post</footer></body></html>")


def test_a_headings_anchor_that_spells_its_words_is_no_chrome_mark(tmp_path: Path) -> None:
    heading = "What share of residents use the walk and how does that vary?"
    body = ("<div class='entry'>" + _paragraphs(_STORY[:2])
            + "<h2 id='what-share-of-residents-use-the-walk-and-how-does-that-vary'>" + heading + "</h2>"
            + _paragraphs(_STORY[2:]) + "</div>")
    assert heading in _clip_lines(tmp_path, "page.html", _page(body))
    # (a box whose own class says share still goes)
    shared = body.replace("</div>", "<div class='share-tools'><p>Share this story with friends</p></div></div>")
    assert "Share this story with friends" not in _clip_lines(tmp_path, "page.html", _page(shared))


def test_a_portals_post_body_beats_a_longer_disclaimer_below_it(tmp_path: Path) -> None:
    # (a development page of corpus 32, NetEase's: an article of short lines in "post_body",
    # the platform's notice in "post_statement" holding more paragraph text)
    corpus32 = Path(__file__).parent / "clean_holdout28"
    page = (corpus32 / "sgyezi_page_ntu.html").read_text(encoding="utf-8")
    expected = (corpus32 / "sgyezi_page_ntu.expected.txt").read_text(encoding="utf-8").splitlines()
    assert _clip_lines(tmp_path, "page.html", page)[:8] == expected[:8]


def test_a_subheading_over_a_sentence_that_introduces_linked_items_stays() -> None:
    section = ["Moving meditations",
               "Yes, movement can be meditative! Moving meditations are those that occur while you do another activity, like:"]
    items = "<ul>" + "".join(f"<li><a href='/{w.lower()}'>{w}</a></li>" for w in ("Tai chi", "Walking", "Yoga")) + "</ul>"
    kept = _kept(_paragraphs(_STORY) + "<h3>Moving meditations</h3>" + _paragraphs(section[1:]) + items
                 + _paragraphs(["Any of these can calm the mind when done with attention, the instructors said."]))
    assert all(t in kept for t in [*section, "Tai chi", "Walking", "Yoga"])
    # (under a list's own heading the links are other stories)
    promo = _kept(_paragraphs(_STORY) + "<h3>Must Read</h3>"
                  + _paragraphs(["Don't have a pass already? How about a free trial? It gets you all of these:"]) + items)
    assert "Tai chi" not in promo


def test_a_date_only_originally_published_note_stays_a_place_goes() -> None:
    kept = _kept(_paragraphs(_STORY) + _paragraphs(["(Originally published on 11/18/2015)",
                                                    "This article was originally published on The Conversation."]))
    assert "(Originally published on 11/18/2015)" in kept
    assert "This article was originally published on The Conversation." not in kept


def test_a_sentence_case_heading_over_the_summary_stays_a_section_label_goes() -> None:
    assert _kept(_paragraphs(["At a glance", *_STORY]))[0] == "At a glance"
    assert _kept(_paragraphs(["Singapore", *_STORY]))[0] == _STORY[0]


def test_a_press_releases_about_box_goes_an_explainers_closing_section_stays() -> None:
    box = ["【關於聯合國難民署】",
           "聯合國難民署於1950年12月14日由聯合國大會創立。聯合國難民署負責指導和協調全球行動、保護難民並尋求難民問題解決方案。"]
    cleaned = _clean(P1 + P2 + P3 + "<p>我們呼籲各方持續支援。</p>" + _paragraphs(box))
    assert {_rules(cleaned)[t] for t in box} == {"box:about"}
    # (a closing section explaining the subject is the article's)
    section = ["【關於颱風】", "颱風是一種熱帶氣旋，中心附近最大風速達每秒17.2公尺以上。"]
    assert _kept(P1 + P2 + P3 + "<p>氣象署提醒民眾做好防颱準備。</p>" + _paragraphs(section))[-2:] == section


def test_a_government_pages_disclosure_table_goes_a_notices_own_fields_stay() -> None:
    table = ["索 引 号：", "生成日期：", "公开方式：", "主动公开", "公开范围：", "面向全社会", "责任部门："]
    cleaned = _clean(P1 + _paragraphs(table) + P2 + P3)
    assert {_rules(cleaned)[t] for t in table} == {"meta:disclosure-fields"}
    notice = ["發文日期：中華民國112年11月28日", "發文字號：金管銀國字第11202737042號"]
    assert _kept(_paragraphs(notice) + P1 + P2 + P3)[:2] == notice


def test_a_pages_date_with_its_source_goes_a_timelines_item_stays() -> None:
    stamps = ["2018-03-26 08:01:14 封面新闻", "2012-07-19 14:11:50 未知", "日本通·2011-06-22 12:47:19·文化",
              "http://www.socang.com 2012-06-08 13:10 来源：新浪收藏"]
    cleaned = _clean(_paragraphs(stamps) + P1 + P2 + P3)
    assert {_rules(cleaned)[t] for t in stamps} == {"meta:date-source"}
    item = "2019年12月8日 武汉报告首例不明原因肺炎病例，随后多家医院陆续收治类似病人。"
    assert item in _kept(P1 + _paragraphs([item]) + P2 + P3)


def test_share_and_ad_labels_counters_and_a_comment_invitation_go() -> None:
    notes = {"发送电子邮件": "prompt:share-bar", "Stumble Upon": "prompt:share-bar", "新浪微博": "prompt:share-bar",
             "打印 字号:T| T": "prompt:share-bar", "链接复制成功": "prompt:share-bar", "首赞": "prompt:share-bar",
             "by Taboolaby Taboola": "ad:marker", "Sponsored LinksSponsored Links": "ad:marker",
             "10万+阅读": "meta:counter", "访问量：1632": "meta:counter", "立即捐贈": "prompt:donate",
             "各位读者对这个故事有什么想法呢？欢迎“写留言”分享给我们～": "prompt:comment-invite",
             "获取当天的突发新闻和长篇阅读。注册接收我们的晚报时事通讯。": "prompt:newsletter"}
    cleaned = _clean(P1 + P2 + P3 + _paragraphs(list(notes)))
    assert {t: _rules(cleaned)[t] for t in notes} == notes
    assert "市民踴躍捐款，三天共籌得兩百萬元。" in _kept(P1 + "<p>市民踴躍捐款，三天共籌得兩百萬元。</p>" + P2 + P3)


def test_page_fields_with_empty_labels_tags_and_first_published_lines_go() -> None:
    notes = {"党总支： 科室： 作者：周婷 时间：2012/4/11 15:20:12 点击数：10738": "meta:page-fields",
             "News Tags: Technology, Patent, Starbucks, Order Processing, Apple": "nav:tags",
             "First Published: Friday, September 06, 2013, 17:31": "meta:updated",
             "發布時間／ 2023-11-29": "meta:updated",
             "date: 2025-07-31, updated: 2025-07-31, from: Marianas Variety": "meta:fields-en",
             "ALDEN WILLIAMS/STUFF": "credit:photo-agency", "Tanja Ivanova//Getty Images": "credit:photo-agency",
             "重要提示文章部分内容及图片来源于网络，我们尊重作者版权，若有疑问可与我们联系。": "rights:portal-notice"}
    cleaned = _clean(P1 + P2 + P3 + _paragraphs(list(notes)))
    assert {t: _rules(cleaned)[t] for t in notes} == notes


def test_a_glued_published_label_after_a_byline_and_a_footnotes_back_link_are_cut() -> None:
    byline = "By Korin MillerPublished: Jan 29, 2025"
    note = "The 2021 survey did not include questions on gender identity. ↩︎"
    kept = _kept(_paragraphs([byline, *_STORY, note]))
    assert kept[0] == "By Korin Miller"
    assert kept[-1] == "The 2021 survey did not include questions on gender identity."
    assert to_plain_lines(_clean(_paragraphs(_STORY)).html) == _STORY
