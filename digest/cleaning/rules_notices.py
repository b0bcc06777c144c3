"""Built-in cleaning rules, continued: copyright notices and promos glued
inside a paragraph.  Split from :mod:`digest.cleaning.rules` for size; that module
re-exports every table here (see its docstring for the conventions).
"""

from __future__ import annotations

# Opening brackets of every kind outlets use around credits and promos (as in
# digest.cleaning.rules).
OPEN = r"[（(【〔\[［「『<〈《]"

# Every RIGHTS rule needs one of these (lower-case) words (speed, as above).
RIGHTS_GATE: tuple[str, ...] = tuple("""
© ⓒ (c) copyright rights 版權 版权 著作 授權 授权 許可 许可 同意 轉載 转载 轉貼 转贴 原載 原载 原刊 轉自 转自
permission creative reprinted republished 創用 创用 cc by 條款 条款 必究 原创 原創 c.19 c.20 赞同其观点 贊同其觀點 作者的观点 作者的觀點 作者观点 作者觀點
""".split())


# --------------------------------------------------------------------------
# Copyright notices: removed from the body, returned as rights metadata.
# Narrow on purpose: "未經授權" alone occurs in news prose, the *notice* form
# (未經授權，不得轉載) does not.
# --------------------------------------------------------------------------
RIGHTS_RULES: dict[str, str] = {
    "rights:copyright": (
        # "©2025年德国之声版权声明…", "Copyright 2025 AP. All Rights Reserved.", "聯合新聞網 版權所有 © 2025";
        # not a caption that ends with "© Reuters" (a caption is article text).
        # ("Copyright law protects…" is no notice: a notice names the year, the holder or the rights)
        r"(?i:[\W_]{0,3}(©|ⓒ|\(c\)\s*\d{4}|copyright\b(?=.{0,40}?(©|\(c\)|(19|20)\d\d|rights|reserved|[:：]|\bby\b|\bof\b))).{0,400}"
        r"|.{0,80}(版權所有|版权所有|版權聲明|版权声明|著作權聲明|著作权声明|all rights reserved|copyright\s*(©|\(c\))?\s*(19|20)\d\d"
        r"|[©ⓒ]\s*(19|20)\d\d).{0,400}"
        # "c.2021 The New York Times Company": a syndicated story's notice
        r"|c\.\s?(19|20)\d\d\s+.{0,80}\b(company|inc\.?|llc|ltd\.?|corp(oration)?|group|media|news))"
    ),
    "rights:no-reprint": (
        r".{0,120}(未經|未经|非經|非经|未獲|未获)\s*.{0,16}(授權|授权|許可|许可|同意).{0,12}"
        r"(不得|禁止|請勿|请勿|嚴禁|严禁|不可)\s*.{0,12}(轉載|转载|使用|複製|复制|重製|翻印|摘編|摘编|播送|改寫|改写|刊登).{0,300}"
        r"|.{0,60}(轉載請|转载请|(轉載|转载)(本文|此文|文章)\s*(請|请)|如需轉載|如需转载|歡迎轉載|欢迎转载|禁止(商業|商业)?轉載|禁止(商业|商業)?转载|嚴禁轉載|严禁转载|"
        r"轉載申請|转载申请|"
        r"請勿轉載|请勿转载|不得轉載|不得转载|版權歸|版权归|版權屬|版权属).{0,200}"
        # "侵权必究" alone; "文章为每日人物原创" (the account claims the piece as its own)
        r"|[\W_]*(侵权必究|侵權必究|翻版必究|翻印必究)[\W_]*"
        r"|[\W_]*(本文|文章|本篇|此文)\s*(为|為|系|係|是|乃)\s*[^。，,！？\s]{1,20}\s*(原创|原創)(文章|作品|內容|内容|稿件)?[\W_]*"
    ),
    "rights:reprinted": (
        r"[（(【]?(本文|此文|文章|本篇)\s*(轉載|转载|轉貼|转贴|原載|原载|原刊|轉自|转自)(自|於|于)?.{1,80}"
        r"|[（(【]?(本文|此文)\s*(来自|來自|首发于|首發於|首发自|首發自|原题|原題|源自).{1,160}(授權|授权|轉載|转载|發布|发布|刊登|刊載|刊载)"
        r".{0,40}"
        r"|.{0,40}(開放|开放)(合作夥伴|合作伙伴).{0,6}(轉載|转载).{0,40}"
        # (not "未经授权转载": a prohibition, or a story about one)
        r"|(本文|本篇|此文|文章)?.{0,12}(?<![未非])(經|经|獲|获|取得)\s*.{0,30}(授權|授权|同意)\s*"
        r"(轉載|转载|刊登|刊載|刊载|轉貼|转贴|發布|发布).{0,120}"
        r"|(?i:.{0,80}(reproduced|republished|reprinted) (here )?with (the )?(kind )?permission.{0,200})"
        r"|(?i:.{0,80}licensed under (a )?creative commons.{0,200})"
        # "This story was first published by X and is republished here under …"
        r"|(?i:(this|the) (story|article|piece|report|post) (was|is|has been) (first |originally )?"
        r"(published|posted|produced) (by|in|on|at) .{2,120}(republished|reprinted|reproduced).{0,200})"
        # a licence notice: this text ("本文", "this work", "本站內容") under the licence it
        # names next to the word that applies it ("本文採用創用CC 姓名標示 4.0 授權條款釋出",
        # "This work is licensed under CC BY-SA"), or the licence alone in a short line; a
        # paragraph about the licences (an article on copyright) names no text of its own, and
        # stays, as does a photo "以 CC BY-SA 2.0 釋出" in such an article
        r"|(?i:(?=[^。！？!?]{0,60}(本文|本站|本網|本网|本作品|本著作|本篇|本頁|本页|本書|本书|this (work|article|story|post|page|piece|content|site|book)|(all|site) content))"
        r"(?:[^。！？!?]{0,60}(採用|采用|依據|依据|遵循|適用|适用|以|依|under|licensed|released|available)\s*(a |the )?"
        r"(創用\s*cc|创用\s*cc|cc\s*by(-[a-z]{2})*|creative commons)[^。！？!?]{0,100}[。.!]?"
        r"|[^。！？!?]{0,40}(創用\s*cc|创用\s*cc|cc\s*by(-[a-z]{2})*|creative commons)[^。！？!?]{0,40}"
        r"(授權條款|授权条款|授權|授权|許可|许可|licen[cs]e)[^。！？!?]{0,60}[。.!]?)"
        r"|(?=.{0,50}$)[^。！？!?]{0,20}(創用\s*cc|创用\s*cc|cc\s*by(-[a-z]{2})*|creative commons)[^。！？!?]{0,30})"
    ),
}

# --------------------------------------------------------------------------
# Promos glued inside a paragraph: only the matched span is cut.  ``search``.
# --------------------------------------------------------------------------
_PROMO_WORDS = (
    r"(相[關关][報报][導道]|相[關关]新[聞闻]|相[關关]文章|相[關关][閱阅][讀读]|延伸[閱阅][讀读]|推[薦荐][閱阅][讀读]|"
    r"更多[報报][導道]|更多新[聞闻]|看更多|熱門新[聞闻]|热门新闻|你可能也想看|猜你喜[歡欢]|精彩推荐|"
    r"推荐阅读|推薦閱讀|同場加映|同场加映|延伸閱讀|編輯推薦|编辑推荐|相[關关]影音|相[關关]視頻|相关视频|"
    r"(?i:related|read more|read also|see also|also read|more on this))"
)
_PROMO_EN = r"(?i:related|read more|read also|see also|also read|more on this)"
_WEEKDAY = r"(Mon|Tues|Tue|Wednes|Wed|Thurs|Thu|Fri|Satur|Sat|Sun)(day)?\.?"
_MONTH = r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_MONTH_DAY_YEAR = _MONTH + r" \d{1,2},? \d{4}"
# The date a page glues after a byline: "Tuesday, Aug. 17, 2010", "| 3 May 2019",
# "on May 10, 2024", "- Friday, April 28, 2023", "| Updated: 2024-05-13 09:08"
# (the label may follow the name with no space, as a pasted page runs two boxes together:
# "By Korin MillerPublished: Jan 29, 2025")
_GLUED_DATE = (r"([\s|｜·•,\-–—]+(on\s+)?((Updated|Published|Posted|Last updated)\s*:?\s*)?"
               r"|(?<=[a-z.])(Updated|Published|Posted|Last updated)\s*:\s*)(" + _WEEKDAY + r",?\s+)?("
               + _MONTH_DAY_YEAR + r"|\d{1,2} " + _MONTH + r",? \d{4}|\d{4}-\d{1,2}-\d{1,2})")
# The agency or outlet a byline names after the writer: "By Tom Davies - Associated Press"
_BYLINE_AGENCY = r"(\s*[-–—|｜]\s*[A-Z][\w.'’&-]*(\s+[A-Z][\w.'’&-]*){0,3})?"
INLINE_RULES: dict[str, str] = {
    # "(相關報導: 標題 更多文章" running to the end of the paragraph (no closing bracket).
    "promo:inline-related-to-end": (
        r"\s*" + OPEN + r"?\s*" + _PROMO_WORDS + r"\s*[:：︰]\s*[^。]{0,200}?更多文章\s*$"
        # … or a bracket that never closes: "(相關報導: 標題" to the end of the paragraph
        r"|\s*[（(【〔\[［]\s*" + _PROMO_WORDS + r"\s*[:：︰]\s*[^。！？）)】〕\]］]{1,200}$"
    ),
    # "（相關報導：標題、標題）更多文章" or "（延伸閱讀：標題）" in or after the prose.
    "promo:inline-related": (
        r"\s*[（(【〔\[［]\s*(" + _PROMO_WORDS + r"\s*[:：︰]|(?!" + _PROMO_EN + r")" + _PROMO_WORDS + r")"
        r"\s*[^）)】〕\]］]{0,300}[）)】〕\]］]\s*(更多文章|更多新[聞闻]|看更多)?"
    ),
    # A share widget's folded label glued before the first paragraph: "更多分享工具...新冠疫情…"
    # (the label ends with the ellipsis of a folded menu; the paragraph follows it at once).
    "prompt:share-prefix": r"^\s*(更多分享工具|分享工具|更多分享|分享到|分享至|(?i:more sharing options|share))\s*(\.{3}|…)(?=\S)",
    # A bare "更多文章" / "看更多" glued to the end of a paragraph.
    "promo:more-suffix": r"(?<=[。！？!?」”』）)])\s*(更多文章|看更多|更多新[聞闻]|閱讀更多|阅读更多|Read more|READ MORE)\s*[»›>]*\s*$",
    # ▶ 點我看更多 / 👉 點我下載APP glued at the end.
    "promo:arrow-suffix": r"(?<=[。！？!?」”』）)])\s*[▶►👉☞➤➜→]+\s*[^。！？]{1,60}$",
    # Editor credits glued at the end of the last paragraph.  (No end-mark rule: "（完）/(完)"
    # glued to the last paragraph is the paragraph's text; see digest.cleaning.rules.)
    "credit:inline-editor": (
        r"(?<=[。！？!?」”』）)])\s*[（(]\s*([責责]任[編编][輯辑]|[編编][輯辑]|[責责][編编]|[網网][編编])\s*[:：︰]\s*"
        r"[^）)]{1,30}[）)]\s*\d{0,8}\s*$"
    ),
    # An end symbol glued after the last sentence ("…为大家提供服务。”▲", "…。■"): some
    # papers close every article with one; it is no text of the sentence.
    "credit:inline-end-symbol": r"(?<=[。！？!?」”』）)])\s*[▲■□◆◇]\s*$",
    # A feed's excerpt that the outlet cut short: "… said in a statement last week that [&#8230;]"
    # (WordPress's excerpt marker; the reader follows the link for the rest).  Only at the
    # very end of a paragraph: "[…]" inside a quotation marks an omission and stays.
    "feed:excerpt-more": r"\s*\[\s*(…|\.{3})\s*\]\s*$",
    # A footnote's link back to where it was cited: "The 2021 YRBSS did not include
    # questions on gender identity. ↩︎" (WordPress, Markdown footnotes) -- a button, no text.
    "nav:footnote-backref": r"(?<=\S)(\s*↩\ufe0e?)+\s*$",
    # "By Bryan Walsh Tuesday, Aug. 17, 2010": the page's date glued to the byline -- the
    # date goes (metadata), the byline stays.  Only after a "By" byline (the gate).
    "meta:byline-date": (
        r"(?<=[\w.])" + _GLUED_DATE + r"(,?\s*(at\s+)?\d{1,2}:\d{2}\s*([ap]\.?m\.?)?(\s*[A-Z]{2,4}T?)?)?\s*$"
    ),
    # A static-site generator's tag its theme left unrendered in the text: "注意力分散了
    # {% post_link mit-study-brain-chatgpt %}", "{% note info %}" (Hexo, Jekyll's Liquid);
    # in a code block (never judged here) it is the article's example.
    "meta:template-tag": r"\s*\{%-?\s*[a-z_]+(\s[^%{}\n]{0,160})?-?%\}",
    # A CMS's page break left in the text of a page saved or pasted whole: DedeCMS marks a
    # page break and the next page's subtitle as "#p#副标题#e#" ("#p#分页标题#e#"); the site
    # splits the article there, so no reader of the page sees it.
    "meta:cms-page-break": r"#p#[^#\n]{0,30}#e#",
    # A Markdown attribute list left after a heading or a paragraph by a converter that did
    # not read it (kramdown's "{: .lead}", Pandoc's "{#id .class}", "{ data-search-exclude }").
    "meta:md-attributes": (
        r"\s*\{:?\s*([#.][\w-]+|data-[\w-]+|[\w-]+=(\"[^\"]*\"|'[^']*'|[^\s{}]*))"
        r"(\s+([#.][\w-]+|data-[\w-]+|[\w-]+=(\"[^\"]*\"|'[^']*'|[^\s{}]*)))*\s*\}\s*$"
    ),
}
# A literal each inline rule needs: the rule only runs on lines that contain it (speed).
INLINE_GATES: dict[str, str] = {
    "meta:template-tag": r"\{%",
    "meta:cms-page-break": r"#p#",
    "meta:md-attributes": r"\}\s*$",
    "credit:inline-end-symbol": r"[▲■□◆◇]\s*$",
    "meta:byline-date": (
        r"^\s*By\s+[A-Z][\w.'’-]*(\s+[A-Z][\w.'’-]*){0,3}((,|,? and)\s+[A-Z][\w.'’-]*(\s+[A-Z][\w.'’-]*){0,3}){0,2}"
        + _BYLINE_AGENCY + _GLUED_DATE
    ),
    # (a gate opens with one class of characters, its branches told apart behind it: the
    # engine then skips every position that cannot open it in one step, which it does not
    # for an alternation or a case-insensitive group)
    "promo:inline-related-to-end": r"[更（(【〔\[［](?:(?<=更)多文章|(?<!更)\s*(相|延|推|更|看|熱|热|你|猜|精|同|編|编|往|(?i:r|s|a|m)))",
    "promo:inline-related": r"[（(【〔\[［]\s*(相|延|推|更|看|熱|热|你|猜|精|同|編|编|往|(?i:r|s|a|m))",
    "promo:more-suffix": r"[更Rr](?:(?<=更)多|(?<!更)[Ee][Aa][Dd] [Mm][Oo][Rr][Ee])",  # ("看更多" holds "更多")
    "prompt:share-prefix": r"^\s*(更|分|(?i:m|s))",
    "promo:arrow-suffix": r"[▶►👉☞➤➜→]",
    "credit:inline-editor": r"[編编責责網网]",
    "feed:excerpt-more": r"\]\s*$",
    "nav:footnote-backref": r"↩",
}
