"""Each seed in the clothes real pages wear parses to the seed's own result.

The variants are made here from the seeds, never hand-edited: traditional characters (OpenCC s2t),
web-page chrome of the kinds real sites print (breadcrumbs, slogans, 【巡察整改】, metadata blocks with
values on the next line, the title repeated or split, the whole header run onto one line), GB18030
bytes and a saved HTML page, both read through rectify.importer.sources.
"""

import html

import pytest

from rectify.chinese import to_simplified
from rectify.importer.parse import parse_report
from rectify.importer.sources import source_from_bytes

from .conftest import SEEDS, golden, seed_path

PUBLISHER = "县纪委监委"


def seed_text(stem: str) -> str:
    return seed_path(stem).read_text(encoding="utf-8")


def facts(record) -> dict:
    """Header facts and the problem list, simplified, without line numbers (chrome shifts them)."""
    data = record.as_dict()
    for part in ("unit", "inspection", "report"):
        data[part].pop("lines")
    report = data.pop("report")
    result = {
        "title": data["title"],
        "unit": data["unit"],
        "inspection": data["inspection"],
        "declared": report["declared"],
        "as_of_date": report["as_of_date"],
        "issues": [issue["title"] for issue in data["issues"]],
        "categories": [category["title"] for category in data["categories"]],
    }
    return _simplified(result)


def _simplified(value):
    if isinstance(value, str):
        return to_simplified(value)
    if isinstance(value, dict):
        return {k: _simplified(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_simplified(v) for v in value]
    return value


def split_seed(stem: str) -> tuple[list[str], list[str]]:
    """The seed's lines up to and including its opening sentence, and the lines after it."""
    lines = seed_text(stem).split("\n")
    opening = next(i for i, line in enumerate(lines) if "巡察组" in line and "对" in line)
    return lines[: opening + 1], lines[opening + 1 :]


def breadcrumb_and_slogans(stem: str) -> str:
    title = golden(stem)["title"]
    crumbs = f"当前位置：首页 > 信息公开 > 巡视巡察 > {title}" if title else "当前位置：首页 > 信息公开 > 巡视巡察 >"
    chrome = ["微信公众号", '"清廉之窗"', "打造一流营商环境", "微信扫码关注", crumbs, ""]
    if title:
        chrome += [f"【巡察整改】{title}", ""]
    chrome += [f"发布时间：2025-01-02 10:00  来源：{PUBLISHER}  浏览次数：128", ""]
    return "\n".join(chrome) + "\n" + seed_text(stem)


def metadata_block(stem: str) -> str:
    title = golden(stem)["title"]
    block = ["• 索 引 号：", "", "    113307020501239658/2025-00001", ""]
    block += ["  • 发布机构：", "", f"    {PUBLISHER}", "", "  • 成文日期：", "", "    2025-01-02", ""]
    block += ["  • 文号：", "    无", "  • 主题分类：", "    纪检监察", "  • 效力状态：", "    有效", ""]
    if title:
        half = len(title) // 2
        block += [f"  • 文件名称：{title}", "", title[:half], title[half:], ""]  # repeated, then split
    return "\n".join(block) + "\n" + seed_text(stem)


def one_line_header(stem: str) -> str:
    head, rest = split_seed(stem)
    title = golden(stem)["title"]
    crumbs = f"首页 > 巡视巡察 > {title}" if title else "首页 > 巡视巡察 >"
    opening = head[-1].strip()
    own_head = " ".join(line.strip() for line in head[:-1] if line.strip() and "发布" not in line)
    prefix = f"{crumbs} 发布时间:2025-01-02 来源:{PUBLISHER} "
    # The seed's own title lines run together with the page's; the opening follows on the same line.
    page = prefix + (own_head + " " if own_head and not title else "") + opening
    return "\n".join([page, *rest])


CHROME = {"breadcrumb": breadcrumb_and_slogans, "metadata": metadata_block, "one_line": one_line_header}


@pytest.mark.parametrize("stem", SEEDS)
@pytest.mark.parametrize("wrap", sorted(CHROME))
def test_a_seed_wrapped_in_page_chrome_parses_as_the_seed(stem, wrap):
    wrapped = CHROME[wrap](stem)
    record = parse_report(wrapped)
    assert facts(record) == facts(parse_report(seed_text(stem)))
    assert record.report.publisher == PUBLISHER


@pytest.mark.parametrize("stem", SEEDS)
def test_a_seed_in_traditional_characters_parses_as_the_seed(stem):
    import opencc

    traditional = opencc.OpenCC("s2t").convert(seed_text(stem))
    assert facts(parse_report(traditional)) == facts(parse_report(seed_text(stem)))


@pytest.mark.parametrize("stem", SEEDS)
def test_a_traditional_seed_in_chrome_parses_as_the_seed(stem):
    import opencc

    traditional = opencc.OpenCC("s2t").convert(breadcrumb_and_slogans(stem))
    assert facts(parse_report(traditional)) == facts(parse_report(seed_text(stem)))


@pytest.mark.parametrize("stem", SEEDS)
def test_a_seed_saved_as_gb18030_bytes_parses_exactly_as_the_seed(stem):
    source = source_from_bytes(seed_text(stem).encode("gb18030"), name=f"{stem}.txt")
    assert source.encoding.lower().replace("-", "") in ("gb18030", "gbk", "gb2312")
    assert parse_report(source.text).as_dict() == golden(stem)


@pytest.mark.parametrize("stem", SEEDS)
def test_a_seed_saved_as_an_html_page_parses_as_the_seed(stem):
    title = golden(stem)["title"] or ""
    paragraphs = "".join(f"<p>{html.escape(line)}</p>" for line in seed_text(stem).split("\n") if line.strip())
    page = (
        '<html><head><meta charset="gb18030"><title>巡察整改</title></head><body>'
        '<div class="nav"><a href="/">首页</a> &gt; <a href="/x">巡视巡察</a></div>'
        f'<div class="article"><h1>{html.escape(title)}</h1>'
        f'<div class="info">发布时间：2025-01-02 来源：{PUBLISHER}</div>{paragraphs}</div>'
        '<div class="foot"><a href="/print">打印本页</a> <a href="/close">关闭窗口</a></div></body></html>'
    )
    source = source_from_bytes(page.encode("gb18030"), name=f"{stem}.html")
    assert facts(parse_report(source.text)) == facts(parse_report(seed_text(stem)))
