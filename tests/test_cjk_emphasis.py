"""CJK-friendly emphasis (digest.cjk_emphasis): the cases of markdown-cjk-friendly.

Inputs: ``testcases/*.md`` of https://github.com/tats-u/markdown-cjk-friendly (MIT);
expected HTML: the snapshots its markdown-it plugin (strikethrough: its micromark
extension, whose <del> markdown-it spells <s>) is tested against. Every case renders through digest.render, the
function the build uses, so the rule holds whatever Markdown renderer is behind it.
The CommonMark examples (tests/fixtures/commonmark-inline-examples.json, from the
same repository's testcases/commonmark.json: emphasis, links, code spans,
escapes, entities) must render as plain CommonMark renders them.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from digest.render import BodyFormat, body_to_html


STRONG = [
    ('これは**私のやりたかったこと。**だからするの。', '<p>これは<strong>私のやりたかったこと。</strong>だからするの。</p>'),
    ('**[製品ほげ](./product-foo)**と**[製品ふが](./product-bar)**をお試しください', '<p><strong><a href="./product-foo">製品ほげ</a></strong>と<strong><a href="./product-bar">製品ふが</a></strong>をお試しください</p>'),
    ('単語と**[単語と](word-and)**単語', '<p>単語と<strong><a href="word-and">単語と</a></strong>単語</p>'),
    ('**これは太字になりません。**ご注意ください。', '<p><strong>これは太字になりません。</strong>ご注意ください。</p>'),
    ('カッコに注意**（太字にならない）**文が続く場合に要警戒。', '<p>カッコに注意<strong>（太字にならない）</strong>文が続く場合に要警戒。</p>'),
    ('**[リンク](https://example.com)**も注意。（画像も同様）', '<p><strong><a href="https://example.com">リンク</a></strong>も注意。（画像も同様）</p>'),
    ('先頭の**\\`コード\\`も注意。**', '<p>先頭の<strong>`コード`も注意。</strong></p>'),
    ('**末尾の\\`コード\\`**も注意。', '<p><strong>末尾の`コード`</strong>も注意。</p>'),
    ('税込**¥10,000**で入手できます。', '<p>税込<strong>¥10,000</strong>で入手できます。</p>'),
    ('正解は**④**です。', '<p>正解は<strong>④</strong>です。</p>'),
    ('太郎は**「こんにちわ」**といった', '<p>太郎は<strong>「こんにちわ」</strong>といった</p>'),
    ('太郎は**"こんにちわ"**といった', '<p>太郎は<strong>&quot;こんにちわ&quot;</strong>といった</p>'),
    ('太郎は**こんにちわ**といった', '<p>太郎は<strong>こんにちわ</strong>といった</p>'),
    ('太郎は**「Hello」**といった', '<p>太郎は<strong>「Hello」</strong>といった</p>'),
    ('太郎は**"Hello"**といった', '<p>太郎は<strong>&quot;Hello&quot;</strong>といった</p>'),
    ('太郎は**Hello**といった', '<p>太郎は<strong>Hello</strong>といった</p>'),
    ('太郎は**「Oh my god」**といった', '<p>太郎は<strong>「Oh my god」</strong>といった</p>'),
    ('太郎は**"Oh my god"**といった', '<p>太郎は<strong>&quot;Oh my god&quot;</strong>といった</p>'),
    ('太郎は**Oh my god**といった', '<p>太郎は<strong>Oh my god</strong>といった</p>'),
    ('**C#**や**F#**は**「.NET」**というプラットフォーム上で動作します。', '<p><strong>C#</strong>や<strong>F#</strong>は<strong>「.NET」</strong>というプラットフォーム上で動作します。</p>'),
    ('IDが**001号**になります。', '<p>IDが<strong>001号</strong>になります。</p>'),
    ('IDが**００１号**になります。', '<p>IDが<strong>００１号</strong>になります。</p>'),
    ('Go**「初心者」**を対象とした記事です。', '<p>Go<strong>「初心者」</strong>を対象とした記事です。</p>'),
    ('**[リンク](https://example.com)**も注意。', '<p><strong><a href="https://example.com">リンク</a></strong>も注意。</p>'),
    ('**⻲田太郎**と申します', '<p><strong>⻲田太郎</strong>と申します</p>'),
    ('・**㋐**:選択肢１つ目', '<p>・<strong>㋐</strong>:選択肢１つ目</p>'),
    ('**真，**她', '<p><strong>真，</strong>她</p>'),
    ('**真。**她', '<p><strong>真。</strong>她</p>'),
    ('**真、**她', '<p><strong>真、</strong>她</p>'),
    ('**真；**她', '<p><strong>真；</strong>她</p>'),
    ('**真：**她', '<p><strong>真：</strong>她</p>'),
    ('**真？**她', '<p><strong>真？</strong>她</p>'),
    ('**真！**她', '<p><strong>真！</strong>她</p>'),
    ('**真“**她', '<p><strong>真“</strong>她</p>'),
    ('**真”**她', '<p><strong>真”</strong>她</p>'),
    ('**真‘**她', '<p><strong>真‘</strong>她</p>'),
    ('**真’**她', '<p><strong>真’</strong>她</p>'),
    ('**真（**她', '<p><strong>真（</strong>她</p>'),
    ('真**（她**', '<p>真<strong>（她</strong></p>'),
    ('**真）**她', '<p><strong>真）</strong>她</p>'),
    ('**真【**她', '<p><strong>真【</strong>她</p>'),
    ('真**【她**', '<p>真<strong>【她</strong></p>'),
    ('**真】**她', '<p><strong>真】</strong>她</p>'),
    ('**真《**她', '<p><strong>真《</strong>她</p>'),
    ('真**《她**', '<p>真<strong>《她</strong></p>'),
    ('**真》**她', '<p><strong>真》</strong>她</p>'),
    ('**真—**她', '<p><strong>真—</strong>她</p>'),
    ('**真～**她', '<p><strong>真～</strong>她</p>'),
    ('**真…**她', '<p><strong>真…</strong>她</p>'),
    ('**真·**她', '<p><strong>真·</strong>她</p>'),
    ('**真〃**她', '<p><strong>真〃</strong>她</p>'),
    ('**真-**她', '<p><strong>真-</strong>她</p>'),
    ('**真々**她', '<p><strong>真々</strong>她</p>'),
    ('**真**她', '<p><strong>真</strong>她</p>'),
    ('**真，** 她', '<p><strong>真，</strong> 她</p>'),
    ('**真**，她', '<p><strong>真</strong>，她</p>'),
    ('**真，**&ZeroWidthSpace;她', '<p><strong>真，</strong>\u200b她</p>'),
    ('私は**⻲田太郎**と申します', '<p>私は<strong>⻲田太郎</strong>と申します</p>'),
    ('選択肢**㋐**: 1つ目の選択肢', '<p>選択肢<strong>㋐</strong>: 1つ目の選択肢</p>'),
    ('**さようなら︙**と太郎はいった。', '<p><strong>さようなら︙</strong>と太郎はいった。</p>'),
    ('.NET**（.NET Frameworkは不可）**では、', '<p>.NET<strong>（.NET Frameworkは不可）</strong>では、</p>'),
    ('「禰󠄀」の偏は示ではなく**礻**です。', '<p>「禰󠄀」の偏は示ではなく<strong>礻</strong>です。</p>'),
    ('Git**（注：不是GitHub）**', '<p>Git<strong>（注：不是GitHub）</strong></p>'),
    ('太郎は**「こんにちわ」**といった。', '<p>太郎は<strong>「こんにちわ」</strong>といった。</p>'),
    ('𰻞𰻞**（ビャンビャン）**麺', '<p>𰻞𰻞<strong>（ビャンビャン）</strong>麺</p>'),
    ('𰻞𰻞**(ビャンビャン)**麺', '<p>𰻞𰻞<strong>(ビャンビャン)</strong>麺</p>'),
    ('ハイパーテキストコーヒーポット制御プロトコル**(HTCPCP)**', '<p>ハイパーテキストコーヒーポット制御プロトコル<strong>(HTCPCP)</strong></p>'),
    ('﨑**(崎)**', '<p>﨑<strong>(崎)</strong></p>'),
    ('国際規格**[ECMA-262](https://tc39.es/ecma262/)**', '<p>国際規格<strong><a href="https://tc39.es/ecma262/">ECMA-262</a></strong></p>'),
    ('㐧**(第の俗字)**', '<p>㐧<strong>(第の俗字)</strong></p>'),
    ('𠮟**(こちらが正式表記)**', '<p>𠮟<strong>(こちらが正式表記)</strong></p>'),
    ('𪜈**(トモの合略仮名)**', '<p>𪜈<strong>(トモの合略仮名)</strong></p>'),
    ('𫠉**(馬の俗字)**', '<p>𫠉<strong>(馬の俗字)</strong></p>'),
    ('谺𬤲**(こだま)**石神社', '<p>谺𬤲<strong>(こだま)</strong>石神社</p>'),
    ('石𮧟**(いしただら)**', '<p>石𮧟<strong>(いしただら)</strong></p>'),
    ('**推荐几个框架：**React、Vue等前端框架。', '<p><strong>推荐几个框架：</strong>React、Vue等前端框架。</p>'),
    ('葛󠄀**(こちらが正式表記)**城市', '<p>葛󠄀<strong>(こちらが正式表記)</strong>城市</p>'),
    ('禰󠄀**(こちらが正式表記)**豆子', '<p>禰󠄀<strong>(こちらが正式表記)</strong>豆子</p>'),
    ('\U000317db**(U+317DB)**', '<p>\U000317db<strong>(U+317DB)</strong></p>'),
    ('阿寒湖アイヌシアターイコㇿ**(Akanko Ainu Theater Ikor)**', '<p>阿寒湖アイヌシアターイコㇿ<strong>(Akanko Ainu Theater Ikor)</strong></p>'),
    ('あ𛀙**(か)**よろし', '<p>あ𛀙<strong>(か)</strong>よろし</p>'),
    ('\U0002ee5d**(simplified form of 龘 in China)**', '<p>\U0002ee5d<strong>(simplified form of 龘 in China)</strong></p>'),
    ('大塚︀**(U+585A U+FE00)** 大塚**(U+FA10)**', '<p>大塚︀<strong>(U+585A U+FE00)</strong> 大塚<strong>(U+FA10)</strong></p>'),
    ('〽︎**(庵点)**は、', '<p>〽︎<strong>(庵点)</strong>は、</p>'),
    ('**“︁Git”︁**Hub', '<p><strong>“︁Git”︁</strong>Hub</p>'),
]

KOREAN = [
    ('**이 [링크](https://example.kr/)**만을 강조하고 싶다.', '<p><strong>이 <a href="https://example.kr/">링크</a></strong>만을 강조하고 싶다.</p>'),
    ('**스크립트(script)**라고', '<p><strong>스크립트(script)</strong>라고</p>'),
    ('패키지를 발행하려면 **`npm publish`**를 실행하십시오.', '<p>패키지를 발행하려면 <strong><code>npm publish</code></strong>를 실행하십시오.</p>'),
    ('**안녕(hello)**하세요.', '<p><strong>안녕(hello)</strong>하세요.</p>'),
    ('ᅡ**(a)**', '<p>ᅡ<strong>(a)</strong></p>'),
    ('**(k)**ᄏ', '<p><strong>(k)</strong>ᄏ</p>'),
]

PSEUDO_EMOJI = [
    ('a**〰**a', '<p>a<strong>〰</strong>a</p>'),
    ('a**〽**a', '<p>a<strong>〽</strong>a</p>'),
    ('a**🈂**a', '<p>a<strong>🈂</strong>a</p>'),
    ('a**🈷**a', '<p>a<strong>🈷</strong>a</p>'),
    ('a**㊗**a', '<p>a<strong>㊗</strong>a</p>'),
    ('a**㊙**a', '<p>a<strong>㊙</strong>a</p>'),
]

NON_BMP = [
    ('a**a«**a', '<p>a**a«**a</p>'),
    ('a**»a**a', '<p>a**»a**a</p>'),
    ('a**a∇**a', '<p>a**a∇**a</p>'),
    ('a**∇a**a', '<p>a**∇a**a</p>'),
    ('a**a𝜵**a', '<p>a**a𝜵**a</p>'),
    ('a**𝜵a**a', '<p>a**𝜵a**a</p>'),
    ('a**𐬻a**a', '<p>a**𐬻a**a</p>'),
    ('a**a𐬻**a', '<p>a**a𐬻**a</p>'),
]

UNDERSCORE_CJK_PUNCT = [
    ('__注意__：注意事項', '<p><strong>注意</strong>：注意事項</p>'),
    ('注意：__注意事項__', '<p>注意：<strong>注意事項</strong></p>'),
    ('正體字。︁_Traditional._', '<p>正體字。︁<em>Traditional.</em></p>'),
    ('正體字。︁__Hong Kong and Taiwan.__', '<p>正體字。︁<strong>Hong Kong and Taiwan.</strong></p>'),
    ('简体字 / 新字体。︀_Simplified._', '<p>简体字 / 新字体。︀<em>Simplified.</em></p>'),
    ('简体字 / 新字体。︀__Mainland China or Japan.__', '<p>简体字 / 新字体。︀<strong>Mainland China or Japan.</strong></p>'),
    ('“︁Git”︁__Hub__', '<p>“︁Git”︁<strong>Hub</strong></p>'),
]

GFM_STRIKETHROUGH = [
    ('a~~a()~~あ', '<p>a<s>a()</s>あ</p>'),
    ('あ~~()a~~a', '<p>あ<s>()a</s>a</p>'),
    ('𩸽~~()a~~a', '<p>𩸽<s>()a</s>a</p>'),
    ('a~~a()~~𩸽', '<p>a<s>a()</s>𩸽</p>'),
    ('葛󠄀~~()a~~a', '<p>葛󠄀<s>()a</s>a</p>'),
    ('羽︀~~()a~~a', '<p>羽︀<s>()a</s>a</p>'),
    ('a~~「a~~」', '<p>a<s>「a</s>」</p>'),
    ('「~~a」~~a', '<p>「<s>a」</s>a</p>'),
    ('~~a~~：~~a~~', '<p><s>a</s>：<s>a</s></p>'),
    ('~~日本語。︀~~English.', '<p><s>日本語。︀</s>English.</p>'),
    ('~~“︁a”︁~~a', '<p><s>“︁a”︁</s>a</p>'),
]



def render(markdown: str) -> str:
    return body_to_html(markdown, BodyFormat.MARKDOWN).strip()


@pytest.mark.parametrize(("markdown", "expected"), STRONG + KOREAN + PSEUDO_EMOJI)
def test_strong_around_cjk(markdown: str, expected: str) -> None:
    html = render(markdown)
    assert html == expected
    assert "**" not in html


@pytest.mark.parametrize(("markdown", "expected"), NON_BMP)
def test_non_bmp_punctuation_is_not_cjk(markdown: str, expected: str) -> None:
    html = render(markdown)
    assert html == expected
    assert "<strong>" not in html


@pytest.mark.parametrize(("markdown", "expected"), UNDERSCORE_CJK_PUNCT)
def test_underscores_around_cjk_punctuation(markdown: str, expected: str) -> None:
    html = render(markdown)
    assert html == expected
    assert "_" not in html


@pytest.mark.parametrize(("markdown", "expected"), GFM_STRIKETHROUGH)
def test_strikethrough_around_cjk(markdown: str, expected: str) -> None:
    assert render(markdown) == expected


@pytest.mark.parametrize(("markdown", "expected"), [
    ("**经过十年的发展，**这家公司终于实现盈利。", "<p><strong>经过十年的发展，</strong>这家公司终于实现盈利。</p>"),
    ("**經過十年的發展，**這家公司終於實現盈利。", "<p><strong>經過十年的發展，</strong>這家公司終於實現盈利。</p>"),
    ("他说*“不会，”*然后离开。", "<p>他说<em>“不会，”</em>然后离开。</p>"),
    ("价格~~上涨，~~下跌了。", "<p>价格<s>上涨，</s>下跌了。</p>"),
    ("提示：__这是重点。__", "<p>提示：<strong>这是重点。</strong></p>"),
    # "_" never emphasises inside a word, in Chinese as in English (the amendment keeps that)
    ("__注意：__这是提示。", "<p>__注意：__这是提示。</p>"),
])
def test_chinese_emphasis_after_punctuation(markdown: str, expected: str) -> None:
    assert render(markdown) == expected


COMMONMARK = json.loads((Path(__file__).parent / "fixtures" / "commonmark-inline-examples.json").read_text(encoding="utf-8"))
_PLAIN = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])


@pytest.mark.parametrize("case", COMMONMARK, ids=[str(c["example"]) for c in COMMONMARK])
def test_commonmark_examples_unchanged(case: dict[str, object]) -> None:
    markdown = str(case["markdown"])
    assert body_to_html(markdown, BodyFormat.MARKDOWN) == _PLAIN.render(markdown)


@pytest.mark.parametrize(("markdown", "expected"), [
    # the space an editor left after the full stop, inside the bold (WeChat copied to Markdown)
    ("需要普及一个常识：**请认真对待自己的权利。\u00a0**", "<p>需要普及一个常识：<strong>请认真对待自己的权利。\u00a0</strong></p>"),
    ("**他说：“会好的。” **\n\n下一段", "<p><strong>他说：“会好的。” </strong></p>\n<p>下一段</p>"),
    # a run between spaces after a Chinese letter (not punctuation) stays literal, as in Latin text
    ("中文 ** 中文 **", "<p>中文 ** 中文 **</p>"),
    ("Read this. **", "<p>Read this. **</p>"),
])
def test_a_bold_closed_after_a_space_that_follows_chinese_punctuation(markdown: str, expected: str) -> None:
    assert render(markdown) == expected
