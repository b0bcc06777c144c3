"""Issue 3: reading raw clippings of every supported format."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from digest.cli_clippings import clean_clipping
from digest.clipping import detect_lang, parse_date, read_clipping, source_for
from digest.errors import BuildError
from digest.render import BodyFormat

CORPUS = Path(__file__).parent / "clean_corpus"
SEEDS = CORPUS / "seeds"
TAIPEI = ZoneInfo("Asia/Taipei")
SOURCES = {"dw.com": "德国之声", "storm.mg": "風傳媒"}


def test_dw_feed_clipping() -> None:
    clip = read_clipping(SEEDS / "000_c349223e04e5fa75.txt", tz=TAIPEI, sources=SOURCES)
    assert clip.kind == "feed"
    assert clip.title == "马斯克正面怼特朗普5000亿人工智能项目： “没有足够资金”"
    assert clip.url.startswith("https://www.dw.com/zh/") and clip.url.endswith("/a-71381755")
    assert clip.date == datetime(2025, 1, 23, 19, 47, 4, tzinfo=TAIPEI)
    assert clip.date.isoformat() == "2025-01-23T19:47:04+08:00"
    assert clip.format is BodyFormat.HTML and clip.body.startswith("<div><i><br>2025-01-23T11:23:32.635Z")
    assert clip.lang == "zh-Hans" and clip.source == "德国之声"


def test_feed_timestamp_follows_the_configured_zone() -> None:
    clip = read_clipping(SEEDS / "000_c349223e04e5fa75.txt", tz=ZoneInfo("Europe/Berlin"))
    assert clip.date.isoformat() == "2025-01-23T12:47:04+01:00"


def test_storm_pasted_text() -> None:
    clip = read_clipping(SEEDS / "001_8a575b2ed5a5cc13.txt", tz=TAIPEI, sources=SOURCES, source="風傳媒")
    assert clip.kind == "text" and clip.format is BodyFormat.TEXT
    assert clip.title == "馬斯克跟川普公開唱反調!川普剛宣布與軟銀合作AI計畫,馬斯克開嗆:孫正義沒那麼多錢"
    assert clip.date.isoformat() == "2025-01-23T12:29:00+08:00"
    assert clip.url is None and clip.lang == "zh-Hant" and clip.source == "風傳媒"
    assert clip.body.startswith("2025年1月20日,馬斯克出席川普的總統就職典禮。(美聯社)\n")


@pytest.mark.parametrize("name, kind, title, date, url", [
    ("udn_page_cny_traffic.html", "page", "春節返鄉潮 北車周邊1/25起交管加開接駁車", "2025-01-23T16:05:00+08:00",
     "https://udn.com/news/story/7323/8510234"),
    ("zaobao_page_mas.html", "page", "金管局近五年来首次放宽货币政策", "2025-01-24T08:05:00+08:00",
     "https://www.zaobao.com.sg/finance/singapore/story20250124-5778421"),
    ("reuters_page_japan_exports.html", "page", "Japan's exports rise for third month on chip demand",
     "2025-01-23T08:12:00+08:00", "https://www.reuters.com/markets/asia/japans-exports-rise-third-month-2025-01-23/"),
    ("thepaper_md_shanghai_gdp.md", "frontmatter", "上海2024年GDP达5.39万亿元，同比增长5%", "2025-01-23T15:20:00+08:00",
     "https://www.thepaper.cn/newsDetail_forward_29991234"),
    ("clean_hant_md_tainan.md", "markdown", "寒假人潮湧現 台南孔廟春節推點燈祈福", "2025-01-21T14:00:00+08:00", None),
    ("caixin_feed_banks.txt", "feed", "金融监管总局：2024年末银行业总资产444.6万亿元", "2025-01-23T18:00:00+08:00",
     "https://finance.caixin.com/2025-01-23/102282345.html"),
    ("scmp_text_jobless.txt", "text", "Hong Kong jobless rate holds at 3.1% but retail unemployment rises",
     "2025-01-23T16:51:00+08:00", None),
    ("cna_sg_text_inflation.txt", "text", "Singapore core inflation eases to 1.8% in December", "2025-01-23T13:15:00+08:00", None),
    ("pts_text_hsr_nav_top.txt", "text", "高鐵春節加開255班次 1/1凌晨開放訂票", "2024-12-20T11:20:00+08:00", None),
    ("rfa_fragment_population.html", "html", None, None, None),
])
def test_formats(name: str, kind: str, title: str | None, date: str | None, url: str | None) -> None:
    clip = read_clipping(CORPUS / name, tz=TAIPEI)
    assert (clip.kind, clip.title, clip.url) == (kind, title, url)
    assert (clip.date.isoformat() if clip.date else None) == date


def test_full_page_keeps_the_article_and_reports_the_chrome() -> None:
    clip = read_clipping(CORPUS / "udn_page_cny_traffic.html")
    assert "台北市政府今天宣布" in clip.body and "北市警察局則將於重要路口" in clip.body
    assert "<h1" not in clip.body and "熱門新聞" not in clip.body and "隱私權聲明" not in clip.body
    assert "<script" not in clip.body
    rules = {rule for rule, _ in clip.removed}
    assert "page:<nav>" in rules or "page:class=nav" in rules or clip.removed


@pytest.mark.parametrize("text, lang", [
    ("川普21日宣布「Stargate」計畫,美國政府要跟軟銀、OpenAI、甲骨文等科技巨頭合作。", "zh-Hant"),
    ("特朗普宣布由软银、甲骨文以及ChatGPT开发公司OpenAI牵头，启动一个对人工智能基础设施进行巨大投资的项目。", "zh-Hans"),
    ("Japan's exports rose for a third straight month in December, driven by chips (晶片).", "en"),
])
def test_detect_lang(text: str, lang: str) -> None:
    assert detect_lang(text) == lang


@pytest.mark.parametrize("text, expected", [
    ("2025-01-23 12:29", datetime(2025, 1, 23, 12, 29, tzinfo=TAIPEI)),
    ("2025/01/23 14:32（1/23 15:10 更新）", datetime(2025, 1, 23, 14, 32, tzinfo=TAIPEI)),
    ("2025年1月23日 下午3:05", datetime(2025, 1, 23, 15, 5, tzinfo=TAIPEI)),
    ("January 24, 2025 10:55 PM", datetime(2025, 1, 24, 22, 55, tzinfo=TAIPEI)),
    ("2025-01-23T11:23:32.635Z", datetime(2025, 1, 23, 11, 23, 32, tzinfo=timezone.utc)),
    ("2025-01-23T12:29:00+09:00", datetime(2025, 1, 23, 12, 29, tzinfo=timezone(timedelta(hours=9)))),
])
def test_parse_date(text: str, expected: datetime) -> None:
    assert parse_date(text, TAIPEI) == expected


def test_source_for_matches_host_and_parents() -> None:
    assert source_for("https://www.dw.com/zh/a-1", SOURCES) == "德国之声"
    assert source_for("https://amp.dw.com/zh/a-1", SOURCES) == "德国之声"
    assert source_for("https://www.storm.mg/article/5312345", SOURCES) == "風傳媒"
    assert source_for("https://notdw.com/x", SOURCES) is None and source_for(None, SOURCES) is None


@pytest.mark.parametrize("data, reason", [
    (b"", "empty file"),
    (b"\xff\xfe\x00t\x00i", "not UTF-8"),
    (b"---\ntitle: [unclosed\n---\nbody\n", "invalid YAML frontmatter"),
])
def test_unreadable_files_are_clear_errors(tmp_path: Path, data: bytes, reason: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(BuildError) as info:
        read_clipping(path)
    assert reason in str(info.value) and str(path) in str(info.value)


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(BuildError, match="cannot read file"):
        read_clipping(tmp_path / "nope.txt")


@pytest.mark.parametrize("encoding", ["big5", "gb18030"])
def test_legacy_encodings_are_read(tmp_path: Path, encoding: str) -> None:
    text = "馬斯克跟川普公開唱反調\n\n2025-01-23 12:29\n川普21日宣布計畫，美國政府要跟軟銀合作，這是一個大新聞。\n"
    path = tmp_path / "old.txt"
    path.write_bytes(text.encode(encoding))
    clip = read_clipping(path)
    assert clip.title == "馬斯克跟川普公開唱反調" and clip.body.startswith("川普21日宣布計畫")


def test_pasted_title_below_site_chrome(tmp_path: Path) -> None:
    # site name + section label above the title, a widget between title and byline,
    # a US month/day/year date: chrome and date go, the title is found, and the
    # writer's byline stays, opening the body (it is the article's, as under the date)
    page = tmp_path / "p.txt"
    page.write_text("Skip to main content\nNEWSROOM\nCongress\nSenators split over stopgap bill\n\nAdvertisement\n\n"
                    "By Jane Doe\n09/26/2025 05:00 PM EDT\n\nSenators are divided over the bill.\n", encoding="utf-8")
    clip = read_clipping(page, tz=TAIPEI)
    assert clip.title == "Senators split over stopgap bill"
    assert clip.date == datetime(2025, 9, 26, 17, 0, tzinfo=TAIPEI)
    assert clip.body == "By Jane Doe\nSenators are divided over the bill.\n"


def test_pasted_title_printed_under_the_date_below_a_headline_list(tmp_path: Path) -> None:
    # a trending list and a headline box longer than a dozen lines, the date, then the
    # title the box listed too: the title is the line under the date, the box is chrome
    page = tmp_path / "p.txt"
    menu = "".join(f"Section {n}\n" for n in range(14))
    page.write_text(menu + "Council approves water rate rise\nFestival moves to fairgrounds\n"
                    "October 3, 2024\nCouncil approves water rate rise\nBy Jane Doe\n\nResidents will pay more.\n",
                    encoding="utf-8")
    clip = read_clipping(page, tz=TAIPEI)
    assert clip.title == "Council approves water rate rise" and clip.date is not None
    assert clip.body == "By Jane Doe\n\nResidents will pay more.\n"
    assert ("page:top-chrome", "Festival moves to fairgrounds") in clip.removed


def test_pasted_prose_above_a_date_is_no_page_head(tmp_path: Path) -> None:
    # a sentence above the date line: not chrome, so no title is taken from below it
    page = tmp_path / "p.txt"
    page.write_text("Senators met on Friday and argued about the spending bill for many hours.\nSenators split\n09/26/2025\n\n"
                    "More text.\n", encoding="utf-8")
    clip = read_clipping(page, tz=TAIPEI)
    assert clip.title is None and clip.body.startswith("Senators met on Friday")


def _feed(tmp_path: Path, body: str) -> Path:
    page = tmp_path / "f.txt"
    page.write_text("<!--1740891300000-->\n[標題](https://example.com/a/1)\n------\n\n" + body, encoding="utf-8")
    return page


@pytest.mark.parametrize("byline", ["記者林孟潔／台北報導", "鉅亨網記者魏志豪 台北", "文匯報記者 李昌鴻 深圳報道"])
def test_feed_body_opening_byline_stays_the_articles(tmp_path: Path, byline: str) -> None:
    # the labelling rules keep the reporter's byline as article text, as the pasted-page
    # reader does (it was taken as metadata before session 20)
    body = f"<div class=\"editor\"><p>{byline}</p>\n<p>水利署今日宣布減壓供水。</p></div>\n"
    clip = read_clipping(_feed(tmp_path, body))
    assert clip.removed == () and clip.body == body
    lines, _removed, _rights = clean_clipping(clip)
    assert lines[:2] == [byline, "水利署今日宣布減壓供水。"]


@pytest.mark.parametrize("lead", ["記者今日走訪災區，看到居民正在清理家園。", "〔記者林孟潔／台北報導〕水利署今日宣布減壓供水。",
                                  "（中央社記者林孟潔台北1日電）水利署今日宣布減壓供水。"])
def test_feed_body_opening_with_prose_about_a_reporter_stays(tmp_path: Path, lead: str) -> None:
    body = f"<p>{lead}</p>\n<p>第二段。</p>\n"
    clip = read_clipping(_feed(tmp_path, body))
    assert clip.body == body and clip.removed == ()


def test_pasted_page_head_after_the_date_is_metadata_but_the_byline_stays(tmp_path: Path) -> None:
    page = tmp_path / "p.txt"
    page.write_text("高溫飆38度 台北破紀錄\n\n2025-06-18 14:32\n某週刊 Media\n記者陳思妤／台北報導\n\n太平洋高壓持續增強。\n",
                    encoding="utf-8")
    clip = read_clipping(page, tz=TAIPEI)
    # the labelling rules keep the writer's byline as the article's; the outlet's name goes
    assert clip.body == "記者陳思妤／台北報導\n\n太平洋高壓持續增強。\n"
    assert clip.removed == (("page:head", "某週刊 Media"),)
    page.write_text("秤的故事\n\n2025-04-11 07:45\n\n文｜葛芸\n\n來源：某某日報\n\n上周六早上，菜場裡人很多。\n", encoding="utf-8")
    clip = read_clipping(page, tz=TAIPEI)
    assert clip.body.startswith("文｜葛芸\n")
    # a byline opening the body after a blank line is the article's (clean_corpus convention)
    page.write_text("捷運綠線核定\n2025-01-22 17:10\n\n記者陳昭宏／台中報導\n台中市政府今天宣布。\n", encoding="utf-8")
    assert read_clipping(page, tz=TAIPEI).body.startswith("記者陳昭宏／台中報導\n")


def test_pasted_dek_under_the_date_stays(tmp_path: Path) -> None:
    page = tmp_path / "p.txt"
    page.write_text("寒流來襲\n\n2025-01-22 17:10\n全台急凍 山區可能降雪\n\n中央氣象署今天發布低溫特報。\n", encoding="utf-8")
    assert read_clipping(page, tz=TAIPEI).body == "全台急凍 山區可能降雪\n\n中央氣象署今天發布低溫特報。\n"


def test_pasted_long_line_above_the_date_is_a_title_not_chrome(tmp_path: Path) -> None:
    # a long line above the dek is the title (only a "Most Read" box makes long lines chrome)
    page = tmp_path / "p.txt"
    page.write_text("Copper hits a record high as a deadly accident at a Chilean mine tightens global supply\n"
                    "Prices climbed as much as 3.1% to a record on the London Metal Exchange on Thursday morning\n"
                    "By Jane Doe\nJuly 31, 2025 at 3:41 AM\n\nCopper surged to a record.\n", encoding="utf-8")
    clip = read_clipping(page, tz=TAIPEI)
    assert "Copper hits a record high" not in str(clip.removed)
    boxed = tmp_path / "b.txt"
    boxed.write_text("Most Read from Example\nTrump Says He'll Name Fed Pick Soon, Calls Current Chair 'Too Late' Again Today\n"
                     "Copper Hits Record\n\nBy Jane Doe\nJuly 31, 2025 at 3:41 AM\n\nCopper surged to a record.\n", encoding="utf-8")
    clip = read_clipping(boxed, tz=TAIPEI)
    assert clip.title == "Copper Hits Record" and clip.body == "By Jane Doe\nCopper surged to a record.\n"


def test_page_section_label_box_is_chrome_but_the_reporter_box_is_the_byline(tmp_path: Path) -> None:
    # issue 8: the byline is article text (kept like a dateline or a caption), so a
    # box the page marks as its reporter's is no chrome
    page = tmp_path / "p.html"
    page.write_text(
        "<!DOCTYPE html><html><head><title>T</title></head><body><main><article>"
        "<div class=\"slug\"><a href=\"/s\">Shots - Health News</a></div><h1>Measles cases climb</h1>"
        "<div class=\"reporter\">記者黃韻璇／台北報導</div>"
        "<p>Measles cases climbed again this week in West Texas, officials said on Tuesday.</p>"
        "<p class=\"credit\">文｜鏡週刊財經組</p>"
        "<p>Health officials urged parents to vaccinate their children before school starts.</p>"
        "</article></main></body></html>", encoding="utf-8")
    clip = read_clipping(page, tz=TAIPEI)
    assert "Shots - Health News" not in clip.body and "記者黃韻璇／台北報導" in clip.body
    assert "文｜鏡週刊財經組" in clip.body and "Measles cases climbed again" in clip.body


def test_a_feed_body_with_only_inline_tags_or_entities_is_read_as_html(tmp_path) -> None:
    from digest.clipping import read_clipping
    from digest.render import BodyFormat

    head = "<!--1714550000000-->\n[标题](https://example.com/a)\n------\n\n"
    linked = tmp_path / "linked.txt"
    linked.write_text(head + "市议会周二通过新办法。<br><a href=\"https://example.com/a\">原文链接</a>\n", encoding="utf-8")
    assert read_clipping(linked).format is BodyFormat.HTML
    escaped = tmp_path / "escaped.txt"
    escaped.write_text(head + "The council didn&#x2019;t vote.\n", encoding="utf-8")
    clip = read_clipping(escaped)
    assert clip.format is BodyFormat.TEXT and "didn’t" in clip.body


def test_a_credit_classed_element_holding_a_whole_caption_is_the_caption(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    caption = "The mayor with the harbour master on the new pier, discussing the ferry timetable."
    page.write_text(
        "<!DOCTYPE html><html><head><title>T</title></head><body><article><h1>T</h1>"
        "<p>The council approved the new ferry timetable on Tuesday after a long debate.</p>"
        f"<p><span class=\"img\"><img src=\"a.jpg\"><span class=\"photo-credit\">{caption} (Jane Roe, Harbour Times Syndicate / Wire Service)"
        "</span></span></p><p><span class=\"photo-credit\">Jane Roe / Example Photos</span></p>"
        + "<p>Ferries will run every half hour from June, the harbour master said, and fares stay the same.</p>" * 4
        + "</article></body></html>", encoding="utf-8")
    clip = read_clipping(page, tz=TAIPEI)
    assert caption in clip.body  # a sentence, then the credit: the page's caption
    assert "page:class=photo-credit" in {rule for rule, _ in clip.removed}  # a bare credit still goes


def test_a_fragments_h1_below_its_paragraphs_is_a_section_heading(tmp_path: Path) -> None:
    fragment = tmp_path / "f.html"
    fragment.write_text("<h1>渡輪新時刻表上路</h1><p>市議會週二通過新的渡輪時刻表，六月起每半小時一班。</p>"
                        "<h1>附註</h1><p>時刻表全文見市府網站。</p>", encoding="utf-8")
    clip = read_clipping(fragment, tz=TAIPEI)
    assert "附註" in clip.body  # a heading of the article's own
    assert "渡輪新時刻表上路" not in clip.body  # the title above the first paragraph still goes


def test_what_a_page_hides_from_its_reader_is_no_text_of_the_article(tmp_path: Path) -> None:
    # issue 8 (corpus 11 development part): a byline box carries the writer's e-mail
    # address and home page in links the page hides ("hide email"), so the byline line
    # read "Jane Roe jane@example.com http://roe.example/"
    page = tmp_path / "p.html"
    read_on = "The rest of the report, which the page hides until the reader asks for it, stays the article's. " * 3
    page.write_text(
        "<!DOCTYPE html><html><head><title>T</title></head><body><article><h1>T</h1>"
        "<div class=\"byline vcard\"><a class=\"fn\" href=\"/a/roe\">Jane Roe</a> "
        "<a class=\"hide email\" href=\"mailto:jane@example.com\">jane@example.com</a> "
        "<span style=\"display: none\">http://roe.example/</span><span hidden>Staff writer</span></div>"
        "<p>The council approved the new ferry timetable on Tuesday after a long debate."
        "<span class=\"sr-only\">(opens in a new window)</span></p>"
        "<p class=\"hidden-xs\">Ferries will run every half hour from June, the harbour master said.</p>"
        "<p class=\"d-none d-md-block\">Fares stay the same for the rest of the year, the council said.</p>"
        f"<div style=\"display:none\"><p>{read_on}</p></div>"
        "</article></body></html>", encoding="utf-8")
    clip = read_clipping(page, tz=TAIPEI)
    lines = clip.body.replace("<p>", "\n").replace("</p>", "\n")
    assert "jane@example.com" not in clip.body and "roe.example" not in clip.body and "Staff writer" not in clip.body
    assert "Jane Roe" in clip.body and "opens in a new window" not in clip.body
    assert "page:hidden" in {rule for rule, _ in clip.removed}
    # hidden on phones only, shown from medium screens up, or a long hidden read-on: kept
    assert "every half hour" in lines and "Fares stay the same" in lines and read_on.strip() in lines


def _blog_page(tmp_path: Path, head_title: str, masthead: str, h1s: str, tail: str = "") -> Path:
    page = tmp_path / "blog.html"
    page.write_text(
        f"<!DOCTYPE html><html><head><title>{head_title}</title></head><body><article>"
        f"<p>{masthead}</p>{h1s}"
        "<p>市議會週二通過新的渡輪時刻表，六月起每半小時一班，票價維持不變。</p>"
        "<p>港務處表示，新時刻表將先試行三個月，再依乘客意見調整。</p>"
        f"{tail}</article></body></html>", encoding="utf-8")
    return page


def test_a_blogs_h1_that_carries_the_headline_is_the_title_not_the_sites_name_above_it(tmp_path: Path) -> None:
    # issue 8 (corpus 17 development part): a blog theme sets the site's name in an <h1>
    # above the post's own; the post's <h1> carries the <title>'s headline part
    page = _blog_page(tmp_path, "渡輪新時刻表上路 – 港邊札記 – 寫給城市的筆記", "",
                      "<h1 class=\"site-title\">港邊札記</h1><h1>\u200b渡輪新時刻表上路</h1>")
    assert read_clipping(page, tz=TAIPEI).title == "渡輪新時刻表上路"
    page = _blog_page(tmp_path, "港邊札記", "", "<h1 class=\"site-title\">港邊札記</h1><h1>渡輪新時刻表上路</h1>")
    assert read_clipping(page, tz=TAIPEI).title == "渡輪新時刻表上路"  # no headline part: the name goes by its class


def test_the_sites_name_and_motto_standing_alone_in_the_article_go_but_not_inside_a_heading(tmp_path: Path) -> None:
    page = _blog_page(tmp_path, "渡輪新時刻表上路 – 港邊札記 – 寫給城市的筆記", "港邊札記 – 寫給城市的筆記",
                      "<h1>渡輪新時刻表上路</h1>",
                      tail="<p>寫給城市的筆記</p><h2>更多來自 <span>港邊札記</span></h2>")
    clip = read_clipping(page, tz=TAIPEI)
    masthead = [text for rule, text in clip.removed if rule == "page:masthead"]
    assert masthead == ["港邊札記 – 寫給城市的筆記", "寫給城市的筆記"]
    assert "更多來自" in clip.body and "港邊札記</span>" in clip.body  # part of a heading: left to the heading rules
    assert "市議會週二通過新的渡輪時刻表" in clip.body


def test_a_headline_part_of_the_title_is_no_masthead_when_the_h1_is_the_sites_name(tmp_path: Path) -> None:
    # corpus 9: a government portal's only <h1> is its own name; the headline under it stays
    page = _blog_page(tmp_path, "渡輪新時刻表上路 - 港市政府入口網", "渡輪新時刻表上路", "<h1>港市政府網站</h1>")
    clip = read_clipping(page, tz=TAIPEI)
    assert "page:masthead" not in {rule for rule, _ in clip.removed}


@pytest.mark.parametrize("byline", ["本报记者 高桥亮 东京报道", "三木财经记者 邵安然"])
def test_a_chinese_byline_between_the_title_and_the_date_of_pasted_text_opens_the_body(tmp_path: Path, byline: str) -> None:
    page = tmp_path / "p.txt"
    page.write_text("首页\n经济\n产业\n日本百货店免税销售额创新高\n" + byline + "\n2025年12月2日 15:20\n"
                    "日本百货店协会2日公布，11月全国百货店的免税销售额同比增长38%。\n协会表示，中国游客回流是主要推动力。\n",
                    encoding="utf-8")
    clip = read_clipping(page, tz=TAIPEI)
    assert clip.title == "日本百货店免税销售额创新高"
    assert clip.body.startswith(byline + "\n")


def test_a_photo_caption_right_above_the_title_of_pasted_text_is_the_articles(tmp_path: Path) -> None:
    # session 28, blind variant 66: the lead picture's caption pasted above the title
    caption = "2025年1月18日深夜，肉身神明站上轎台，承受四面八方的鞭炮。（攝影／羅志偉）"
    page = tmp_path / "p.txt"
    page.write_text(f"首頁\n地方\n{caption}\n\n寒單爺出巡\n\n2025-01-19\n\n台東訊／記者羅志偉\n\n元宵「炸寒單」昨晚登場。\n",
                    encoding="utf-8")
    clip = read_clipping(page, tz=TAIPEI)
    assert clip.title == "寒單爺出巡"
    assert clip.body.startswith(caption + "\n")
    # the menu above the caption is still the page's
    assert [text for rule, text in clip.removed if rule == "page:top-chrome"] == ["首頁", "地方"]


def test_a_chinese_standfirst_of_two_clauses_between_the_title_and_the_date_opens_the_body(tmp_path: Path) -> None:
    # session 28, blind variant 65: short in characters, but a sentence, no byline
    dek = "坝上观雾凇热度提前到来，村民把自家空房改成了民宿。"
    page = tmp_path / "p.txt"
    page.write_text(f"冬季到坝上看雾凇，这些村子已经住满了\n{dek}\n记者 乔嘉木 发自张北\n2026年12月03日 09:12\n"
                    "入冬以来，坝上草原的雾凇比往年提前了半个月出现。\n", encoding="utf-8")
    clip = read_clipping(page, tz=TAIPEI)
    assert clip.body.startswith(f"{dek}\n记者 乔嘉木 发自张北\n")
    # a short line with no clause in it is no standfirst
    page.write_text("冬季到坝上看雾凇，这些村子已经住满了\n本网独家稿件请勿转载。\n2026年12月03日 09:12\n入冬以来，雾凇提前出现。\n", encoding="utf-8")
    assert "本网独家稿件" not in read_clipping(page, tz=TAIPEI).body


def test_the_headline_seen_again_under_a_list_of_headlines_is_the_title_over_its_dek(tmp_path: Path) -> None:
    # session 28, blind variant 70: the dek has no full stop and sits where the title
    # would; the headline above it was printed before in the page's list of headlines
    title = "槟岛小贩中心租金上调 摊主：不敢转嫁顾客"
    dek = "熟食摊位月租从180令吉调至260令吉，市政局称是十年来首次调整"
    page = tmp_path / "p.txt"
    page.write_text(f"首页\n地方\n{title}\n吉礁稻农盼收购价调涨\n首页 > 地方 > 北马\n{title}\n{dek}\n报道：邱佩珊\n"
                    "2025年10月7日 上午11:30\n（槟城7日讯）槟岛市政局宣布，从明年1月起调高摊位租金。\n", encoding="utf-8")
    clip = read_clipping(page, tz=TAIPEI)
    assert clip.title == title
    assert clip.body.startswith(f"{dek}\n报道：邱佩珊\n")
