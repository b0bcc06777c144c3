"""Issue 8: headlines over their ledes (another site's list under the article, or a
digest that is the article), an article's own lists that look like credits or a list of
other articles, and picture credits and prompts (corpus 27's and corpus 28's
development parts)."""

from __future__ import annotations

from pathlib import Path

from cleaning_fixtures import P1, P2, P3, _clean, _clip_lines, _kept, _rules

_STORY = [
    "The council voted on Tuesday to reopen the harbour walk after two years of repairs.",
    "Officials said the path would be open from dawn to dusk, with lighting added next spring.",
    "Residents had complained for months that the closure cut the town off from its beach.",
    "The work cost about $4 million, twice the first estimate, the mayor's office said.",
]
# (other articles' headlines over their ledes: each lede says its headline again)
_TEASERS = [
    "RCMP faces federal court challenge over dismissed harassment complaint",
    "A Mountie is taking the national police force to court over a harassment complaint she says was dismissed.",
    "Hilary Swank has given birth to twins",
    "Actress Hilary Swank has welcomed twins with her husband, her publicist said on Monday.",
    "Top Stories",
    "Honda recalls older SUVs in cold states to fix frame rust problem",
    "Honda is recalling nearly 564,000 older small SUVs because road salt can rust the frame.",
    "North Korean leader vows 'offensive' nuclear expansion",
    "North Korean leader Kim Jong Un vowed to expand his nuclear arsenal in more offensive ways.",
]


def _paragraphs(lines: list[str]) -> str:
    return "".join(f"<p>{t}</p>" for t in lines)


def test_other_articles_headlines_over_their_ledes_go_under_the_article() -> None:
    cleaned = _clean(_paragraphs(_STORY + _TEASERS))
    assert _kept(_paragraphs(_STORY + _TEASERS)) == _STORY
    # ("Top Stories" and the first headline under it go by the list rules)
    assert _rules(cleaned)[_TEASERS[0]] == _rules(cleaned)[_TEASERS[-1]] == "doc:teaser-pairs"


def test_a_weeklys_items_that_say_their_names_again_are_the_article() -> None:
    # the items are the whole text: no running text above them
    weekly = ["封面图拍摄于杭州，周末去吃了顿西餐，人比之前少一些，天气实在太热。"] + [
        "一个很好用简单的菜单栏隐藏工具 Ice", "发现一个很好用简单的菜单栏隐藏工具 Ice，比不怎么更新的同类工具好用不少。",
        "类 Trello 的开源看板工具 Planka", "喜欢看板的小伙伴可以试试这个类 Trello 的开源看板工具 Planka，功能做得很细腻。",
        "技术学习",
        "Youtube：让我们来搞一个 GPT-2", "这个「让我们来搞一个 GPT-2」很值得跟着学习一遍，124 分钟的长视频。",
        "Reddit 上的这个 lectures 频道很不错", "Reddit 上的这个 lectures 频道，包含很多值得一听的视频讲座和公开演讲。",
    ]
    assert _kept(_paragraphs(weekly)) == weekly


def test_an_articles_subheadings_over_its_sections_stay() -> None:
    # subheadings name a topic in a few words, and the text under them goes on with the article
    text = _STORY + ["MIGRATION BREAKTHROUGH", "The two countries are close to expanding the migration treaty, sources say.",
                     "MODERNIZING NORAD", "A flurry of unidentified objects exposed a gap in the early-warning system.",
                     "HELPING HAITI", "Some senior U.S. officials have named Canada as the country to lead an intervention."]
    assert _kept(_paragraphs(text)) == text


def test_a_reports_short_chinese_subheadings_that_its_paragraphs_repeat_stay(tmp_path: Path) -> None:
    # (corpus 10's development part: a conference report, "大会主报告" / "在大会主报告环节，…")
    text = ["5月10-12日，2019年中国人文地理学术年会在重庆·西南大学举行，六百余名学者参加了会议。",
            "大会开幕式", "5月11日上午，大会开幕式在西南大学圆顶报告厅举行，学校党委书记致欢迎辞。",
            "中国科学院院士袁道先教授、周成虎研究员，中国地理学会副理事长出席开幕式。",
            "大会主报告", "在大会主报告环节，中国科学院院士周成虎研究员、华东师范大学刘敏教授等作了报告。",
            "大会主会场", "大会分会场", "本次大会共收到学术论文（含摘要）300余篇，设立了9个分会场和2个开放性论坛。",
            "大会闭幕式", "5月12日下午，大会闭幕式在西南大学桂园宾馆金桂厅举行，闭幕式由学会秘书长主持。",
            "青年优秀论文颁奖典礼", "下届承办单位浙江大学接受会旗并合影",
            "中国人文地理学术年会创办于2011年，近年来先后在南京、武汉、兰州等地举办，下届由浙江大学承办。"]
    pasted = "2019年中国人文地理学术年会在重庆成功举行\n\n2019-05-18\n\n" + "\n\n".join(text) + "\n"
    assert _clip_lines(tmp_path, "report.txt", pasted) == text


def test_a_digests_items_above_the_first_paragraph_are_not_page_chrome(tmp_path: Path) -> None:
    # a sports site's morning digest in a feed: linked headlines, each over its lede, the
    # first ledes under a picture (where the line model calls them captions)
    items = [("两连败！皇马0-1赫塔费距榜首4分 吕迪格争议动作直红", "皇马0-1赫塔费。积分榜方面，皇马两连败积60分落后巴萨4分。"),
             ("24轮不败！本菲卡2-1维森特距榜首7分 两将建功", "本菲卡在客场2-1击败维森特，积58分排在第3位。"),
             ("分差扩大！西甲积分榜：皇马联赛两连败，落后巴萨4分", "皇马本轮比赛结束后，巴萨以64分排名榜首，皇马60分排第二。"),
             ("争议！里科倒地后被吕迪格用膝盖顶到头部，VAR未介入", "皇马对阵赫塔费。25分钟，里科尝试突破倒地，赫塔费球员非常不满。"),
             ("马卡：马斯坦托诺对裁判出言不逊，面临重罚", "据《马卡报》报道，马斯坦托诺补时阶段染红，面临追加处罚。"),
             ("多面手留队！尤文官方：麦肯尼完成续约，新合同至2030年", "尤文官方消息，球队与麦肯尼续约至2030年。"),
             ("9天后将战曼城！皇马官方：姆巴佩左膝扭伤，目前将保守治疗", "皇马官方发布公告，确认了姆巴佩的左膝伤情。"),
             ("不会退出！伊朗驻西班牙大使：伊朗会去世界杯，我们有权参加", "有传言称伊朗可能会退出世界杯，大使接受了采访。")]
    picture = "<div class='img_wrap'><img src='https://img.example/{}.jpg'>点击加载图片</div>"
    body = "<p>【比赛战报】</p>" + "".join(
        f"<p><a href='https://news.example/{k}'>{h}</a></p>" + (picture.format(k) if k < 3 else "") + f"<p>{p}</p>"
        for k, (h, p) in enumerate(items))
    text = "<!--1772494200000-->\n[2026-03-03 早报：皇马两连败](https://m.example.com/news/1)\n------\n\n" + body + "\n"
    kept = _clip_lines(tmp_path, "digest.txt", text)
    assert [line for line in kept if line != "【比赛战报】"] == [line for pair in items for line in pair]


def test_a_programmes_second_session_under_its_first_is_the_article(tmp_path: Path) -> None:
    programme = ["第一場：多元的性別．性別的多元 09:00-10:20 a.m.", "主持人：田翊君（高醫性別所研究生）", "1.認識多元性別",
                 "講師：黃渝潔（論文纏身的碩二生）", "2.異性戀與同性戀家庭的家務分工", "講師：蔡茗蕙（遜咖媽咪）",
                 "第二場：LGBT的醫療權益 10:30-11:50 a.m.", "主持人：蔡佳臻（多元人民保母）", "1.善終難不難？兼論同志伴侶醫療代理權",
                 "講師：鄭子薇（公民同志平權會成員．法律公僕）", "2.跨性別健康與醫療困境", "講師：Tom Liu（高醫性別所研究生）",
                 "3.當同志進入醫療", "講師：張詠翔（酷萌白帥帥護理師翔哥）", "主辦單位：高雄醫學大學性別研究所"]
    intro = ["不論你是性別議題新手，或是關注性別與醫療進階領域，多元性別X醫療權益論壇，一次滿足你的需求！",
             "報名網址：https://forms.example.com/abc", "詳細資訊：", "時間：2017/06/13（二）09:00-12:00 a.m.",
             "地點：高雄醫學大學濟世大樓CS915"]
    text = "多元性別X醫療權益論壇\n\n2017-06-13\n\n" + "\n".join(intro + programme) + "\n"
    assert _clip_lines(tmp_path, "forum.txt", text) == intro + programme


def test_an_articles_list_of_terms_is_no_block_of_credits() -> None:
    terms = ["文本：总结或自动化内容", "翻译：翻译跨语言内容", "图像：生成图像", "音频：在音频中总结、生成或转换文本",
             "视频：生成或编辑视频", "编程：生成代码", "聊天机器人：自动化客户服务", "搜索：人工智能洞察"]
    fragment = P1 + "<p><strong>3.1 产品分类</strong></p><ul>" + "".join(f"<li>{t}</li>" for t in terms) + "</ul>" + P2
    assert _kept(fragment) == _kept(P1) + ["3.1 产品分类"] + terms + _kept(P2)
    # a block of credits, mostly roles the rules know, still goes
    credits = ["编辑：张小明", "审核：李华", "校对：王芳", "统筹：赵强", "设计：陈晨"]
    assert _kept(P1 + P2 + "<ul>" + "".join(f"<li>{t}</li>" for t in credits) + "</ul>") == _kept(P1 + P2)


def test_a_picture_credit_that_is_an_address_goes() -> None:
    credit = "圖片來自：https://twitter.com/memethief90/status/1606341369634619394"
    assert _rules(_clean(P1 + f"<p>{credit}</p>" + P2)) == {credit: "credit:image-source"}


def test_a_reposts_via_line_goes_and_the_app_only_picture_placeholder_goes() -> None:
    via = "via: http://www.eweek.com/virtualization/docker-live-container-migration.html"
    placeholder = "这里藏着一张图片，前往应用商店，下载「一个」最新版本查看！"
    rules = _rules(_clean(P1 + f"<p>{placeholder}</p>" + P2 + f"<p>{via}</p>"))
    assert rules == {via: "credit:article-source", placeholder: "prompt:app"}
    # a report of a download stays
    line = "用户需下载最新版本查看新功能，公司表示。"
    assert line in _kept(P1 + f"<p>{line}</p>" + P2)
