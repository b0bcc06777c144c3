"""Issue 8: what read-later apps, research accounts and archive cards leave around a
post (corpus 26's development part and blind variants 93 and 95), and the article
text next to it that must stay."""

from __future__ import annotations

from pathlib import Path

from digest.cleaning import to_plain_lines
from digest.cli_clippings import clean_clipping
from digest.clipping import DEFAULT_TZ, read_clipping
from digest.render import body_to_html

from cleaning_fixtures import P1, P2, P3, _clean, _clip_lines, _kept, _rules



# --- Markdown written by HTML-to-Markdown converters -------------------------------------

def test_two_bold_spans_written_edge_to_edge_read_as_one() -> None:
    assert body_to_html("**Sarah Guo ：****你会怎么定义 Notion？**").strip() == \
        "<p><strong>Sarah Guo ：你会怎么定义 Notion？</strong></p>"
    assert body_to_html("**1.1****紧迫性增强**").strip() == "<p><strong>1.1紧迫性增强</strong></p>"
    # a mask of a word or a number stays as written
    assert "f****k" in body_to_html("他说**f****k**了")
    assert "139****1234" in body_to_html("**电话139****1234**")
    assert "****" in body_to_html("```\n**a：****b**\n```")


# --- the read-later app's header and footer -----------------------------------------------

def test_a_header_of_the_saved_pages_host_and_names_goes() -> None:
    header = "<p><a href='https://mp.weixin.qq.com/s/abc'>mp.weixin.qq.com</a>周彭 张文朗 中金点睛</p>"
    cleaned = _clean(header + P1 + P2)
    assert _rules(cleaned)["mp.weixin.qq.com周彭 张文朗 中金点睛"] == "edge:provenance-header"
    # pasted, the link's text runs into the names; an account named "…说" is no report
    assert _kept("<p>mp.weixin.qq.com小戏 夕小瑶科技说</p>" + P1 + P2) == _kept(P1 + P2)
    # a sentence that names a host stays
    line = "<p>example.com网站昨天宣布关闭，用户须在月底前下载资料。</p>"
    assert "example.com网站昨天宣布关闭，用户须在月底前下载资料。" in _kept(line + P1 + P2)


def test_the_apps_link_back_to_its_copy_goes() -> None:
    assert _rules(_clean(P1 + P2 + "<p><a href='https://cubox.example/c/1'>跳转到 Cubox 查看</a></p>")) == {
        "跳转到 Cubox 查看": "nav:open-in-app"}


def test_an_address_the_line_above_introduces_is_the_articles() -> None:
    kept = _kept(P1 + "<p>论文链接：</p><p>https://arxiv.org/abs/2304.10149</p><p>从协同过滤到 ChatGPT</p>" + P2)
    assert kept[1:4] == ["论文链接：", "https://arxiv.org/abs/2304.10149", "从协同过滤到 ChatGPT"]
    # alone, a bare address under the article is still a link the page printed
    assert "https://example.com/post/1" not in _kept(P1 + P2 + "<p>https://example.com/post/1</p>")


# --- WeChat's cards -----------------------------------------------------------------------

def test_an_accounts_card_inside_a_post_goes() -> None:
    card = "<p><strong>有新Newin</strong></p><p>无限向新力。</p><p>632篇原创内容</p><p>公众号</p><p>，</p>"
    kept = _kept(P1 + card + P2 + P3)
    assert kept == _kept(P1 + P2 + P3)
    # without the counter, a short line is the article's
    assert "无限向新力。" in _kept(P1 + "<p>无限向新力。</p>" + P2)


def test_a_documents_record_printed_around_it_goes() -> None:
    record = ("<p>标题： 老师逼学生发毒誓</p><p>发表日期： 2024.1.9</p><p>来源： 微信公众号“四环青年”</p>"
              "<p>主题归类： 中国教育</p><p>CDS收藏： 公民馆</p>")
    assert _kept(P1 + P2 + record) == _kept(P1 + P2)
    # an article's own facts never name its title as a field: without one, no record
    facts = record.replace("<p>标题： 老师逼学生发毒誓</p>", "")
    assert "meta:field-block" not in _rules(_clean(P1 + P2 + facts)).values()


def test_account_masthead_reading_count_and_opinion_notice_go() -> None:
    lines = ["量子位 | 公众号 QbitAI", "第 7787 篇深度好文：5935字 | 15 分钟阅读", "文章为作者独立观点，不代表笔记侠立场。"]
    cleaned = _clean("".join(f"<p>{t}</p>" for t in lines) + P1 + P2)
    assert set(_rules(cleaned)) == set(lines)


# --- a broker's research note -------------------------------------------------------------

def test_a_research_notes_risks_are_its_own_text() -> None:
    risks = "风险提示：美联储紧缩力度超预期、美元强势超预期、日本出口恢复弱于预期。"
    assert risks in _kept(f"<p>{risks}</p>" + P1 + P2)


def test_analysts_licences_and_the_notes_source_go() -> None:
    tail = ["<strong>Source</strong>", "<strong>文章来源</strong>", "本文摘自：2023年9月11日已经发布的《8月政策力度增强，存量房市场活跃度提升》",
            "李昊 分析员 SAC 执证编号：S0080522070007 SFC CE Ref：BSI853", "证券分析师：贾东旭 王胜",
            "内容节选自申万宏源宏观研究报告："]
    assert _kept(P1 + P2 + P3 + "".join(f"<p>{t}</p>" for t in tail)) == _kept(P1 + P2 + P3)
    # above the last kept line, a plain line is no heading: it may be the article's last
    assert _kept(P1 + P2 + "<p>全文完</p><p>本文摘自：《某报告》</p>") == _kept(P1 + P2)
    assert "谢谢大家" in _kept(P1 + P2 + "<p>谢谢大家</p><p><strong>文章来源</strong></p><p>本文摘自：《某报告》</p>")
    # a researcher quoted by the article stays
    assert "研究员：我认为市场会好转。" in _kept(P1 + "<p>研究员：我认为市场会好转。</p>" + P2)


def test_a_legal_notice_closing_the_page_goes_whole() -> None:
    notice = ("<p><strong>Legal Disclaimer</strong></p><p><strong>法律声明</strong></p><p>特别提示</p>"
              "<p>本公众号不是中国国际金融股份有限公司研究报告的发布平台。本公众号只是转发中金公司已发布研究报告的部分观点。</p>"
              "<p>本公众号所载信息、意见不构成所述证券或金融工具买卖的出价或征价。</p><p>一般声明</p>"
              "<p>在法律许可的情况下，中金公司可能与本资料中提及公司正在建立业务关系。</p>")
    assert _kept(P1 + P2 + P3 + notice) == _kept(P1 + P2 + P3)
    # a section under such a heading that reports goes on being the article's
    section = "<p>特别提示</p><p>市政府提醒市民，台风期间不要前往海边。</p>"
    assert "市政府提醒市民，台风期间不要前往海边。" in _kept(P1 + P2 + section)


def test_headings_over_headings_over_removed_lines_go() -> None:
    cleaned = _clean(P1 + P2 + P3 + "<p><strong>Source</strong></p><p><strong>文章来源</strong></p>"
                     "<p>本文摘自：2024年6月13日已经发布的《M1的口径与经济含义》</p>")
    assert to_plain_lines(cleaned.html) == _kept(P1 + P2 + P3)
    assert _rules(cleaned)["Source"] == "doc:orphan-heading"


def test_a_weeklys_section_heading_over_its_first_item_is_the_articles(tmp_path: Path) -> None:
    items = "\n\n".join(f"**{name}**  \n<https://{host}/post/{n}>  \n{blurb}" for n, (name, host, blurb) in enumerate([
        ("XRender 2.0 正式发布啦！", "juejin.example", "终于经过差不多半年时间，XRender 重构以后，性能更好，也更美观，很值得一试。"),
        ("Rust 编译器源码概要", "catcoding.example", "一个 Rust 程序是如何从源文件编译为二进制文件的？"),
        ("ChatGPT 是如何制作出来的?", "review.example", "一个和 OpenAI 的联合创始人的访谈，关于 ChatGPT 诞生和技术内幕。")]))
    md = ("---\ntitle: 第 121 期 - STANLEY\n---\n\n<img src=\"https://img.example/121.jpg\" width=\"800\" />\n\n"
          "<small>封面来源于周末寻觅咖啡店，在西溪这边找到一家咖啡店。</small>\n\n"
          "> **记录每周看到的接地气的前端潮流技术，筛选后发布于此，觉得不错可关注此专栏，方便获取更新通知**\n\n"
          "## 技术相关\n\n" + items + "\n")
    kept = _clip_lines(tmp_path, "weekly.md", md)
    assert kept[kept.index("技术相关") + 1] == "XRender 2.0 正式发布啦！"


def test_a_related_heading_of_works_owns_its_numbered_list() -> None:
    items = "".join(f"<p>{n}.</p><p>{t}</p>" for n, t in enumerate(
        ["神网站PaperWithoutCode：举报无法复现的论文", "NLP哪个细分方向最具社会价值？", "忘掉Xavier初始化吧！"], 1))
    assert _kept(P1 + P2 + P3 + "<p>作品推荐</p>" + items) == _kept(P1 + P2 + P3)


def test_a_taiwan_follow_prompt_that_tunes_in_goes() -> None:
    assert _rules(_clean(P1 + P2 + "<p>更多地方新聞請鎖定南方快報官方帳號</p>")) == {
        "更多地方新聞請鎖定南方快報官方帳號": "promo:more-news"}


# --- English pages (blind variants 93 and 95) ---------------------------------------------

def test_a_newsletter_box_that_fills_the_inbox_goes() -> None:
    paras = "".join(f"<p>Paragraph {n} of the report says what the state agency decided this week, and why.</p>"
                    for n in range(3))
    box = ("<h4>Get the Grid Report in your inbox</h4><p>Our free weekly newsletter covers Vermont's energy "
           "transition, from rate cases to rooftops. Sign up today.</p><p>Subscribe</p>")
    tail = ("<p><strong>Never miss a story about Ohio's energy future.</strong> The Current Weekly brings our best "
            "reporting to your inbox every Friday morning. <a href='https://x.example/n'>Sign up for free</a>.</p>"
            "<p><a href='https://x.example/a'>More by Maya Okafor</a></p>")
    assert _kept(paras + box + paras + tail) == _kept(paras + paras)


def test_why_we_write_the_column_is_the_outlets_box() -> None:
    paras = "".join(f"<p>Farmers supplying the dairy will be paid {n}p a litre less from January, the company said.</p>"
                    for n in range(1, 4))
    box = ("<p>Why we write Field Notes</p><p>Field Notes is the Gazette's weekly page on farming and rural life.</p>"
           "<p>Each week we spend a day on a different farm, and we try to explain what you pay at the till.</p>")
    quote = "<p>\"We've cut the herd twice already,\" said farmer Tom Reilly.</p>"
    assert _kept(paras + box + quote + paras) == _kept(paras + quote + paras)


def test_gallery_items_with_their_text_under_the_picture_go_with_the_gallery() -> None:
    paras = "".join(f"<p>Crews laid {n} miles of boom around the diesel slick near the sea lion haul-out on Monday.</p>"
                    for n in range(2, 6))
    gallery = "<h3>Photo gallery: A season on the Pribilof rookeries</h3>" + "".join(
        f"<div><img src='https://img.example/{n}.jpg'><p>{t}</p></div>" for n, t in enumerate([
            "A northern fur seal bull guards his territory on St. Paul Island in late June. Bulls arrive weeks "
            "before the females and may not eat for two months.",
            "Pups gather in a pod while their mothers feed at sea. A mother can find her own pup among thousands "
            "by its call.",
            "Researchers weigh a pup as part of a decades-long population survey. Numbers on the islands have "
            "fallen by more than half since the 1950s."]))
    assert _kept(paras + gallery) == _kept(paras)


def test_a_pasted_pages_title_and_unpunctuated_standfirst_under_its_section_path(tmp_path: Path) -> None:
    menu = "\n".join(["Skip to main content", "Farm Today", "News | Markets | Livestock | Podcasts | Events | Awards",
                      "Most Read", "Sheep farmers urged to check flocks after liver fluke alert",
                      "Beef trade firms as supplies tighten before Christmas", "Home / Markets / Livestock"])
    head = ("Beef trade firms as supplies tighten before Christmas\n"
            "Deadweight prices rise for a fifth week as processors chase cattle for festive orders\n"
            "By Hollis Grant, Livestock Markets Editor\nPublished 3 December 2026\n")
    body = "\n".join(f"Prime cattle prices rose again last week as abattoirs competed for stock, report {n} said."
                     for n in range(4))
    path = tmp_path / "page.txt"
    path.write_text(menu + "\n" + head + body + "\n", encoding="utf-8")
    clip = read_clipping(path, tz=DEFAULT_TZ)
    assert clip.title == "Beef trade firms as supplies tighten before Christmas"
    lines = clean_clipping(clip)[0]
    assert lines[:2] == ["Deadweight prices rise for a fifth week as processors chase cattle for festive orders",
                         "By Hollis Grant, Livestock Markets Editor"]


def test_a_japanese_photo_credit_is_a_credit() -> None:
    assert _rules(_clean(P1 + "<p>写真：北越農業新聞／佐藤健太</p>" + P2)) == {"写真：北越農業新聞／佐藤健太": "credit:image-source"}


# --- corpus 27's development part -----------------------------------------------------------

def test_a_pasted_pages_path_ending_in_the_headline_is_a_breadcrumb(tmp_path: Path) -> None:
    title = "肉价缘何淡季冲高 供应趋紧是主因"
    text = (f"{title}\n\n2011-07-06\n\n首页 供货资讯 {title}\n{title}\n发布时间：2011-07-06 发布人：-安徽日报\n"
            "猪肉“淡季不淡”，缘于养殖量下降;养殖量下降，缘于生猪行业的价格周期性循环。\n"
            "进入夏天，原本是猪肉消费的淡季，肉价却一反常态不断上涨。\n")
    assert _clip_lines(tmp_path, "pork.txt", text) == ["猪肉“淡季不淡”，缘于养殖量下降;养殖量下降，缘于生猪行业的价格周期性循环。",
                                                       "进入夏天，原本是猪肉消费的淡季，肉价却一反常态不断上涨。"]


def test_wechats_header_set_one_field_a_line_goes(tmp_path: Path) -> None:
    md = ("---\ntitle: 俄乌网络DDOS混战祸及Akamai\nsource: 奇安信威胁情报中心\n---\n\n原创\n\n威胁情报中心\n\n奇安信威胁情报中心\n\n"
          "Akamai 公司是 CDN 技术的先驱，当前也是全球CDN服务领域的领导者之一。\n\n"
          "我们发现 Akamai 官方推特这两天连发两贴关于俄乌战争的分析，重点关注俄方阵营网络攻击组织针对医疗行业的攻击活动：\n\n"
          "攻击者在两天内发起了数十次攻击。\n")
    assert _clip_lines(tmp_path, "wx.md", md) == [
        "Akamai 公司是 CDN 技术的先驱，当前也是全球CDN服务领域的领导者之一。",
        "我们发现 Akamai 官方推特这两天连发两贴关于俄乌战争的分析，重点关注俄方阵营网络攻击组织针对医疗行业的攻击活动：",
        "攻击者在两天内发起了数十次攻击。"]
    # the prompt in one clause still goes
    assert _rules(_clean(P1 + P2 + "<p>欢迎关注我们的官方推特，获取最新消息。</p>")) == {"欢迎关注我们的官方推特，获取最新消息。": "prompt:follow"}


def test_bold_closing_after_a_quotation_mark_in_chinese_text_is_bold() -> None:
    assert body_to_html("**“通用大模型无法直接应用。”**2024年两会").strip() == \
        "<p><strong>“通用大模型无法直接应用。”</strong>2024年两会</p>"
    # Latin text keeps CommonMark's reading
    assert "**" in body_to_html("**“Hello.”**2024 was")


def test_a_newsletters_name_then_its_offer_is_a_prompt() -> None:
    line = "Capital Dispatch: Sign up for in-depth political coverage of Parliament Hill"
    assert _rules(_clean(P1 + P2 + f"<p>{line}</p>")) == {line: "prompt:subscribe"}
