"""read_source: every way a seed report reaches us (encodings, .docx, saved web pages) reads as the same report.

No database: these tests only read files and parse text.
"""

from __future__ import annotations

import codecs
import contextlib
import encodings.aliases
import html
import io
import json
import os
import time
import zipfile
from pathlib import Path

import docx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from rectify.importer.parse import parse_report
from rectify.importer.sources import SourceError, decode, read_source

ROOT = Path(__file__).resolve().parents[2]
REPORTS = ROOT / "fixtures" / "reports"
EXPECTED = ROOT / "fixtures" / "expected"
SEEDS = sorted(p.stem for p in REPORTS.glob("*.txt"))
SEED = next(name for name in SEEDS if name.startswith("001_"))


def seed_text(name: str = SEED) -> str:
    return (REPORTS / f"{name}.txt").read_text(encoding="utf-8")


def golden(name: str = SEED) -> dict:
    return json.loads((EXPECTED / f"{name}.json").read_text(encoding="utf-8"))


def issue_digest(issues: list[dict]) -> list[tuple]:
    """What a reader compares between two parses of one report, whatever lines the page adds on top."""
    return [
        (
            issue["number"],
            tuple(issue["category"]),
            issue["title"],
            issue["status"],
            issue["immediate"],
            tuple(measure["text"] for measure in issue["measures"]),
        )
        for issue in issues
    ]


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_seed_reports_and_golden_files_are_paired():
    assert len(SEEDS) == 5
    assert all((EXPECTED / f"{name}.json").exists() for name in SEEDS)
    assert golden()["issues"], "the seed used below must have problems to compare"


# --- plain text in every encoding Chinese offices save reports in --------------------------------------


ENCODINGS = {
    "gb18030": (lambda text: text.encode("gb18030"), "gb18030"),
    "gbk": (lambda text: text.encode("gbk"), "gb18030"),
    "utf-8": (lambda text: text.encode("utf-8"), "utf-8"),
    "utf-8-bom": (lambda text: codecs.BOM_UTF8 + text.encode("utf-8"), "utf-8-sig"),
    "utf-16-bom": (lambda text: text.encode("utf-16"), "utf-16"),
    "utf-16-be-bom": (lambda text: codecs.BOM_UTF16_BE + text.encode("utf-16-be"), "utf-16"),
    "crlf": (lambda text: text.replace("\n", "\r\n").encode("utf-8"), "utf-8"),
    "crlf-gb18030": (lambda text: text.replace("\n", "\r\n").encode("gb18030"), "gb18030"),
}


@pytest.mark.parametrize("variant", ENCODINGS)
@pytest.mark.parametrize("seed", SEEDS)
def test_text_report_in_any_common_encoding_parses_to_the_golden_issues(tmp_path, seed, variant):
    encode, expected_encoding = ENCODINGS[variant]
    original = seed_text(seed)
    path = write(tmp_path, f"{seed}.txt", encode(original))

    source = read_source(path)

    assert source.kind == "txt"
    assert source.encoding == expected_encoding
    assert source.text.replace("\r\n", "\n") == original
    parsed = parse_report(source.text).as_dict()
    assert parsed["issues"] == golden(seed)["issues"]
    assert parsed == golden(seed)


def test_utf16_le_report_without_bom_reads_as_text(tmp_path):
    path = write(tmp_path, "report.txt", seed_text().encode("utf-16-le"))

    source = read_source(path)

    assert source.encoding == "utf-16-le"
    assert parse_report(source.text).as_dict()["issues"] == golden()["issues"]


def test_mostly_ascii_utf16_le_text_without_bom_is_detected():
    """The BOM-less UTF-16 detection does work when the text is mostly ASCII (what its heuristic counts)."""
    data = "Inspection report 2025: rectification progress, 巡察整改\n".encode("utf-16-le") * 20

    text, encoding = decode(data)

    assert encoding == "utf-16-le"
    assert text.startswith("Inspection report 2025")


def test_uppercase_suffix_is_accepted(tmp_path):
    path = write(tmp_path, "REPORT.TXT", seed_text().encode("gb18030"))

    assert parse_report(read_source(path).text).as_dict()["issues"] == golden()["issues"]


def test_html_charset_declared_in_meta_is_used_when_not_gb():
    """A page's declared charset wins over the GB18030 fallback, which would mis-decode Big5 silently."""
    prose = "縣委巡察組對縣委宣傳部進行了巡察，現將巡察整改進展情況予以公佈。"
    data = f'<html><head><meta charset="big5"></head><body><p>{prose}</p></body></html>'.encode("big5")

    text, encoding = decode(data, html=True)

    assert encoding == "big5"
    assert prose in text


# --- Word documents ---------------------------------------------------------------------------------------


def make_docx(lines: list[str]) -> bytes:
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("seed", SEEDS)
def test_docx_with_one_paragraph_per_line_parses_to_the_golden_issues(tmp_path, seed):
    original = seed_text(seed)
    path = write(tmp_path, f"{seed}.docx", make_docx(original.split("\n")))

    source = read_source(path)

    assert source.kind == "docx"
    assert source.text == original
    assert parse_report(source.text).as_dict()["issues"] == golden(seed)["issues"]


def test_docx_tables_are_read_after_the_paragraphs(tmp_path):
    document = docx.Document()
    document.add_paragraph("巡察整改进展情况")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "问题1"
    table.rows[0].cells[1].text = "已完成整改"
    buffer = io.BytesIO()
    document.save(buffer)

    text = read_source(write(tmp_path, "table.docx", buffer.getvalue())).text

    assert text.split("\n") == ["巡察整改进展情况", "问题1\t已完成整改"]


# --- saved government web pages ---------------------------------------------------------------------------

PAGE_TITLE = "中共益阳市赫山区委宣传部关于区委巡察整改进展情况的通报"
PAGE_STAMP = "发布时间：2025-07-30 09:12:45"
NAV_LINKS = ["首页", "政务公开", "政务服务", "互动交流", "走进赫山", "纪检监察", "数据开放", "领导信息", "机构职能"]
SIDEBAR_LINKS = [
    "区委巡察办召开巡察整改工作推进会议",
    "关于十五届区委第六轮巡察进驻情况的公告",
    "区卫健局关于区委巡察整改进展情况的通报",
    "区住建局关于巡察整改情况的通报",
    "巡察工作条例解读问答",
]
CHROME = [
    *NAV_LINKS,
    *SIDEBAR_LINKS,
    "益阳市赫山区人民政府门户网站",  # header
    "当前位置",  # breadcrumb
    "相关信息",  # sidebar heading
    "主办单位",  # footer
    "湘ICP备05003212号",  # footer
    "统计代码加载中",  # <script> in <head>
    "访问统计脚本文字",  # <script> at the end of <body>
    "_hmt",
    "getElementById",
    "color:red",  # <style>
    "打印本页",  # page tools after the article
]


TOOLS = (
    '<div class="tools"><a href="javascript:window.print()">打印本页</a> '
    '<a href="javascript:window.close()">关闭窗口</a></div>'
)


def government_page(text: str, charset: str = "utf-8", meta: str | None = None, tools_in_article: bool = False) -> str:
    """A report as a county government site publishes it: chrome all around one article."""
    nav = "".join(f'<li><a href="/col/{i}/">{name}</a></li>' for i, name in enumerate(NAV_LINKS))
    side = "".join(f'<li><a href="/art/{i}.html">{name}</a></li>' for i, name in enumerate(SIDEBAR_LINKS))
    paragraphs = "\n".join(
        f"<p>{html.escape(line)}</p>" if line.strip() else "<p>&nbsp;</p>" for line in text.split("\n")
    )
    meta = meta or f'<meta charset="{charset}">'
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
{meta}
<title>{PAGE_TITLE} - 益阳市赫山区人民政府</title>
<script>var _hmt = _hmt || []; document.write("统计代码加载中");</script>
<style>.nav {{ color:red }}</style>
</head>
<body>
<header class="top">
  <div class="logo">益阳市赫山区人民政府门户网站</div>
  <form action="/search"><input name="q"><button>搜索</button></form>
</header>
<nav class="nav"><ul>{nav}</ul></nav>
<div class="main">
  <div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/xc/">巡察工作</a> &gt;
    <a href="/xc/tb/">整改通报</a></div>
  <div class="left">
    <div class="article">
      <h1>{PAGE_TITLE}</h1>
      <div class="info">{PAGE_STAMP}\u3000来源：赫山区委宣传部\u3000浏览次数：<span id="hits">1024</span></div>
      <div class="content" id="zoom">
{paragraphs}
      </div>
      {TOOLS if tools_in_article else ""}
    </div>
    {"" if tools_in_article else TOOLS}
  </div>
  <div class="sidebar"><h3>相关信息</h3><ul>{side}</ul></div>
</div>
<footer><p>主办单位：益阳市赫山区人民政府办公室 地址：益阳市赫山区龙岭大道 湘ICP备05003212号</p></footer>
<script type="text/javascript">document.getElementById("hits").innerHTML = "访问统计脚本文字";</script>
</body>
</html>"""


PAGES = {
    "utf-8": lambda text: government_page(text).encode("utf-8"),
    "gbk-meta-charset": lambda text: government_page(text, charset="gbk").encode("gbk"),
    "gb2312-http-equiv": lambda text: government_page(
        text, meta='<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
    ).encode("gbk"),  # sites declaring gb2312 serve GBK (· is not in GB2312)
    "utf-8-bom": lambda text: codecs.BOM_UTF8 + government_page(text).encode("utf-8"),
}


def test_page_chrome_words_are_not_in_the_seed_itself():
    """Otherwise the leak assertions below could not tell page chrome from report text."""
    original = seed_text()
    assert [word for word in CHROME if word in original] == []


@pytest.mark.parametrize("variant", PAGES)
def test_government_page_yields_title_stamp_and_article_only(tmp_path, variant):
    original = seed_text()
    suffix = ".htm" if variant == "utf-8-bom" else ".html"
    path = write(tmp_path, f"page{suffix}", PAGES[variant](original))

    source = read_source(path)

    assert source.kind == "html"
    lines = [line for line in source.text.split("\n") if line]
    seed_lines = [line for line in original.split("\n") if line.strip()]
    assert lines[0] == PAGE_TITLE
    assert lines[1].startswith(PAGE_STAMP)
    assert lines[2:] == seed_lines
    assert [word for word in CHROME if word in source.text] == []


@pytest.mark.parametrize("variant", PAGES)
def test_government_page_parses_to_the_golden_issues(tmp_path, variant):
    path = write(tmp_path, "page.html", PAGES[variant](seed_text()))

    parsed = parse_report(read_source(path).text).as_dict()

    expected = golden()
    assert issue_digest(parsed["issues"]) == issue_digest(expected["issues"])
    assert [issue["description"] for issue in parsed["issues"]] == [i["description"] for i in expected["issues"]]
    # What the page adds is read too: the <h1> is the title, the 发布时间 line the publication date.
    assert parsed["title"] == PAGE_TITLE
    assert parsed["report"]["published_date"] == "2025-07-30"
    assert parsed["report"]["signed_date"] == expected["report"]["signed_date"]
    assert parsed["report"]["phones"] == expected["report"]["phones"]
    assert parsed["unit"]["name"] == expected["unit"]["name"]


def test_gbk_page_is_decoded_with_a_gb_codec(tmp_path):
    path = write(tmp_path, "page.html", PAGES["gbk-meta-charset"](seed_text()))

    assert read_source(path).encoding == "gb18030"


def test_page_tool_links_inside_the_article_wrapper_do_not_leak(tmp_path):
    # Many sites put 【打印本页】【关闭窗口】 inside the same wrapper as the title and the content.
    page = government_page(seed_text(), tools_in_article=True)

    text = read_source(write(tmp_path, "page.html", page.encode("utf-8"))).text

    assert "打印本页" not in text
    parsed = parse_report(text).as_dict()
    assert parsed["report"]["signed_date"] == golden()["report"]["signed_date"]
    assert parsed["report"]["phones"] == golden()["report"]["phones"]


# --- malformed inputs: each refused with a reason a clerk can act on ---------------------------------------


def docx_bomb() -> bytes:
    """A small zip whose word/document.xml inflates to 51 MB of zeros."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w") as member:
            chunk = b"\0" * (1 << 20)
            for _ in range(51):
                member.write(chunk)
    return buffer.getvalue()


def zip_without_document() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("content.xml", "<office:document/>")
    return buffer.getvalue()


MALFORMED = {
    "empty": ("report.txt", b"", "文件为空"),
    "whitespace": ("report.txt", b" \r\n\t\n   \n", "文件为空"),
    "empty-html": ("page.html", b"\n\n", "文件为空"),
    "empty-docx": ("report.docx", b"", "文件为空"),
    "nul-bytes": (
        "report.txt",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x02\x00" + bytes(range(256)) * 8,
        "二进制文件",
    ),
    "zip-named-txt": ("report.txt", zip_without_document(), "二进制文件"),
    "docx-not-zip": ("report.docx", "巡察整改进展情况的通报".encode(), "不是有效的 .docx 文件"),
    "docx-without-document-xml": ("report.docx", zip_without_document(), "缺少 word/document.xml"),
    "pdf": ("report.pdf", b"%PDF-1.7\n", "不支持的文件类型“.pdf”"),
    "legacy-doc": ("report.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "不支持的文件类型“.doc”"),
    "no-suffix": ("report", b"text", "无扩展名"),
}


@pytest.mark.parametrize("case", MALFORMED)
def test_malformed_file_is_refused_with_a_chinese_reason(tmp_path, case):
    name, data, fragment = MALFORMED[case]
    path = write(tmp_path, name, data)

    with pytest.raises(SourceError, match=fragment.replace(".", r"\.")):
        read_source(path)


def test_docx_zip_bomb_is_refused_without_inflating_it(tmp_path):
    data = docx_bomb()
    assert len(data) < 200_000
    path = write(tmp_path, "bomb.docx", data)

    started = time.perf_counter()
    with pytest.raises(SourceError, match="压缩炸弹") as caught:
        read_source(path)

    assert "解压后过大" in str(caught.value)
    assert time.perf_counter() - started < 2


def test_file_over_max_bytes_is_refused_before_reading(tmp_path):
    path = write(tmp_path, "report.txt", seed_text().encode("utf-8"))
    size = path.stat().st_size

    with pytest.raises(SourceError, match="文件过大") as caught:
        read_source(path, max_bytes=size - 1)

    assert f"{size:,}" in str(caught.value)
    assert read_source(path, max_bytes=size).text == seed_text()


def test_unsupported_suffix_message_lists_what_can_be_imported(tmp_path):
    path = write(tmp_path, "report.pdf", b"%PDF-1.7\n")

    with pytest.raises(SourceError) as caught:
        read_source(path)

    assert all(kind in str(caught.value) for kind in (".txt", ".docx", ".html"))


def test_truncated_utf16_file_is_refused_with_a_source_error(tmp_path):
    data = seed_text().encode("utf-16")[:-1]  # a download cut off mid-character
    path = write(tmp_path, "report.txt", data)

    with pytest.raises(SourceError, match="编码"):
        read_source(path)


def test_bom_followed_by_non_utf8_bytes_is_refused_with_a_source_error(tmp_path):
    path = write(tmp_path, "report.txt", codecs.BOM_UTF8 + seed_text().encode("gbk"))

    with pytest.raises(SourceError):
        read_source(path)


@pytest.mark.parametrize(
    "data", [codecs.BOM_UTF8, codecs.BOM_UTF8 + b"  \r\n", " \n\n ".encode("utf-16")], ids=["bom", "bom-ws", "utf16-ws"]
)
def test_file_with_only_a_bom_and_whitespace_is_empty(tmp_path, data):
    with pytest.raises(SourceError, match="文件为空"):
        read_source(write(tmp_path, "report.txt", data))


# --- declared charsets that name no character set ----------------------------------------------------------


@pytest.mark.parametrize("charset", ["undefined", "unicode_escape", "x-user-defined", "rot13", "utf-7"])
def test_a_page_declaring_a_charset_that_is_no_charset_is_read_by_detection(tmp_path, charset):
    """Python knows "undefined" as a codec that raises on every call; a page may declare anything."""
    path = write(tmp_path, "page.html", government_page(seed_text(), charset=charset).encode("gbk"))

    source = read_source(path)

    assert source.encoding == "gb18030"
    assert issue_digest(parse_report(source.text).as_dict()["issues"]) == issue_digest(golden()["issues"])


# --- only regular files, read with a bound -----------------------------------------------------------------

CHILD_READ = """
import resource, sys
from pathlib import Path
resource.setrlimit(resource.RLIMIT_AS, (1024 * 1024 * 1024, 1024 * 1024 * 1024))
from rectify.importer.sources import SourceError, read_source
try:
    read_source(Path(sys.argv[1]), max_bytes=int(sys.argv[2]) if sys.argv[2] else None)
except SourceError as exc:
    print(exc)
"""


def read_in_a_child(path: Path, max_bytes: int | None = 20 * 1024 * 1024) -> str:
    """read_source in a separate process with 1 GB of address space, so that a reader that hangs or
    reads without end fails this test instead of freezing or starving the machine."""
    import subprocess
    import sys

    try:
        done = subprocess.run(
            [sys.executable, "-c", CHILD_READ, str(path), "" if max_bytes is None else str(max_bytes)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=60,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"reading {path} did not return")
    return done.stdout + done.stderr


@pytest.mark.parametrize("max_bytes", [20 * 1024 * 1024, None], ids=["with-limit", "no-limit"])
def test_a_link_to_dev_zero_is_refused_as_no_regular_file(tmp_path, max_bytes):
    link = tmp_path / "通报.txt"
    link.symlink_to("/dev/zero")

    said = read_in_a_child(link, max_bytes)

    assert said.strip() == "“通报.txt”不是普通文件（字符设备），拒绝读取"


def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path):
    fifo = tmp_path / "通报.txt"
    os.mkfifo(fifo)

    said = read_in_a_child(fifo)

    assert said.strip() == "“通报.txt”不是普通文件（命名管道），拒绝读取"


def test_a_folder_named_like_a_report_is_refused_as_no_regular_file(tmp_path):
    (tmp_path / "通报.txt").mkdir()

    with pytest.raises(SourceError, match="“通报.txt”不是普通文件（文件夹）"):
        read_source(tmp_path / "通报.txt")


def test_a_file_longer_than_its_size_said_is_read_no_further_than_the_limit(tmp_path, monkeypatch):
    """A file that grows between the size check and the read: only max_bytes + 1 bytes are read."""
    path = write(tmp_path, "report.txt", seed_text().encode("utf-8"))
    size = path.stat().st_size
    real_fstat = os.fstat

    def fstat_before_growth(fd):
        info = real_fstat(fd)
        with path.open("ab") as grow:
            grow.write(b"x" * (10 * size))
        return info

    monkeypatch.setattr(os, "fstat", fstat_before_growth)

    with pytest.raises(SourceError, match="文件过大"):
        read_source(path, max_bytes=size)


CODEC_NAMES = sorted({*encodings.aliases.aliases.values(), "undefined", "x-user-defined"} - {"mbcs"})


@pytest.mark.parametrize("label", CODEC_NAMES)
def test_whatever_charset_a_page_declares_it_is_read_or_refused_never_a_crash(label):
    page = f'<html><head><meta charset="{label}"></head><body><p>巡察整改</p></body></html>'.encode("gbk")

    try:
        text, _ = decode(page + b"\x81", html=True)  # a stray byte: no decoding is certain to succeed
    except SourceError:
        return
    assert isinstance(text, str)


@given(st.from_regex(r"[A-Za-z0-9_-]{1,30}", fullmatch=True))
def test_any_charset_label_is_read_or_refused_never_a_crash(label):
    page = f'<html><head><meta charset="{label}"></head><body><p>巡察整改</p></body></html>'.encode("gbk")
    with contextlib.suppress(SourceError):
        decode(page, html=True)
