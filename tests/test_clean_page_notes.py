"""Issue 8: what corpus 29's development part taught -- markup and page notes that are no
text (a feed's comment, a CMS's page break, registration numbers, a theme's "posted in"
line), the article's own lines that rules took (a standfirst without its stop, a
subheading that opens with "Next", a caption that names a platform, a list of the
article's resources, a subheading whose id names in-page navigation), and the boxes and
lists around the article (a donation box that gives a PayPal address, a ranking of
other stories with cut-short blurbs, a related white paper, a bio that says the name
twice)."""

from __future__ import annotations

from pathlib import Path

from cleaning_fixtures import P1, P2, P3, _clean, _clip_lines, _kept, _rules

_STORY = [
    "The council voted on Tuesday to reopen the harbour walk after two years of repairs.",
    "Officials said the path would be open from dawn to dusk, with lighting added next spring.",
    "Residents had complained for months that the closure cut the town off from its beach.",
    "The work cost about $4 million, twice the first estimate, the mayor's office said.",
]


def _paragraphs(lines: list[str]) -> str:
    return "".join(f"<p>{t}</p>" for t in lines)


def _text(html: str) -> list[str]:
    return [t.strip() for t in __import__("re").sub(r"<[^>]+>", "\n", html).split("\n") if t.strip()]


# ---------------------------------------------------------------------------
# Markup and page notes that are no text
# ---------------------------------------------------------------------------

def test_a_feed_descriptions_comment_is_markup(tmp_path: Path) -> None:
    clip = ("<!--1580941009000-->\n[Resting heart rate varies](https://example.org/a)\n------\n\n"
            "A person&#039;s resting heart rate is fairly consistent over time, the analysis found. <!-- more -->\n")
    assert _clip_lines(tmp_path, "feed.txt", clip) == [
        "A person's resting heart rate is fairly consistent over time, the analysis found."]


def test_a_cms_page_break_glued_to_a_paragraph_goes() -> None:
    cleaned = _clean(P1 + "<p>然而供肝来源匮乏，极大限制了肝移植的发展。#p#副标题#e#</p>" + P2)
    assert "然而供肝来源匮乏，极大限制了肝移植的发展。" in _text(cleaned.html)
    assert ("meta:cms-page-break", "#p#副标题#e#") in [(r.rule, r.text) for r in cleaned.removed]


def test_registration_numbers_in_a_footer_go_and_a_sentence_about_them_stays() -> None:
    notes = ["京ICP备12345678号-1 | 京公网安备 11010502030183号", "国内统一刊号：CN43-0057",
             "互联网新闻信息服务许可证：11120170006"]
    sentence = "<p>国内统一刊号是报刊的身份证，没有刊号的出版物不得发行。</p>"
    cleaned = _clean(P1 + P2 + sentence + P3 + _paragraphs(notes))
    assert {_rules(cleaned)[t] for t in notes} == {"meta:registration"}
    assert "国内统一刊号是报刊的身份证，没有刊号的出版物不得发行。" in _text(cleaned.html)


def test_a_themes_date_and_section_line_goes() -> None:
    cleaned = _clean("<p>Feb 25, 2023 发表在 多元与共融</p>" + P1 + P2 + P3)
    assert _rules(cleaned)["Feb 25, 2023 发表在 多元与共融"] == "meta:posted-in"


# ---------------------------------------------------------------------------
# The article's own lines
# ---------------------------------------------------------------------------

def test_a_subheading_that_opens_with_next_stays_and_a_pager_still_goes() -> None:
    text = _STORY[:2] + ["Next steps"] + _STORY[2:]
    assert _kept(_paragraphs(text)) == text
    cleaned = _clean(_paragraphs(_STORY + ["Next article: Harbour walk lights switched on"]))
    assert _rules(cleaned)["Next article: Harbour walk lights switched on"] == "nav:back-to-top"


def test_a_line_ending_with_its_pictures_credit_is_no_follow_prompt() -> None:
    caption = "因为出众的外貌和演技，Rose获得了许多关注（图片来源：脸书）"
    assert caption in _kept(P1 + P2 + f"<p>{caption}</p>" + P3)
    # (a prompt with a credit-like ending that opens as an imperative still goes)
    prompt = "请关注我们的脸书专页（图片来源：本站）"
    assert prompt not in _kept(P1 + P2 + P3 + f"<p>{prompt}</p>")


def test_a_list_of_the_articles_resources_keeps_its_video_item() -> None:
    items = ['<a href="https://github.com/llnl/cardioid">Cardioid on GitHub</a> - for best results, compile with '
             '<a href="https://github.com/spack/spack">Spack</a>',
             'Video: <a href="https://www.youtube.com/watch?v=1">The Cardioid Project: Simulating the Human Heart</a>',
             '<em>Science &amp; Technology Review</em> article: <a href="https://str.llnl.gov/a">Venturing into the Heart '
             'of High-Performance Computing Simulations</a>']
    html = _paragraphs(_STORY) + "<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>"
    kept = _kept(html)
    assert "Video: The Cardioid Project: Simulating the Human Heart" in kept
    assert len(kept) == len(_STORY) + len(items)


def _page(header: str, body: str) -> str:
    return (f"<!DOCTYPE html><html><head><title>A closer look at solar fuel</title></head><body>"
            f"<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article><header>{header}</header>"
            f"{body}</article><footer>Copyright 2020 Example Lab</footer></body></html>")


def test_a_standfirst_without_its_stop_stays(tmp_path: Path) -> None:
    deck = ("Scientists at the lab and the joint centre zero in on bismuth vanadate's role in "
            "renewable energy at the nanoscale")
    header = (f"<div>News Release <time>6-Aug-2020</time></div><h1>A closer look at solar fuel</h1>"
              f"<p class='subtitle'>{deck}</p><a href='/guidelines'>Peer-Reviewed Publication</a>"
              "<p class='meta_institute'>DOE/Lawrence Berkeley National Laboratory</p>"
              "<div class='toolbar'><p>Share</p><p>Print</p><p>E-mail</p></div>"
              "<figure><img src='a.jpg'><figcaption>Two scientists at the microscope in the lab. Credit: Jane Roe/Example Lab</figcaption></figure>")
    lines = _clip_lines(tmp_path, "page.html", _page(header, _paragraphs(_STORY)))
    assert deck in lines
    assert lines[-len(_STORY):] == _STORY


def test_a_subheading_whose_id_names_navigation_stays(tmp_path: Path) -> None:
    body = (_paragraphs(_STORY[:2]) + '<div class="ring"><h3 class="heading" id="nav-ring-14">Chemical interference</h3></div>'
            + _paragraphs(_STORY[2:]))
    lines = _clip_lines(tmp_path, "page.html", _page("<h1>A closer look at solar fuel</h1>", body))
    assert "Chemical interference" in lines


# ---------------------------------------------------------------------------
# Boxes and lists around the article
# ---------------------------------------------------------------------------

def test_a_donation_box_that_gives_a_paypal_address_goes() -> None:
    box = ["Please help us out :", "Will you offer us a hand? Every gift, regardless of size, fuels our future.",
           "Your critical contribution enables us to maintain our independence from wealthy owners.",
           "You can support us for as little as $1 via PayPal at office@example-news.com.", "Thank you."]
    html = _paragraphs(_STORY[:2] + box + _STORY[2:])
    assert _kept(html) == _STORY
    assert {_rules(_clean(html))[t] for t in box} == {"box:appeal"}


def test_a_ranking_of_other_stories_with_cut_short_blurbs_goes_under_the_article(tmp_path: Path) -> None:
    story = ["北京商报讯（记者 吴其芸）9月20日，记者从国家互联网信息办公室获悉，有关部门对一批App进行了检测。",
             "其中，6款App未公开个人信息收集使用规则，4款App强制或频繁索要非必要权限。",
             "相关App运营者应当于本通报发布之日起的15个工作日内完成整改，并将整改情况报本办。"]
    tail = ["深蓝智库", "企业社会责任峰会", "智慧康养论坛", "十大商业品牌", "商业高峰论坛", "金融业十大品牌", "酒业价值榜",
            "餐饮十大品牌", "@北京商报", "新闻排行",
            "01", "湖南三湘银行另类揽储", "当存款利率进入持续下行通道，民营银行曾经...",
            "02", "谷子经济“算细账”", "不到十天两轮公告，知名连锁谷店品牌GOODSL...",
            "03", "平台支付实测：月付仍", "继9月15日“平台月付将退出支付选项”冲上...",
            "04", "一汽拟成广汽第二大股", "9月14日晚间，广汽集团宣布，与中国第一汽...",
            "友情链接", "|", "合作伙伴", "北京日报", "北京晚报"]
    text = "App未公开个人信息被通报\n\n2026-09-20\n\n" + "\n".join(["A 大 中 小", "收藏", "分享", "手机网页版", *story, *tail]) + "\n"
    assert _clip_lines(tmp_path, "pasted.txt", text) == story


def test_a_related_white_paper_in_the_article_goes() -> None:
    text = _STORY[:2] + ["RELATED WHITEPAPER", "A comprehensive overview of the European cryptocurrency market"] + _STORY[2:]
    assert _kept(_paragraphs(text)) == _STORY


def test_a_pages_code_and_channel_doors_and_more_on_its_channel_go() -> None:
    junk = ["扫码查看", "进入频道", "更多內容請關注臺灣頻道>>"]
    html = P1 + P2 + P3 + _paragraphs(junk)
    assert _kept(html) == _text(P1 + P2 + P3)


def test_a_bio_that_says_the_writers_name_twice_goes() -> None:
    bio = "Nazlee Arbee  Nazlee Arbee is a multimedia artist and journalist based in Cape Town, South Africa."
    cleaned = _clean(_paragraphs(_STORY + [bio]))
    assert _rules(cleaned)[bio] == "box:author-bio"


def test_read_the_writers_other_works_goes() -> None:
    cleaned = _clean(P1 + P2 + P3 + "<p>阅读的其他作品</p>")
    assert _rules(cleaned)["阅读的其他作品"] == "list:more-articles-zh-short"


# ---------------------------------------------------------------------------
# Blind variants 101 and 103 (tests/clean_cases/2026-12-07e)
# ---------------------------------------------------------------------------

def test_a_box_score_under_its_subheading_below_an_ad_box_is_the_article() -> None:
    text = ["海港勇士昨晚在主場以104比97擊敗山城獵鷹，取得本季首度三連勝。",
            "二十一歲的新秀後衛陳冠廷全場攻下28分，其中第四節獨得12分，是球隊逆轉的關鍵。",
            "勇士總教練賴志遠說，暫停時他只要求球員「先把籃板抓回來」。"]
    score = ["陳冠廷：28分、5助攻", "吳澤宇：16分、11籃板", "山城獵鷹 馬丁尼茲：31分"]
    last = "勇士下週將連續兩個客場，先後挑戰聯盟龍頭北城雷霆與南港鯨魚。"
    html = (_paragraphs(text) + "<aside><p>廣告</p><p>下載東岸體育 App，即時比分推播不漏接</p></aside>"
            + "<h2>本場數據</h2><ul>" + "".join(f"<li>{t}</li>" for t in score) + "</ul>" + _paragraphs([last])
            + "<p><strong>更多職籃新聞 →</strong> <a href='https://example.org/b'>前往籃球專區</a></p>")
    assert _kept(html) == [*text, "本場數據", *score, last]


def test_you_may_be_interested_heads_an_appended_article() -> None:
    other = ["大學聯合招生辦法今年起容許考生在放榜後調整首三個志願，自資院校第一輪取錄人數較去年增加一成半。",
             "多間自資院校表示，今年報讀護理和社工課程的學生明顯增加，部分課程的收生分數較去年提高。",
             "有升學顧問提醒，考生調整志願前應先了解課程的學費和資助安排，不要只看收生分數。"]
    html = P1 + P2 + P3 + "<hr><p><strong>你或許也有興趣</strong></p><h3>聯招改制首年：自資學位課程收生創新高</h3>" \
        + "<p>2025年7月10日</p>" + _paragraphs(other)
    assert _kept(html) == _text(P1 + P2 + P3)


def test_a_download_button_alone_goes_and_an_open_the_app_step_stays() -> None:
    cleaned = _clean(P1 + P2 + '<div class="app-promo"><p><a href="https://example.org/app">立即下载</a></p></div>' + P3)
    assert _rules(cleaned)["立即下载"] == "prompt:share-bar"
    # ("open the app" is a how-to's step as often as a promo: it stays)
    step = "打开 Raycast App，在设置里找到快捷键一栏，把它改成 Option + 空格。"
    assert step in _kept(P1 + f"<p>{step}</p>" + P2 + P3)


def test_a_clipping_tools_saved_through_an_extension_line_goes() -> None:
    note = "已透過「拾頁剪報」擴充功能儲存｜2026/03/02 22:14｜原網址 https://courtside.example/p/88213"
    cleaned = _clean(f"<p>{note}</p>" + P1 + P2 + P3)
    assert _rules(cleaned)[note] == "edge:provenance-header"


def test_an_about_box_over_the_accounts_it_lists_goes_whole(tmp_path: Path) -> None:
    # (blind variant 101's case; its column slogan over the article is left alone)
    case = Path(__file__).parent / "clean_cases" / "2026-12-07e" / "self-promo-box-in-sentences-101"
    kept = _clip_lines(tmp_path, "input.txt", (case / "input.txt").read_text(encoding="utf-8"))
    box = ["我們為什麼做「教室外的台灣」", "這個專欄由三位曾在偏鄉任教的前老師發起，我們想記錄那些不常被看見的學校。",
           "每一篇報導都需要我們上山下海、住進部落，也需要讀者的支持才能走下去。"]
    assert not set(box) & set(kept)
    assert (case / "expected.txt").read_text(encoding="utf-8").splitlines() == [ln for ln in kept if ln in set(
        (case / "expected.txt").read_text(encoding="utf-8").splitlines())]
