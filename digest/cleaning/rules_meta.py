"""More built-in cleaning rules: page furniture, credits and reader prompts.

Split from :mod:`digest.cleaning.rules` (which merges these tables into its own,
so every name here is an ordinary built-in rule: ``--explain`` prints it and
``disable:`` switches it off).  Same conventions: whole-line rules are
``fullmatch``-ed against the whitespace-normalised line; keep each one narrow.
"""

from __future__ import annotations

_D = r"[\W_]*"
# A person's name in a Chinese credit: 2-4 characters (林郁庭, 歐陽明), or a short
# Latin name.  A desk or outlet name ("鏡週刊財經組") is longer and is kept:
# an outlet's group credit is part of the article in several corpora.
_ZH_PERSON = r"([\u4e00-\u9fff·]{2,4}|[A-Z][a-z]+( [A-Z][a-z]+){0,2})"
_ZH_PERSONS = _ZH_PERSON + r"([\s、,，/／]+" + _ZH_PERSON + r"){0,3}"
# English names, optionally several: "Yvonne Yue Li", "Jane Doe and John Roe"
_EN_NAME = r"[A-Z][\w'.-]*(?: (?:[A-Z][\w'.-]*|de|van|von|bin|al))*"
_EN_NAMES = _EN_NAME + r"(?:(?:,? and |, | & )" + _EN_NAME + r")*"
# "Reporting by Jane Doe in Tokyo", "Editing by John Roe and Ann Lee" (names only: prose has verbs)
_ROLE_BY = (r"(?:(?:Additional )?[Rr]eporting|[Ww]riting|[Ee]diting|[Cc]ompiled|[Ee]dited|[Gg]raphics?) by "
            + _EN_NAMES + r"(?: in [A-Z][\w'.-]*(?: [A-Z][\w'.-]*)*)?")
# Photo agencies and wire services that photo credits end with.
_AGENCY = (r"(AP|AP Images|AFP|Reuters|Getty Images|EPA(-EFE)?|Bloomberg|Xinhua|Kyodo( News)?|Yonhap|"
           r"Anadolu( Agency)?|NurPhoto|SOPA Images|LightRocket|Shutterstock|Alamy|Sipa USA|ZUMA Press( Wire)?|"
           r"Pool|Imagine China|VCG|Redux|Polaris|Bloomberg Creative|CNBC|NPR|The New York Times|The Washington Post)")
_CREDIT_SEG = r"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,4}"
# One name in a picture's source: a Chinese name or agency, or capitalised Latin words.
_PICTURE_SOURCE = r"(?:[\u4e00-\u9fff·]{2,6}|" + _CREDIT_SEG + r")"

# The labels of a page's field line (meta:page-fields): when, from where, by whom, how often read.
PAGE_FIELD = _PAGE_FIELD = (r"((发布|發布|發佈|更新|发稿|發稿|录入|錄入|刊登|出版)?(时间|時間|日期)|(信息|資訊|资讯|稿件|文章|新闻|新聞)?(来源|來源)[于於]?|"
               r"作者|记者|記者|编辑|編輯|责任编辑|責任編輯|责编|責編|(浏览|瀏覽|点击|點擊|点阅|點閱|阅读|閱讀|访问|訪問)(次数|次數|量|数|數)?|"
               r"字号|字號|字体|字體|(发布|發布|發佈)(单位|單位|机构|機構|机关|機關|人|者))")
# A field the page left empty, any label before the next field's: "党总支： 科室： 作者：周婷 时间：…"
# (a hospital's CMS fills only some of its fields).
_EMPTY_FIELD = r"[\u4e00-\u9fff]{2,5}\s*[:：︰](?=\s*[\u4e00-\u9fff]{2,6}\s*[:：︰])"
# The field that names the writer, opening a page's field line: "作者: Jackie Shan 日期:…".
WRITER_FIELD = r"[\W_]*(作者|记者|記者|撰文|撰稿)\s*[:：︰]\s*\S"
_DAY = r"\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?"
_TIME_OF_DAY = r"\d{1,2}:\d{2}(:\d{2})?"
_DATETIME = _DAY + r"(\s*" + _TIME_OF_DAY + r")?"
# A line that is only a date (and time): the page's date line, a feed's timestamp.
# Case-insensitive (month and day names).
# Time-zone abbreviations a date line may end with ("2025-03-10 09:00 JST"), longest first.
_ZONE = ("(?:HKT|JST|KST|SGT|MYT|PHT|ICT|WIB|IST|BST|CEST|CET|EEST|EET|WEST|WET|AEDT|AEST|ACST|AWST|NZDT|NZST|"
         "EDT|EST|CDT|CST|MDT|MST|PDT|PST|AKST|HST|ET|PT)")
DATE_LINE = (
    r"[\W_]*(\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(讯|訊)?"  # (a wiki's "【2023年3月26日讯】")
    r"(\s*[（(]?(週|周|星期|禮拜|礼拜)?[一二三四五六日天]?[）)]?)?"  # "2026年01月04日 星期日"
    r"([ T|｜·•]*(上午|下午|晚上|凌晨)?\s*\d{1,2}[:：]\d{2}([:：]\d{2}(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2}|GMT[+-]?\d*|UTC[+-]?\d*|" + _ZONE + r")?)?"
    r"|\d{1,2}[:：]\d{2}\s*\d{4}[-/.]\d{1,2}[-/.]\d{1,2}"
    # day first, as European feeds print it: "29/07/2020 - 17:35"
    r"|\d{1,2}[-/.]\d{1,2}[-/.]\d{4}(\s*([-–—,]|\sat)?\s*\d{1,2}[:：]\d{2}([:：]\d{2})?(\s*[ap]\.?m\.?)?(\s*(et|est|edt|gmt|utc|pt|pst|pdt|ct|cst|cdt))?)?"
    # a page's date line in words: "Thursday, November 9, 2023 4:41AM", "9 November 2023, 10:30 GMT"
    r"|((mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?((jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(st|nd|rd|th)?,?"
    r"|\d{1,2}(st|nd|rd|th)?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?)\s+\d{4}"
    r"(\s*[,|｜·•\-–—]?\s*(at\s+)?\d{1,2}[:.]\d{2}\s*([ap]\.?m\.?)?(\s*(et|est|edt|gmt|utc|bst|pt|pst|pdt|ct|cst|cdt|hkt))?)?"
    # a feed's pubDate (RFC 822): "Tue, 21 Jul 2020 00:07:16 GMT"
    r"|(mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+\d{1,2}\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s+\d{4}"
    r"(\s+\d{1,2}:\d{2}(:\d{2})?)?(\s*(gmt|utc|z|[+-]\d{4}|[a-z]{2,4}))?"
    # nothing but a date stamp in words and figures, labels and separators: "16:23, Thu,
    # Nov 2, 2023 | UPDATED: 16:32, Thu, Nov 2, 2023", "08/11/2023 | 20:26 PM" -- with a
    # year and a time, a month's name or a numeric date ("2023" alone is no date line)
    r"|(?=.{0,80}$)(?=.*\b(19|20)\d{2}\b)(?=.*(\d{1,2}:\d{2}|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b"
    r"|\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b))"
    r"(?:(?:\d+|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?"
    r"|[ap]\.?m\.?|gmt|utc|bst|cest|cet|est|edt|cst|cdt|pst|pdt|hkt|jst|kst|sgt|aest|ist|et|pt"
    r"|updated|published|posted|modified|last|first|on|at)[\s,|｜/:.\-–—()]*)+)[\W_]*"
)

# Wire services and agencies a "Source:" credit names.
_WIRE = r"(AP|AFP|Reuters|Bernama|BERNAMA|CNA|Xinhua|XINHUA|Kyodo|Yonhap|Antara|dpa|DPA|ANI|PTI|EFE|ANSA|UPI|TASS|Agencies|agencies)"

# The ID on a WeChat account's card ("Weixin ID cdsbnc", "微信号：globusnews"); the
# cleaner also reads the account's name off the line above it (passes_doc.account_name).
WECHAT_ACCOUNT_ID = r"(微信号|微信號|Weixin ID|ID(?=\s*[:：]))\s*[:：]?\s*[A-Za-z][\w-]{3,30}"
# The account named with its ID on one line: "《东方历史评论》微信公号：ohistory".
WECHAT_ACCOUNT_LINE = (r"[《「]?[^\s。，,：:]{1,20}[》」]?\s*(微信)?(公号|公號|公众号|公眾號|公众平台|公眾平台)\s*(ID)?\s*[:：]\s*"
                       r"[A-Za-z][\w-]{3,30}")

# "喜歡這篇文章", "觉得本文": the reader asked about this very article (prompt:liked-article)
_LIKED_THIS_ZH = r"(喜歡|喜欢|覺得|觉得)(這篇|这篇|本篇|本文|這則|这则)(文章|報導|报道|新聞|新闻|內容|内容)?"


# Where WeChat says an account posted from (its IP location, shown since 2022): a
# province-level region of China, or 海外 / 中国香港 / 中国台湾.
_IP_REGION = (r"(北京|天津|上海|重庆|重慶|河北|山西|辽宁|遼寧|吉林|黑龙江|黑龍江|江苏|江蘇|浙江|安徽|福建|江西|山东|山東|河南|湖北|湖南|"
              r"广东|廣東|海南|四川|贵州|貴州|云南|雲南|陕西|陝西|甘肃|甘肅|青海|内蒙古|內蒙古|广西|廣西|西藏|宁夏|寧夏|新疆|"
              r"(中国|中國)?(香港|澳门|澳門|台湾|台灣)|海外)")

STRICT_MORE: dict[str, str] = {
    # A widget's confirmation left in the page: "You have successfully emailed the post.",
    # "Thanks for signing up!", "Link copied to clipboard" -- the page talking about a click.
    "nav:ui-status": (
        r"(?i:[\W_]*(you have successfully (e-?mailed|shared|subscribed|signed up|saved|registered)\b[^.!]{0,40}[.!]?"
        r"|(thanks|thank you) for (signing up|subscribing|registering)[.!]?( [^.!?]{0,40}[.!])?"
        r"|(your )?(e-?mail|message|link) (has been|was) (sent|copied)[^.!]{0,20}[.!]?|link copied( to (the )?clipboard)?[.!]?"
        # a share box's and a comment form's own labels: "Copy link to paste in your message",
        # "Message submitting... Thank you for waiting.", "Story Saved", "Please wait while we …"
        r"|copy link( to paste in your message)?|link copied\s+bookmark"
        r"|(message|comment) submitting(\.{3}|…)?(\s*thank you for waiting[.!]?)?|(story|article) saved"
        r"|please wait while we [^.!]{1,40}[.!]?"
        # an embedded post the page could not load; a sign-up button caught while loading
        r"|(this )?(tweet|post) (may have been deleted|is unavailable)( or is unavailable)?[.!]?"
        r"|(loading(\.{3}|…)\s*)?sign me up"
        # a sign-up form's replies, printed whatever happened: "Your subscription could not be
        # saved. Please try again.", "Your subscription has been successful."
        r"|your subscription (could not be saved|has been (successful|saved|confirmed)|was successful)[.!]?( please try again[.!]?)?"
        # a search box's placeholder and a social bar's label: "Hi, what are you looking for?", "Connect with us"
        r"|(hi,? )?what are you looking for\?|connect with us)[\W_]*)"
    ),
    # A blog template's widget title with its settings, pasted as the page shows them when
    # the template's script did not run: "/fa-fire/熱門文章$type=list-tab",
    # "/fa-clock-o/最新文章$type=list-tab$m=0$cate=0"
    "nav:template-code": r"[\W_]*/fa-[\w-]+/[^$\n]{0,40}(\$[\w-]+=[^$\s]*)*\s*",
    # A "Bookmark" / "Save" button label alone on a line (page widget, never text).
    # A page's style sheet printed as text (a <style> a converter kept): "a.supporter:hover
    # {background:#EC4438!important;} @media screen and (max-width: 480px) { … }"
    "nav:css": (
        r"\s*((@media[^{}]{0,80}\{\s*)?[^{}。，！？]{1,80}\{\s*([\w-]+\s*:\s*[^;{}]{1,80}(;\s*|(?=\})))+\}\s*\}?\s*)+"
    ),
    # A post's bar of parts apart by bars: the site, the date and time, the writer, a count
    # of comments, the link to them -- "www.creaders.net | 2024-11-02 09:33:42 蓬辉堂 | 0条评论 |
    # 查看/发表评论" (a date and a comment word, no sentence).
    "meta:post-bar": (
        r"(?=.{0,140}$)(?=[^。！？]*$)(?=.*\d{4}[-/.]\d{1,2}[-/.]\d{1,2})(?=.*(评论|評論|留言|(?i:comments?)))"
        r"[^|｜]{1,40}(\s*[|｜]\s*[^|｜]{1,40}){2,}"
    ),
    # A video player's controls and its menu, pasted as text (the player of an ad network
    # or a site): "Play / Pause", "Mute / Unmute", "Copy video url", "00:00% Buffered25.84…",
    # "Error loading media", "Report a problem" beside the player
    "nav:player": (
        r"(?i:\s*(play\s*/\s*pause|mute\s*/\s*unmute|copy video url( at current time)?|(exit )?full ?screen|"
        r"picture[- ]in[- ]picture|playback speed|video (settings|quality)|error loading media.{0,60}|"
        r"\d{1,2}:\d{2}\s*\d{0,3}(\.\d+)?%\s*buffered\s*[\d.]*|"
        r"this video (is|file) (unavailable|cannot be played).{0,60}|your browser does not support (the )?(html5 )?video.{0,40})\s*)"
    ),
    # A platform's buttons and badges pasted with the page (Zhihu's: "​关注", "关注他",
    # "已认证机构号", "收录于 · 法国留学"): a word or two, nothing said.
    "nav:platform-ui": (
        r"[\W_]*((\+\s*)?(关注|關注)(他|她|TA|我们|我們)?|(已关注|已關注)|已认证(机构号|的个人|的機構號)|已認證(機構號|的個人)|"
        r"(收录于|收錄於)\s*[·・•|｜]\s*[^。！？]{1,30})[\W_]*"
    ),
    "nav:bookmark": r"(?i:[\W_]*(bookmark(ed)?|add to bookmarks|save (article|story)|saved|加入書籤|加入书签)[\W_]*)",
    # A platform's stamp of where the writer posted from (shown on mainland platforms since
    # 2022), with the post's time: "编辑于 2024-05-10 11:20・IP 属地浙江", "IP属地：北京".
    "meta:ip-location": (
        r"[\W_]*((编辑|編輯|发布|發布|發佈|发表|發表|修改|更新)(于|於)\s*)?([\d年月日/.:：\- ]{4,24}|[今昨前]天\s*[\d:]{0,5})?"
        r"[\s・·•|｜,，]*(?i:ip)\s*(属地|屬地|归属地|歸屬地)\s*[:：]?\s*[\u4e00-\u9fff]{1,8}[\W_]*"
    ),
    # Wire provenance closing the story: "Source: Bernama/CNA/ec", "Source: AFP/Reuters" --
    # agencies joined by /, optionally the editor's initials.  A data source ("Source: IMF")
    # names no agency and stays.
    "credit:wire-source-en": r"(?i:source)\s*[:：]\s*" + _WIRE + r"(\s*/\s*(" + _WIRE + r"|[a-z]{2,3}))*\.?",
    # A donation appeal: an optional sentence about the outlet, then an imperative asking
    # for money for *us/our* work: "Safeguard press freedom by making a one-off donation or
    # joining our Patron programme today.", "…依靠讀者支持。請捐款支持我們的獨立報導。"
    # Never a quoted line; prose about donations ("Donations can be made …") is no imperative.
    "prompt:donation-appeal": (
        r"(?=.*(我們|我们|本台|本站|本網|本网|本報|本报))(?:[^。！？「」“”]{2,60}[。！]\s*){0,2}"
        # (an appeal may open with a condition: "如果您認同我們的報道，請點擊這裡捐款支持。")
        r"((如果|若|假如|倘若)[^。！？「」“”，,]{1,30}[，,]\s*)?"
        r"(請|请|懇請|恳请|歡迎|欢迎|立即|馬上|马上|一起)[^。！？「」“”]{0,20}(捐款|捐助|捐贈|捐赠|贊助|赞助|小額支持|小额支持)"
        r"[^。！？「」“”]{0,40}[。！!]?"
        r"|(?=.*\b(our|us|we)\b)(?:[^.!?\"“”]{2,160}[.!]\s+){0,2}(Please\s+)?(Safeguard|Support|Donate|Help|Join|Become|Make|"
        r"Give|Back|Contribute|Protect|Defend)\b[^.!?\"“”]{0,160}\b([Dd]onat\w*|[Pp]atron\w*|contribution|membership)\b"
        r"[^.!?\"“”]{0,80}[.!]?"
    ),
    # A financial outlet's disclaimer: "声明：证券时报力求信息真实、准确，文章提及内容仅供参考，
    # 不构成实质性投资建议，据此操作风险自担。" -- labelled, and it says no investment advice.
    "notice:investment-disclaimer": (
        r"[（(【]?\s*(声明|聲明|免责声明|免責聲明|风险提示|風險提示|特别提示|特別提示)\s*[:：︰]"
        r"(?=.{0,160}(不构成|不構成|仅供参考|僅供參考)).{0,160}(投资建议|投資建議|风险自担|風險自負|风险自负|入市需谨慎|入市需謹慎).{0,60}"
    ),
    # A portal's reprint disclaimer: "新浪声明：此消息系转载自新浪合作媒体，…并不意味着赞同其观点…"
    # -- a 声明 label or 本文/此消息 before 转载, and the 不代表/不意味着 … 观点 clause.
    "notice:reprint-disclaimer": (
        r"[^。]{0,12}(声明|聲明|免责声明|免責聲明)\s*[:：].{0,80}(转载|轉載).{0,120}(不代表|并不意味着|並不意味著|不意味着|不意味著)"
        r".{0,40}(观点|觀點|立场|立場).{0,200}"
        r"|(本文|此文|此消息|该文|該文|文章)(系|為|为|是)?(转载|轉載).{0,80}(不代表|并不意味着|並不意味著|不意味着|不意味著)"
        r".{0,40}(观点|觀點|立场|立場).{0,200}"
    ),
    # "更多 Yahoo 新聞報導，請點此。": a more-news call to action (a link), never a sentence of prose.
    "prompt:more-news": (
        r"[\W_]*(更多|看更多|閱讀更多|阅读更多)[^。，,]{0,24}(新聞|新闻|報導|报道|資訊|资讯|內容|内容|文章)[，,\s]*(請|请)?"
        r"(點此|点此|點我|点我|按此|按我|點擊這裡|点击这里|點這裡|点这里|點擊|点击)[^。]{0,12}[。！!]?[\W_]*"
    ),
    # "Jacob Hall/AP", "Bloomberg | Bloomberg | Getty Images", "Xinhua via Getty Images",
    # "AP Photo/Mark Schiefelbein": capitalised names joined by / | via, ending with an
    # agency -- a photo credit split from its caption.  Prose has verbs and small words.
    "credit:photo-agency": (
        r"[(\[]?\s*((Photo(graph)?s?|Image|Picture|Credit)\s*(by\b|credit\b|[:：.…]+)\s*)?((" + _CREDIT_SEG + r")\s*(//?|\||｜|\bvia\b)\s*)+" + _AGENCY + r"(,? File)?\s*[)\]]?"
        r"|[(\[]?\s*(AP|AFP|EPA|Reuters) Photo\s*/\s*" + _CREDIT_SEG + r"(,? File)?\s*[)\]]?"
        # NYT: "Credit: John Smith for The New York Times"; "(Credit: Clayton Aldern / Grist)"
        # a wire's credit in capitals, a photographer and the agency: "ALDEN WILLIAMS/STUFF"
        r"|[A-Z][A-Z'.-]+( [A-Z][A-Z'.-]+){1,3}\s*/\s*[A-Z][A-Z&.-]+( [A-Z][A-Z&.-]+){0,3}"
        r"|[(\[]?\s*(?i:credit)\s*[:.…]+\s*" + _CREDIT_SEG + r"( for " + _CREDIT_SEG + r"|\s*[/|｜]\s*" + _CREDIT_SEG + r")?\s*[)\]]?"
    ),
    # "封面来源｜视觉中国", "頭圖來源：X", "圖／取自中央氣象署", "（圖／翻攝臉書）", "讀者提供":
    # a line that is only the source of a picture.  (A sentence "本新聞由市府提供資料"
    # does not end with 提供, and one that says 由 is prose.)
    "credit:photo-zh": (
        r"[（(]?\s*(封面|頭圖|头图|題圖|题图|首圖|首图|配圖|配图)\s*(來源|来源|圖片|图片)?\s*[:：︰｜|/／]\s*[^。，,！？]{1,30}[）)]?"
        r"|[（(]?\s*(示意|資料|资料|翻攝|翻摄)?(圖|图|照片|相片|照|攝影|摄影|影片|視頻|视频)\s*[／/｜|]\s*[^。！？]{1,30}[）)]?"
        # "示意圖", "（資料照）": the label of a stock picture
        r"|[（(]?\s*(示意圖|示意图|資料照|资料照|資料圖|资料图|資料照片|资料照片|情境照|情境圖|情境图)\s*[）)]?"
        # "图片：青川影像／王蕾", "摄影：Atelier Lumière/C. Morel": a picture label and a source
        # of two names, an agency and its photographer (a caption after the label is a clause)
        r"|[（(]?\s*(圖片|图片|照片|相片|攝影|摄影)\s*[:：]\s*" + _PICTURE_SOURCE + r"\s*[／/]\s*" + _PICTURE_SOURCE + r"\s*[）)]?"
        # who gave the picture: a reader, the police, an agency or a company ("讀者提供",
        # "警方提供", "台北市政府提供"); "翻攝臉書".  Not "早餐提供" (a service offered).
        r"|[（(]?\s*((圖片|图片|圖|图|照片|相片|影片)\s*[／/:：]?\s*)?(讀者|读者|網友|网友|民眾|民众|市民|受訪者|受访者|當事人|当事人|"
        r"家屬|家属|警方|消防局|院方|校方|業者|业者|官方|主辦單位|主办方|"
        r"[\u4e00-\u9fffA-Za-z]{1,10}?(政府|部|署|局|處|处|會|会|公司|集團|集团|協會|协会|醫院|医院|大學|大学|中心|單位|单位|團隊|团队|粉專|粉专))"
        r"\s*(提供|翻攝|翻摄)\s*[）)]?"
        r"|[（(]?\s*(翻攝|翻摄)(自)?\s*[^\s。，,！？]{1,20}\s*[）)]?"
        # who gave or took the picture, alone on its line (a caption that is only its credit):
        # "市排水管理处供图", "（受访者供图）", "巴士的報記者攝", "本报记者 王明 摄", "龚菁琦 摄"
        r"|[（(]?\s*[^\s。，,！？:：/／]{1,16}(供圖|供图)\s*[）)]?"
        r"|[（(]?\s*[^\s。，,！？:：]{0,10}(记者|記者|通讯员|通訊員)\s*([\u4e00-\u9fff·]{2,4}((\s+|、)[\u4e00-\u9fff·]{2,4}){0,2})?\s*(摄|攝)\s*[）)]?"
        r"|[（(]?\s*[\u4e00-\u9fff·]{2,4}((\s+|、)[\u4e00-\u9fff·]{2,4}){0,2}\s+(摄|攝)\s*[）)]?"
    ),
    # "攝影：余志偉", "通讯员：李四", "视觉｜王小明　设计｜李小华": a credits line -- role +
    # person name pairs, nothing else -- of people who did not write the article.  A line
    # that also names the writer ("撰文／賴允中　攝影／鄭書豪", "文字：張子涵　攝影：余志偉") is
    # the article's byline, which LABEL_RULES keep wherever it stands (the blind labels of
    # corpus 12 keep "（本报记者 崔志坚 李洁 本报通讯员 李萍）" under the last paragraph).
    "credit:byline-role": (
        r"[（(【]?\s*((攝影|摄影|整理|口述|圖|图|視覺|视觉|設計|设计|通讯员|通訊員|实习生|實習生)"
        r"\s*[:：︰｜|／/]\s*" + _ZH_PERSONS + r"\s*){1,4}[）)】]?"
    ),
    # "—With assistance from Yvonne Yue Li." (Bloomberg), "With reporting by …": the
    # contributors' line at the end of a wire story.
    # "(Reporting by Jane Doe; Editing by John Roe)" -- Reuters' credits in brackets.
    # A note of contributed reporting ("—With assistance from Yvonne Yue Li.",
    # "Contributing: Jane Doe, USA TODAY", "Additional reporting by …") is article
    # text: it says who reported the story (issue 8's labelling rules keep it).
    "credit:wire-assist": (
        r"\(\s*" + _ROLE_BY + r"(?:\s*[;,]\s*(?:and )?" + _ROLE_BY + r")*\.?\s*\)"
    ),
    # WeChat article header: "原创 城事观察 城事观察 2025年03月21日 07:30 上海"
    # (原创, or the account's name twice, and a time of day: a dated line in a timeline
    # has neither, and "中廣 溫蘭魁 2013年06月29日 18:24" -- names and a date -- is a
    # byline, which the article keeps)
    "meta:wechat-header": (
        r"(原创|原創)\s*([^\s。，]{1,20}\s+){0,3}\d{4}年\d{1,2}月\d{1,2}日\s*(\d{1,2}:\d{2})?\s*[\u4e00-\u9fff]{0,6}"
        r"|(?P<wechat_account>[^\s。，]{1,20})\s+(?P=wechat_account)\s+\d{4}年\d{1,2}月\d{1,2}日\s*\d{1,2}:\d{2}"
        r"\s*[\u4e00-\u9fff]{0,6}"
        # the newer header: "原创 宋雨桐 城事研究所 2025-04-02 08:30 发表于江苏" (发表于 and the province)
        r"|(原创|原創)?\s*([^\s。，]{1,20}\s+){0,3}\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s*(\d{1,2}:\d{2})?\s*"
        r"(发表于|發表於)\s*[\u4e00-\u9fff]{0,8}"
        # "影迷日课 2025年06月02日 08:00 浙江": the account, the date and time, and where it
        # posted from (WeChat shows a province or region since 2022); a byline's place ends
        # "…报道" or stands before the date
        r"|[^\s。，]{1,20}\s+\d{4}年\d{1,2}月\d{1,2}日\s+\d{1,2}:\d{2}\s+" + _IP_REGION +
        # "原创 南方都市报 2019-09-09 16:01:46": 原创, the account, a numeric date and a time of day
        r"|(原创|原創)\s*([^\s。，]{1,20}\s+){1,3}\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\s+\d{1,2}:\d{2}(:\d{2})?"
        r"(\s+" + _IP_REGION + r")?"
    ),
    # A page's own field line: "时间：2019-09-18 06:23 来源：山西日报", "发布日期：2016-11-22
    # 浏览次数： 信息来源：省发改委", "2019-09-26 12:11来源：证券时报网作者：李在山" -- only
    # labelled fields (time, source, author, editor, the issuing office, counters, font size), with a date or a
    # time of day (or a counter's figure) and a time, source or counter field among them.  A byline ("作者：李四",
    # "记者：张三 2024-01-01") has none of those and stays.
    "meta:page-fields": (
        # (speed: the line must open with a figure or a field's first character before the
        # look-aheads scan it; prose seldom does)
        _D + r"(?=[\d发發更录錄刊出时時日信资資稿文新来來作记記编編责責浏瀏点點阅閱访訪字]|" + _EMPTY_FIELD + r")"
        # (a date, a time, or a counter's figure: "發布單位：家庭醫學科　瀏覽次數：1,482")
        # (or a date in English words: "時間: Oct. 29, 2024")
        r"(?=.{0,120}$)(?=.*(\d{4}\s*[-/.年]\s*\d{1,2}|\d{1,2}\s*[-/.月]\s*\d{1,2}|\d{1,2}:\d{2}|(次数|次數)\s*[:：︰]\s*\d"
        r"|(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}))"
        r"(?=.*(时间|時間|日期|来源|來源|次数|次數|浏览|瀏覽|点击|點擊|点阅|點閱))"
        # (never a span of hours, "時間：6/10(六) 19:30~21:30": an event's, which the article lists)
        r"(?!.*\d{1,2}:\d{2}\s*[~～〜\-–—至到]\s*\d{1,2}:\d{2})"
        + r"(" + _DATETIME + r"\s*)?(" + _PAGE_FIELD + r"\s*[:：︰]\s*((?<=\d)[:,](?=\d)|(?<=\d),(?=\s\d{4})|[^:：︰。！？，,]){0,30}?\s*"
        + r"|" + _EMPTY_FIELD + r"\s*){1,6}" + _D
    ),
    # read / view counters: "阅读 (2581)", "閱讀數：1.2萬", "新聞觀看次數：149k", "12,345 views"
    # (what was read may be named first: 新聞, 文章, 本文, 影片)
    "meta:counter": (
        # the figure first: "10万+阅读", "2.1萬 瀏覽"
        r"[\W_]*\d[\d,.]{0,8}\s*[万萬wkK]?\+?\s*(次)?(阅读|閱讀|浏览|瀏覽|观看|觀看|点击|點擊)[\W_]*|"
        r"(?i:" + _D + r"((新[聞闻]|文章|本文|影片|視頻|视频)?(阅读|閱讀|瀏覽|浏览|观看|觀看|点击|點擊|访问|訪問)(量|数|數|次数|次數)?\s*[(（:：]?\s*[\d,.]+\s*[万萬wkK+]?\s*[)）]?"
        # (with the time a reading takes: "3304 views 13 mins")
        # (after the post's date: "2018年05月21日 • 1万次阅读")
        r"|(" + _DATETIME + r"\s*[•·・|｜]?\s*)?"
        r"[\d,.]+\s*[万萬kK]?\s*(views|reads|次?(阅读|閱讀|观看|觀看|浏览|瀏覽|点阅|點閱))(\s+\d{1,3}\s*(mins?|minutes?)( read)?)?"
        # Zhihu's count of votes: "23 人赞同了该文章", "1.2 万人赞同了该回答"
        r"|[\d,.]+\s*[万萬kK]?\s*人\s*(赞同|贊同|点赞|點讚|喜欢|喜歡)了?(该|該|这|這)?(文章|回答|篇文章)?"
        # a comment counter with its link: "0 写留言", "12 條評論", "3 comments"
        r"|\d[\d,]*\s*(写留言|寫留言|条评论|條評論|则留言|則留言|comments?)"
        # a post's length on its own: "300 字", "1,250 words · 5 min read"
        r"|[\d,.]+\s*[kK千]?\s*(字|words)(\s*[•·・|｜]\s*\d{1,3}\s*(分鐘|分钟|mins?|minutes?)( read)?)?"
        # an author box's count of posts: "总篇数919篇", "文章数：56"
        r"|(总篇数|總篇數|文章数|文章數|发文数|發文數|作品数|作品數)\s*[:：]?\s*[\d,]+\s*篇?"
        # a blog post's footer: "史蒂文 發表在 痞客邦 PIXNET 留言(42) 人氣(23925)"
        r"|.{0,40}(發表在|发表在|發表於|发表于).{0,30}?((留言|人氣|人气|回應|回应|引用|瀏覽|浏览)\s*[(（]\s*[\d,]+\s*[)）]\s*)+)" + _D + r")"
    ),
    # A field of a blog post's frontmatter printed as text by a theme that failed to read
    # it: "slug: deletesocialmedia", "sidebar_position: 20" -- a lower-case key of the
    # static-site generators (Hexo, Jekyll, Hugo, Docusaurus) and one bare value.
    "meta:frontmatter-field": (
        r"(slug|permalink|layout|categories|draft|toc|sidebar_position|sidebar_label|cover|thumbnail|"
        r"featured_image|aliases|weight|updated|date_created|date_updated)\s*:\s*[\w./\-]+"
    ),
    # the legal small print of a newsletter box
    "nav:signup-legal": (
        r"(?i:by (signing up|subscribing|clicking|registering|submitting|entering your email|providing (an|your) e-?mail( address)?|continuing)\b.{0,60}"
        r"\b(agree|acknowledge|consent|accept)\b.{0,80}\b(privacy|terms|policy|conditions|receive|receiving|communications?|e-?mails?|marketing)\b.{0,300})"
        # "This newsletter may contain advertising … Subscribing to a newsletter indicates your
        # consent to our Terms of Use and Privacy Policy."
        r"|(?i:(this newsletter [^.]{0,120}\.\s*)?(subscribing|signing up|registering)\b.{0,40}\b(indicates|means|constitutes)\b"
        r".{0,30}\b(consent|agreement|acceptance)\b.{0,60}\b(terms|privacy|policy)\b.{0,300})"
        r"|(訂閱|订阅|註冊|注册|登入|登录)\s*(即|即表示|即代表|代表)\s*(您|你)?\s*(同意|已閱讀|已阅读).{0,200}"
    ),
    # a page's feedback form and its captcha: "資訊內容對您是否有幫助：" over its choices
    # ("極其有幫助", "沒有幫助"), "驗證碼：", "重新產生驗證碼", "Was this page helpful?"
    "nav:feedback-form": (
        r"(?i:" + _D + r"((資訊|资讯|資料|资料|本頁|本页|此頁|此页|網頁|网页)?(內容|内容)?(對您|对您|對你|对你)?是否有(幫助|帮助)\s*[？?:：]?"
        r"|(極其|极其|非常|很|有一定|有點|有点|沒有|没有|不太)有?(幫助|帮助)"
        r"|(圖形|图形)?(驗證碼|验证码|認證碼|认证码)\s*[:：]?|重新(產生|产生|獲取|获取|整理)(圖形|图形)?(驗證碼|验证码)"
        r"|(請|请)(輸|输)入(圖形|图形)?(驗證碼|验证码|認證碼|认证码)[^。]{0,12}"
        r"|(寄發|寄发|發送|发送)(驗證碼|验证码)[^。]{0,12}"
        r"|was this (page|article|information|content|answer) (helpful|useful)\s*\??(\s*yes\s*/?\s*no)?)" + _D + r")"
    ),
    # an author box with no bio written: "暂无简介", "暫無介紹", "This author has no bio yet"
    # An author box's link to the writer's other posts: "View all posts by 新聞人 →",
    # "查看作者全部文章", "More articles by Jane Doe"
    "nav:author-archive": (
        r"(?i:[\W_]*((view|see|read|browse) (all|more) |more )(posts|articles|stories|columns) (by|from) .{1,40}?[\W_]*"
        r"|[\W_]*(查看|瀏覽|浏览|閱讀|阅读)?(作者|[她他]|TA)的?(全部|所有|更多)(文章|作品|專欄|专栏)[\W_]*)"
    ),
    "nav:empty-bio": r"(?i:" + _D + r"(暂无(简介|介绍|描述)|暫無(簡介|介紹|描述)|(this author has )?no (bio|biography|description)( yet)?)" + _D + r")",
    # the label of a summary box ("Key Points" over the article's own bullets).
    # "Key points:" with a colon introduces the list as part of the text: kept.
    "nav:key-points": r"(?i:" + _D + r"(key (points|takeaways)|the big picture)[^\w:：︰]*)",
    # CNBC / video player promo: "VIDEO03:12Watch nowOPEC+ surprises markets"
    "promo:video": r"(?i:" + _D + r"(video|视频|視頻|影片)\s*\d{1,2}:\d{2}(:\d{2})?\s*(watch now|watch|play)?\s*[^。]{0,160})",
    # "喜歡這篇文章嗎？", "Did you enjoy this article?"; with the appeal it opens on the
    # same line: "覺得這篇文章有用？可以請我飲杯咖啡…", "Enjoying this story? Our best
    # writing, free in your inbox every Friday." (a question to the reader about this
    # very article: no report opens so)
    "prompt:liked-article": (
        r"(?i:" + _D + r"(" + _LIKED_THIS_ZH + r"(嗎|吗|如何|怎麼樣|怎么样|好看嗎|好看吗)?"
        r"|(覺得|觉得)(這篇|这篇|本篇|本文)(文章|報導|报道)?(有幫助|有帮助|有用|有收穫|有收获)(嗎|吗)"
        r"|(did you )?(like|enjoy|enjoyed|liked) (this|the) (article|story|read)\??)" + _D + r")"
        # (under a box's label: "充電計畫：喜歡這篇文章嗎？歡迎幫作者充電…")
        r"|(?i:" + _D + r"([^\s:：。，,]{1,8}[:：︰]\s*)?(" + _LIKED_THIS_ZH + r"(有幫助|有帮助|有用|有收穫|有收获|不錯|不错|好看)?(嗎|吗)?"
        r"|(did you )?(like|liked|enjoy|enjoyed|enjoying|love|loved|loving) (this|the|today'?s) "
        r"(article|story|read|piece|post|essay|issue|newsletter|reporting)"
        r"|(like|liked|enjoy|enjoyed) what you('ve)? (just )?read|found this (useful|helpful|valuable))"
        r"\s*[?？]\s*\S.{0,200})"
    ),
    # "☆新頭殼特派記者全台追蹤報導，最新颱風動態請鎖定本網☆": a star-framed line that
    # sends the reader back to the outlet
    "promo:star-framed": (
        r"[☆★]+\s*[^☆★]{0,60}(鎖定|锁定|本網|本网|本台|本報|本报|敬請|敬请|請持續|请持续|最新動態|最新动态)[^☆★]{0,60}\s*[☆★]+"
    ),
    # "微信搜索“燕京书评”（Pekingbooks）：重申文化想象，重塑文字力量。": search for the account
    # on WeChat -- its name in quotes, its ID in brackets, a slogan after a colon.
    "prompt:wechat-search": (
        r"[\W_]*(微信|微信公众号|微信公眾號|公众号|公眾號)\s*(搜索|搜尋|搜一搜|搜)\s*[“\"「『][^”\"」』]{1,24}[”\"」』]"
        r"(\s*[（(][A-Za-z0-9_-]{2,30}[）)])?(\s*[:：︰，,][^。！？]{0,60}[。！]?)?"
    ),
    # 设为星标 ★ 第一时间收到推送 (WeChat)
    "prompt:star": (
        r"[\W_]*(设为|設為|加|标为|標為)\s*(星标|星標)[^。]{0,40}"
        # "微信又改版了，如果不标星，容易错过我们的推送……还请点击星标": the account asks to be starred
        r"|(?=.{0,120}(标星|標星|星标|星標))(?=.{0,120}(请|請|记得|記得|点击|點擊|别忘|別忘|如果不|不然))"
        r".{0,120}(推送|推文|错过|錯過).{0,120}"
    ),
    # the WeChat reader's own widgets, pasted with the article
    "nav:wechat-ui": (
        r"[\W_]*(预览时标签不可点|預覽時標籤不可點|微信扫一扫[^。]{0,24}|继续滑动看下一个|"
        # a site's share-to-WeChat box: "打开微信，点击 “ 发现 ” ，使用 “ 扫一扫 ” 即可将网页分享至朋友圈。"
        r"(打开|打開)微信[^。]{0,30}(扫一扫|掃一掃)[^。]{0,30}(分享|朋友圈)[^。]{0,20}[。.]?|"
        r"繼續滑動看下一個|向上滑动看下一个|"
        r"轻触阅读原文|輕觸閱讀原文|轻点两下取消(赞|在看)|轻点两下打开|视频小程序|写留言|寫留言|"
        r"在小说阅读器中沉浸阅读|使用小程序|微信公众平台|跳转微信打开|跳轉微信打開|[^。，\s]{1,20}\s*(已关注|已關注)|"
        # the account's card and the reader's labels, as the page shows them (also in
        # WeChat's English interface): "Weixin ID cdsbnc", "About Feature 成都传媒集团旗下……",
        # "收录于话题", "Today", "Like Wow", an audio player "标题 From 账号 00:00 04:06"
        + WECHAT_ACCOUNT_ID + r"|" + WECHAT_ACCOUNT_LINE + r"|(功能介绍|功能介紹|About Feature)\s*[:：]?\s*.{0,200}|"
        r"收录于话题.{0,60}|收錄於話題.{0,60}|收录于合集.{0,60}|收錄於合集.{0,60}|(?i:today|yesterday)|Like\s+Wow|"
        r".{1,60}\sFrom\s\S.{0,30}\s\d{1,2}:\d{2}\s+\d{1,2}:\d{2})[\W_]*"
    ),
    # "【你點睇？】樓價會否已見底？歡迎留言分享你的看法。": an invitation to comment
    "prompt:opinion-invite": (
        r"(?=.*(留言|評論|评论|(?i:comment)))"  # (speed: most lines have none of these)
        r"(.{0,60}(歡迎|欢迎|請|请|快來|快来)(大家|讀者|读者|各位)?\s*(留言|評論|评论)\s*"
        r"(分享|發表|发表|說說|说说|談談|谈谈|告訴我們|告诉我们|告訴|告诉)?.{0,10}(看法|意見|意见|想法|觀點|观点)[\W_]{0,4}"
        # "What do you think? Let us know in the comments."
        # (a question or two may come first, a pointer to the outlet's social pages after)
        r"|(?i:.{0,160}\b(let us know|tell us|share your (thoughts|views|opinion))\b.{0,40}\b(in the comments?|comments? (below|section))\b.{0,100}))"
    ),
}

PROMPT_MORE: dict[str, str] = {
    # "Support safe, smart, sane journalism.", "NPR is a nonprofit. Support
    # independent journalism. Donate": an appeal to fund the newsroom.
    "prompt:support-journalism": (
        r"(?i:" + _D + r"([^.]{0,40}\b(is|are) (a )?(nonprofit|non-profit|reader[- ](funded|supported)|listener[- ]supported)\b[^.]{0,40}\.\s*)?"
        r"(please )?(support|fund|donate to)\s+([\w’'-]+,?\s+){0,4}(journalism|reporting|newsroom|news)\b.{0,60})"
    ),
}
PROMPT_GATE_MORE: tuple[str, ...] = ("support", "fund", "donate")

RIGHTS_MORE: dict[str, str] = {
    # A portal's standard notice under every article, its heading and its numbered clauses:
    # "北晚新视觉网版权与免责声明：", "一、凡本站中注明“来源：X”的所有文字…版权均属X所有…",
    # "二、凡来源非X的新闻（作品）只代表本网传播该消息，并不代表赞同其观点。", "如因作品内容、
    # 版权和其它问题需要同本网联系的，请在见网后30日内进行" -- the site on its own rights.
    "rights:portal-notice": (
        r"[^。，,]{0,16}(版权|版權)(与|與|和|及)(免责|免責)(声明|聲明)\s*[:：︰]?"
        r"|[\W_]*([一二三四五六七八九十\d]{1,2}\s*[、.．]\s*|(注|註|声明|聲明)\s*[:：︰]\s*)?(凡|本站|本网|本網)[^。]{0,80}(版权均属|版權均屬|版权归|版權歸|"
        r"(转载|轉載)[^。]{0,12}(注明|註明)|(不代表|并不代表|並不代表)[^。]{0,12}(赞同|贊同)其(观点|觀點)|"
        # "注：本站上发表的所有内容，均为原作者的观点，不代表雅昌艺术网的立场"
        r"(均为|均為|仅代表|僅代表|只代表)[^。，,]{0,4}作者[^。，,]{0,4}(观点|觀點)|"
        r"(传递|傳遞)更多信息).{0,300}"
        r"|[\W_]*([一二三四五六七八九十\d]{1,2}\s*[、.．]\s*)?如(因|对|對)?(作品|稿件|本网|本網|本站)?(内容|內容)?[^。]{0,20}(版权|版權)[^。]{0,40}"
        r"(联系|聯繫|联络|聯絡)[^。]{0,120}[。.]?"
        # "重要提示文章部分内容及图片来源于网络，我们尊重作者版权，若有疑问可与我们联系。":
        # the site's notice that what it shows came from the web, with its promise to the owners
        r"|[\W_]*(重要提示|免责声明|免責聲明|声明|聲明)?\s*[:：︰]?\s*(本站|本网|本網|本文)?[^。]{0,12}(文章|内容|內容|图片|圖片)[^。]{0,12}"
        r"(来源于|來源於|来自|來自|源于|源於)(网络|網絡|網路|互联网|互聯網)[，,。]\s*(我们|我們|本站|本网|本網)?[^。]{0,12}(尊重|重视|重視)[^。]{0,12}(版权|版權).{0,200}"
    ),
    # "本文授權轉載自：數位時代", "本文經授權轉載自X" -- the reprint notice with 授權
    # between 本文 and 轉載 (rights:reprinted wants them side by side)
    "rights:reprinted-from": (
        r"[（(【]?(本文|此文|本篇)\s*(經|经|獲|获)?\s*(授權|授权)\s*(轉載|转载|轉貼|转贴)\s*(自|於|于)?\s*[:：︰]?.{1,80}"
    ),
}

# --------------------------------------------------------------------------
# Edge words (digest.cleaning.passes.edge_promos)
# --------------------------------------------------------------------------
# Lines before the first or after the last paragraph of prose are junk when
# they speak to the reader (你/您/your/our…, an imperative, or no sentence at all)
# AND name one of these promo things.  Catches prompts nobody listed:
# "订阅法广每日新闻通讯，把最新国际新闻送到您的邮箱。", "海量资讯，尽在新浪财经APP".
EDGE_PROMO_WORDS = (
    r"(?i:訂閱|订阅|下載|下载|(?<![a-z])app(?![a-z])|應用程式|应用程序|客戶端|客户端|贊助|赞助|捐款|定期定額|小額支持|"
    r"支持.{0,8}(媒體|媒体|新聞|新闻|報導|报道|我們|我们)|加入.{0,6}(會員|会员|好友|粉絲|粉丝|line|社群|頻道|频道)|"
    r"粉絲專頁|粉丝专页|粉專|粉专|(?<![a-z])line(?![a-z])|telegram|instagram|youtube|facebook|臉書|脸书|微信|公眾號|公众号|"
    r"電子報|电子报|新聞通訊|新闻通讯|newsletter|subscri|(?<![a-z])follow (us|our|@)|download|donat|"
    r"support(ing)? (us|our|independent)|membership|sign up|in touch|"
    r"免責|免责|投資需謹慎|投资需谨慎|投資建議|投资建议|風險提示|风险提示)"
)
# A call to action makes even a full sentence at the edge a prompt: "… Sign up here."
EDGE_CTA = (
    r"(?i:sign up|subscribe (now|here|today)|click here|tap here|download (the|our)|learn more|"
    r"立即訂閱|立即订阅|立即下載|立即下载|點此|点此|點擊這裡|点击这里|按此|請按|请按|請點擊|请点击)"
)
# Verbs that urge the reader: a short fragment at the edge needs one to be a prompt.
PROMO_VERBS = (
    r"(?i:尽在|盡在|就在|都在|下載|下载|訂閱|订阅|加入|追蹤|追踪|關注|关注|按讚|按赞|點(?=[我此這这入選选閱阅看開开下])|点击|點擊|掃|扫|立即|馬上|马上|"
    r"免費|免费|搶先|抢先|請|请|快|歡迎|欢迎|支持|贊助|赞助|解鎖|解锁|"
    r"(?<![a-z])(get|sign|join|follow|download|subscribe|support|donate|unlock|try|listen|watch)(?![a-z]))"
)
# A short line that is only an outlet's name ("环球时报-环球网", "自由時報"): at
# the edges of the article it is a masthead or a footer, not text.
OUTLET_NAME = (
    r"(?:[\w\s·・\-–|｜,，]{0,14}(時報|时报|日報|日报|晚報|晚报|新聞網|新闻网|新聞台|新闻台|週刊|周刊|雜誌|杂志|電視台|电视台|"
    r"電台|电台|廣播|广播|通訊社|通讯社|傳媒|传媒|報業|报业|新聞|新闻|(?i:news|times|post|daily|media|tv|radio|"
    r"magazine|journal|herald|tribune|press|wire))(?i:[\s\-–|｜,，]*[\w]{0,8}(網|网|\.com|中文|chinese)?)"
    # a site named "…網": what follows 網 is no more Chinese ("第一章 突破網絡封鎖" is a heading)
    r"|[\w\s·・\-–|｜,，]{0,14}(網|网)(?i:[\s\-–|｜,，]*[a-z0-9.]{0,8}(\.com|中文|chinese)?)"
    # "新京报", "北青报": two or three characters and 报 -- a paper's short name (not a source note "据新京报")
    r"|(?![据據])[\u4e00-\u9fff]{2,3}[报報](?![道導导告名表价價销銷案警到])"  # (not "造型报道")
    # "缅华之声", "美國之音": a station or paper named the Voice of somewhere
    r"|[\u4e00-\u9fff]{2,4}(之聲|之声|之音)"
    # a broadcaster's foreign-language service: "NHK WORLD-JAPAN 中文", "BBC 中文", "RFI 华语"
    r"|[A-Z][A-Z\-]+(?: [A-Z][A-Z\-]+){0,2}\s*(中文|華語|华语|Chinese)(網|网)?)"
)
READER_WORDS = (
    r"(?i:你|您|妳|我們|我们|本[報报台網网站刊號号]|(?<![a-z])(you|your|our|us)(?![a-z]))"
)

# A section label above the article (edge:section-label): "Axios · Energy &
# Environment", "Shots - Health News", "Opinion | Politics": Title-Case words
# either side of a separator, nothing else.
_TITLE_WORDS = r"[A-Z][\w&'’.]*(?: (?:&|and|of|the|[A-Z][\w&'’.]*)){0,4}"
SECTION_LABEL = _TITLE_WORDS + r"(?:\s*[·•|｜\-–—/]\s*" + _TITLE_WORDS + r"){1,2}"
# Where an article came from, at the top (edge:provenance): "来源：观察者网".  At the
# end such a line credits the data ("来源：商务部网站") and stays.
PROVENANCE = (r"[\W_]*(本文|文章|稿件)?(来源|來源|出处|出處|稿源|转自|轉自|(?i:source))[于於]?\s*[:：︰｜|]\s*"
              r"[^\s。，,！？:：]{2,20}[\W_]*")

# A note of where this article came from, anywhere in the body: "（本文来源：江城日报）",
# "本文轉載自《山城新聞》", "来源：澄江日报", "轉貼自 XX 新聞網".  With 本文/文章/稿件 it is
# always about the document; a bare "来源：" goes only when it names an outlet (a data
# credit under a chart, "来源：国家统计局", names none and stays).  Labelling rules:
# "source/reprint notes (本文来源…)" are not article text.
_SOURCE_VERB = r"(来源|來源|出处|出處|稿源|转自|轉自|转载自|轉載自|转贴自|轉貼自|摘自|选自|選自|节选自|節選自)"
# A broker's research note names its analysts and their licences under it: "证券分析师：贾东旭 王胜",
# "分析员 周彭 SAC 执证编号：S0080521070001 SFC CE Ref：BSI036" -- names only, no sentence.
_LICENCE = r"(\s*(SAC|SFC|CE|Ref|执业证书编号|執業證書編號|执证编号|執證編號|证书编号|證書編號|编号|編號)\s*[:：]?\s*[A-Z]{0,4}\d{0,16})*"
# A site's or a paper's registration numbers in its footer: "京ICP备12345678号-1",
# "京公网安备 11010502030183号", "互联网新闻信息服务许可证：11120170006", "国内统一刊号：
# CN43-0057", "ISSN 1234-5678" -- one or several on a line, nothing else.
_REGISTRATION = (
    r"([\u4e00-\u9fff]{1,2}\s*ICP\s*[备備证證][\s:：]*\d{6,10}\s*号?(-\d{1,3})?"
    r"|[\u4e00-\u9fff]{1,2}\s*公网安备\s*\d{10,16}\s*号?"
    r"|(互联网新闻信息服务|互聯網新聞信息服務|网络文化经营|網絡文化經營|广播电视节目制作经营|信息网络传播视听节目|"
    r"增值电信业务经营|出版物经营)许可证(编号|號|号)?[\s:：]*[\w-]{4,24}"
    r"|(国内统一刊号|國內統一刊號|国内统一连续出版物号|国际标准刊号|國際標準刊號)[\s:：]*(CN)?\s*\d{2}-\d{4}(/[A-Z0-9]{1,6})?"
    r"|ISSN[\s:：]*\d{4}-\d{3}[\dXx])"
)
# "本文永久链接：https://…", "本文链接：https://…", "Permalink: https://…": the address of the
# page itself, a label and a link and nothing else.  (A bare "链接：" or "地址：" before a
# link may be the article's own pointer to a resource.)
STRICT_MORE["meta:permalink"] = (
    r"[\W_]*((本文|文章|原文)(永久)?|永久)(链接|鏈接|連結|连结|网址|網址|地址)\s*[:：︰]\s*https?://\S{1,300}"
    r"|(?i:[\W_]*(permalink|permanent link|article link|short ?link|link to this (article|story|page))\s*:\s*https?://\S{1,300})"
)
# "摄影：", "编辑：" with no name after: a credit the page left empty (a writer's label is
# left alone -- the name may follow on the next line).
STRICT_MORE["credit:empty-label"] = (
    r"[\W_]*(摄影|攝影|编辑|編輯|责任编辑|責任編輯|责编|責編|校对|校對|审核|審核|美编|美編|图片|圖片|来源|來源)\s*[:：︰]\s*"
)
# The fields of a mainland government page's information-disclosure table (政府信息公开:
# "索 引 号：014742224A/2023-0043406", "公开方式：主动公开", "责任部门：万载县统计局") --
# labels with their values, or a label alone (the table's value cell saved on the next
# line), or only the values the table's vocabulary gives ("主动公开", "面向全社会").  The
# table's own labels only: a document's "发文字号" or "發文日期" is the notice's text (the
# blind labels of corpus 21 keep them under a Taiwanese regulator's release).
_DISCLOSURE_LABEL = (
    r"(索\s*引\s*号|信息索引号?|发\s*布\s*机\s*构|生成日期|成文日期|公开(方式|时限|范围|形式|属性|类别)|责任部门|"
    r"主题分类|体裁分类|组配分类|主\s*题\s*词|服务对象|信息分类|有效性|所属机构|时效性)"
)
_DISCLOSURE_VALUE = r"(主动公开|依申请公开|不予公开|常年公开|长期公开|面向全社会)"
STRICT_MORE["meta:disclosure-fields"] = (
    _D + r"(" + _DISCLOSURE_LABEL + r"\s*[:：︰]\s*[^:：︰。！？，,]{0,40}?\s*)+" + _D
    + r"|" + _D + _DISCLOSURE_VALUE + r"(\s+" + _DISCLOSURE_VALUE + r")*" + _D
)
# A page's date with its time of day, its source and nothing else (metadata in any order
# around the date): "2018-03-26 08:01:14 封面新闻", "2012-07-19 14:11:50 未知" (the source a
# CMS left "unknown"), "日本通·2011-06-22 12:47:19·文化" (the outlet, the date, the section),
# "http://www.socang.com 2012-06-08 13:10 来源：新浪收藏" (the site's address first).  (A
# timeline's item has no time of day to the second and goes on to say what happened.)
_STAMP = _DAY + r"\s*" + _TIME_OF_DAY
_STAMP_BEFORE = r"(https?://\S{1,80}\s+|[^\s·|｜•。，,！？:：]{1,12}\s*[·|｜•]\s*)"
_STAMP_AFTER = (r"(\s*[·|｜•]\s*[^\s·|｜•。，,！？]{1,8}|\s+(" + OUTLET_NAME + r"|未知|佚名|不详|不詳)"
                r"|\s*[|｜]?\s*(来源|來源)\s*[:：]\s*[^\s。，,！？]{1,16})")
# (the date alone is left to the date-line rules: a list of other stories is told by its
# date lines before they go)
STRICT_MORE["meta:date-source"] = (
    _D + r"(" + _STAMP_BEFORE + _STAMP + _STAMP_AFTER + r"?|" + _STAMP + _STAMP_AFTER + r")" + _D
)
# A feed archive's fields in English, "date: 2025-07-31, updated: 2025-07-31, from: Marianas
# Variety": lower-case keys with their values, a date among them.
STRICT_MORE["meta:fields-en"] = (
    r"[\W_]*(?=.*\b(date|updated|published)\s*:\s*\d)((date|updated|published|modified|from|source|author|by|feed)"
    r"\s*:\s*[^,:;]{1,60}?\s*([,;]\s*|$)){2,6}"
)
STRICT_MORE["meta:registration"] = _D + _REGISTRATION + r"([\s|｜,，、;；]+" + _REGISTRATION + r")*" + _D


STRICT_MORE["credit:analyst"] = (
    r"[\W_]*(证券分析师|證券分析師|分析师|分析師|分析员|分析員|研究员|研究員|研究助理|联系人|聯繫人)\s*[:：|｜]?\s*"
    r"[\u4e00-\u9fff·]{2,4}" + _LICENCE + r"([\s、，,]+[\u4e00-\u9fff·]{2,4}" + _LICENCE + r"){0,5}\s*"
    # (or the name first: "李昊 分析员 SAC 执证编号：S0080522070007 SFC CE Ref：BSI853")
    r"|[\W_]*[\u4e00-\u9fff·]{2,4}\s+(证券分析师|證券分析師|分析师|分析師|分析员|分析員|研究员|研究員)" + _LICENCE + r"\s*"
)
STRICT_MORE["credit:article-source"] = (
    r"[\W_]*(本文|文章|稿件|此文|内容|內容)\s*" + _SOURCE_VERB + r"(於|于)?\s*[:：︰]?\s*[^。！？!?]{2,30}?[\W_]*"
    # ... a report by its title: "本文摘自：2023年9月11日已经发布的《8月政策力度增强，存量房市场活跃度提升》"
    r"|[\W_]*(本文|文章|稿件|此文|内容|內容)\s*" + _SOURCE_VERB + r"(於|于)?\s*[:：︰]?\s*[^。！？!?《]{0,30}《[^》]{1,60}》[\W_]*"
    r"|[\W_]*(新聞|新闻)?" + _SOURCE_VERB + r"\s*[:：︰|｜]?\s*[《「〈“\"]?(" + OUTLET_NAME + r")[》」〉”\"]?"
    r"(\s*[|｜·•]?\s*" + _DATETIME + r")?[\W_]*"  # ("稿源： 京华时报 | 2009-06-17 08:59:23": with the date)
    # "- 轉載自 地球圖輯隊": reposted from a name, whatever its shape (a reprint verb is about
    # the document; "来源：国家统计局" under a chart credits data and needs an outlet's name)
    r"|[\W_]*(转载自|轉載自|转贴自|轉貼自|转自|轉自)\s*[:：︰]?\s*[^\s。，,！？!?:：]{2,20}[\W_]*"
    # "文章来自「凤凰周刊 凤凰WEEKLY」": from a name in quotes (not "本文来自一次采访")
    r"|[\W_]*(本文|文章|稿件|此文)\s*(来自|來自)\s*(微信)?(公众号|公眾號)?\s*[「《“\"][^」》”\"]{1,24}[」》”\"][\W_]*"
    # ... or an account with its ID: "◎来源 | 茶的故事（teastories）", "来源：券商中国（quanshangcn）"
    r"|[\W_]*" + _SOURCE_VERB + r"\s*[:：︰|｜]\s*[^\s。，,：:]{1,20}[（(][A-Za-z][\w-]{2,30}[）)][\W_]*"
    # ... or a "媒體" by name: "來源: 獨立媒體", "来源：端媒体"
    r"|[\W_]*" + _SOURCE_VERB + r"\s*[:：︰|｜]\s*[《「]?[^\s。，,：:《》「」]{1,10}(媒體|媒体)[》」]?[\W_]*"
    # compiled from others: "综合 / @丁香医生 网友评论", "綜合：中央社、路透" (a bar or a colon
    # after 综合: the credit's own label, not "综合来看，…" opening a sentence)
    r"|[\W_]*(综合|綜合)(自|整理)?\s*[:：︰|｜/／]\s*[^。！？!?:：]{2,40}?[\W_]*"
    # a magazine's issue: "出自2019年第11期《Vista看天下》", "原载《城市周刊》2020年第3期"
    r"|[\W_]*(出自|原载|原載|刊于|刊於|刊载于|刊載於|" + _SOURCE_VERB[1:-1] + r")\s*[:：︰]?\s*"
    r"(\d{4}\s*年\s*第\s*\d{1,4}\s*期\s*《[^》]{1,20}》|《[^》]{1,20}》\s*\d{4}\s*年\s*第\s*\d{1,4}\s*期)[\W_]*"
    # a repost's "via" and the original's address: "via: http://www.eweek.com/…"
    r"|\s*(?i:via)\s*[:：]\s*(?i:https?://)\S{1,300}\s*"
)

