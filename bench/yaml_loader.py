"""How fast frontmatter is read: libyaml (CSafeLoader) against pure-Python PyYAML.

Usage: python bench/yaml_loader.py [N]
Reads N frontmatters shaped like the project's (title, date, url, source, tags,
summary, a cleaning override) through digest.yamlsource.parse_yaml, once with the
C loader/composer it uses and once with the pure-Python SafeLoader swapped in,
and prints the best of 5 runs (python timeit) for each, plus the share spent in
the hostile-input checks (flow-depth scan and event walk).
"""

from __future__ import annotations

import sys
import timeit
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from digest import yamlsource  # noqa: E402

FRONTMATTER = """title: "央行宣布降准0.5个百分点 第{i}篇"
date: 2025-01-23T12:29:00+08:00
url: https://news.example/a/{i}.html
source: 示例日报
lang: zh-Hans
tags: [经济, 金融, "货币政策"]
summary: 中国人民银行宣布下调存款准备金率0.5个百分点，释放长期资金约一万亿元。
cleaning:
  drop: ['^本报讯$', '^（完）$']
"""


def run(n: int) -> dict[str, float]:
    texts = [FRONTMATTER.format(i=i) for i in range(n)]

    def parse_all() -> None:
        for text in texts:
            yamlsource.parse_yaml(text, "bench.md", first_line=2)

    def checks_only() -> None:
        for text in texts:
            yamlsource._flow_depth_check(text)
            yamlsource._event_checks(text)

    results = {"C (CSafeLoader)": min(timeit.repeat(parse_all, number=1, repeat=5))}
    results["  of which checks"] = min(timeit.repeat(checks_only, number=1, repeat=5))
    class PythonLoader(yaml.SafeLoader):  # the same resolvers and constructors, pure Python
        yaml_implicit_resolvers = yamlsource._StringDatesLoader.yaml_implicit_resolvers
        yaml_constructors = yamlsource._StringDatesLoader.yaml_constructors

    saved = yamlsource._StringDatesLoader, yamlsource._BaseLoader
    yamlsource._StringDatesLoader, yamlsource._BaseLoader = PythonLoader, yaml.SafeLoader
    try:
        results["Python (SafeLoader)"] = min(timeit.repeat(parse_all, number=1, repeat=5))
    finally:
        yamlsource._StringDatesLoader, yamlsource._BaseLoader = saved
    return results


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    for name, seconds in run(count).items():
        print(f"{name:22s} {seconds * 1000:8.1f} ms for {count} frontmatters")
