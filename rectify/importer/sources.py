"""Files in, text out: encodings of .txt, the paragraphs of .docx, the article of an .html page."""

from __future__ import annotations

import codecs
import io
import os
import re
import stat
import zipfile
from dataclasses import dataclass, field, replace
from pathlib import Path

from .failure import ImportFailure

SUPPORTED_SUFFIXES = (".txt", ".docx", ".html", ".htm")
CHINESE = re.compile(r"[\u4e00-\u9fff]")
UTF8_CHINESE_RUN = re.compile(r"[\u4e00-\u9fff]{3,}")
# A .docx is a zip; refuse archives that would inflate far beyond any real report.
MAX_DOCX_UNPACKED = 50 * 1024 * 1024
MAX_DOCX_RATIO = 100


class SourceError(ImportFailure):
    """The file cannot be read as a report; the message says why and `line` where, when it is known."""


@dataclass(frozen=True)
class SourceText:
    text: str
    name: str
    kind: str  # txt, docx, html
    encoding: str | None = None
    data: bytes = field(default=b"", repr=False, compare=False)  # the file as read, kept with the report


def read_source(path: Path, *, max_bytes: int | None = None) -> SourceText:
    """Read a report file of any supported kind into text."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise SourceError(f"不支持的文件类型“{suffix or '无扩展名'}”：只能导入 .txt、.docx、.html")
    return source_from_bytes(read_regular_file(path, max_bytes=max_bytes), name=path.name)


def read_regular_file(path: Path, *, max_bytes: int | None = None) -> bytes:
    """Return the bytes of a regular file, reading at most max_bytes + 1 of them.

    The size is checked on the opened file, not the name: a name can be a symlink to /dev/zero
    (size 0 on paper, endless in fact) or a FIFO, which would block a plain open() until a writer
    comes. O_NONBLOCK lets the open of a FIFO return at once so fstat can refuse it; the read is
    bounded anyway, in case a file grows between the check and the read.
    """
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_BINARY", 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise SourceError(f"“{path.name}”不是普通文件（{_file_kind(info.st_mode)}），拒绝读取")
        if max_bytes is not None and info.st_size > max_bytes:
            raise SourceError(f"文件过大：{info.st_size:,} 字节，上限 {max_bytes:,} 字节")
        handle = open(fd, "rb")  # noqa: SIM115 - owns fd from here on; closed by the with below
    except BaseException:
        os.close(fd)
        raise
    with handle:
        # Non-blocking matters only for the FIFO refused above; a regular file reads as usual.
        data = handle.read() if max_bytes is None else handle.read(max_bytes + 1)
    if max_bytes is not None and len(data) > max_bytes:
        raise SourceError(f"文件过大：超过上限 {max_bytes:,} 字节（读取时仍在增长）")
    return data


def _file_kind(mode: int) -> str:
    kinds = (
        (stat.S_ISDIR, "文件夹"),
        (stat.S_ISFIFO, "命名管道"),
        (stat.S_ISCHR, "字符设备"),
        (stat.S_ISBLK, "块设备"),
        (stat.S_ISSOCK, "套接字"),
    )
    return next((name for test, name in kinds if test(mode)), "特殊文件")


def source_from_bytes(data: bytes, *, name: str) -> SourceText:
    suffix = Path(name).suffix.lower()
    if not data.strip():
        raise SourceError("文件为空")
    if suffix == ".docx":
        source = SourceText(docx_text(data), name, "docx")
    elif suffix in (".html", ".htm"):
        text, encoding = decode(data, html=True)
        source = SourceText(html_text(text), name, "html", encoding)
    else:
        text, encoding = decode(data)
        source = SourceText(text, name, "txt", encoding)
    if not source.text.strip():
        raise SourceError("文件为空（解码后没有任何文字）")
    return replace(source, data=data)


BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_-]+)""", re.I)


def decode(data: bytes, *, html: bool = False) -> tuple[str, str]:
    """Decode report bytes: BOM, then strict UTF-8, then UTF-16 without BOM, the page's charset, GB18030."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise SourceError(
                    f"文件以 {encoding} 编码标记开头，但内容不是有效的 {encoding} 编码（第 {exc.start} 字节）"
                ) from exc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    bomless = _bomless_utf16(data)
    if bomless:
        return bomless
    if b"\x00" in data:
        raise SourceError("这是二进制文件，不是文本报告（含有空字节）")
    if html:
        declared = META_CHARSET.search(data[:4096])
        encoding = _charset(declared.group(1).decode("ascii")) if declared else None
        if encoding:
            try:
                return data.decode(encoding), encoding
            except UnicodeError:  # a page that lies about its charset: fall through to detection
                pass
    try:
        # GB18030 is a superset of GBK and GB2312, the encodings Chinese government sites use.
        text = data.decode("gb18030")
    except UnicodeDecodeError as exc:
        _refuse_mixed_utf8(data)
        _refuse_utf8_line_in_gb(data, exc.start)
    else:
        _refuse_utf8_lines(text)
        return text, "gb18030"
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or not CHINESE.search(str(best)):
        raise SourceError("无法识别文件编码：既不是 UTF-8/UTF-16，也不是 GB18030/GBK")
    return str(best), best.encoding


def _refuse_utf8_lines(text: str) -> None:
    """A GB file with text pasted in UTF-8 decodes without error, as mojibake; find where.

    GB18030 gives back the file's bytes exactly. Three Chinese characters in a row of valid UTF-8
    are UTF-8: GBK prose forms even one by chance in about one place in five hundred.
    """
    for number, line in enumerate(text.split("\n"), start=1):
        if line.isascii():
            continue
        pasted = UTF8_CHINESE_RUN.search(line.encode("gb18030").decode("utf-8", "replace"))
        if pasted:
            raise _utf8_in_gb(number, pasted.group())


def _refuse_utf8_line_in_gb(data: bytes, bad_byte: int) -> None:
    """A GB file whose GB18030 decoding breaks on a line that is UTF-8: name that line."""
    start = data.rfind(b"\n", 0, bad_byte) + 1
    end = data.find(b"\n", bad_byte)
    line = data[start : end if end != -1 else len(data)]
    try:
        pasted = UTF8_CHINESE_RUN.search(line.decode("utf-8"))
        data[:start].decode("gb18030")
    except UnicodeDecodeError:
        return
    if pasted:
        number = data.count(b"\n", 0, start) + 1
        raise _utf8_in_gb(number, pasted.group())


def _utf8_in_gb(number: int, sample: str) -> SourceError:
    return SourceError(
        f"文件混用了两种编码：全文是 GB18030/GBK，但第{number}行有 UTF-8 文字（“{sample[:20]}”）。"
        "请把全文另存为同一种编码后再导入",
        line=number,
    )


def _refuse_mixed_utf8(data: bytes) -> None:
    """A UTF-8 file that turns into GBK part-way: say on which line the UTF-8 stops."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        head = data[: exc.start].decode("utf-8")
        if len(CHINESE.findall(head)) >= 10:
            number = head.count("\n") + 1
            raise SourceError(
                f"文件混用了两种编码：前{number - 1}行是 UTF-8，第{number}行起不是（可能是 GBK）。"
                "请把全文另存为同一种编码后再导入",
                line=number,
            ) from exc


def _bomless_utf16(data: bytes) -> tuple[str, str] | None:
    """UTF-16 saved without a BOM: accept the byte order whose text reads as Chinese prose."""
    if len(data) < 4 or len(data) % 2:
        return None
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        readable = sum(1 for ch in text if CHINESE.match(ch) or ch.isprintable() or ch in "\r\n\t")
        if readable / len(text) > 0.98 and len(CHINESE.findall(text)) + sum(ch.isascii() for ch in text) > 0.9 * len(
            text
        ):
            return text, encoding
    return None


# Python codecs that a page could name but that are not character sets of text: "undefined"
# raises on every call, the escapes and idna turn bytes into something other than the page.
NOT_CHARSETS = {"undefined", "unicode_escape", "raw_unicode_escape", "idna", "punycode", "utf_7"}


def _charset(label: str) -> str | None:
    """The codec for a page's declared charset, or None when the label names none we should trust."""
    label = label.lower()
    if label in {"gb2312", "gbk", "gb_2312-80", "x-gbk"}:
        return "gb18030"
    try:
        info = codecs.lookup(label)
    except LookupError:
        return None
    if not getattr(info, "_is_text_encoding", True) or info.name.replace("-", "_") in NOT_CHARSETS:
        return None
    return label


def docx_text(data: bytes) -> str:
    """Paragraphs of a Word document, one per line, after checking the archive is sane."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise SourceError("不是有效的 .docx 文件（无法作为 zip 打开）") from exc
    unpacked = sum(info.file_size for info in archive.infolist())
    if unpacked > MAX_DOCX_UNPACKED or unpacked > MAX_DOCX_RATIO * max(len(data), 1):
        raise SourceError(f".docx 解压后过大（{unpacked:,} 字节），疑为压缩炸弹，拒绝读取")
    if "word/document.xml" not in archive.namelist():
        raise SourceError("不是有效的 .docx 文件（缺少 word/document.xml）")
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many kinds for broken files
        raise SourceError(f"无法读取 .docx 内容：{exc}") from exc
    lines = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append("\t".join(cell.text for cell in row.cells))
    return "\n".join(lines)


BLOCK_TAGS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article", "table"}
DROP_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "select")


def html_text(markup: str) -> str:
    """The article of a saved government page: its title, its 发布时间 line and its body text."""
    import lxml.html

    try:
        root = lxml.html.document_fromstring(markup)
    except Exception as exc:
        raise SourceError(f"无法解析 HTML：{exc}") from exc
    for element in root.xpath("|".join(f"//{tag}" for tag in DROP_TAGS)):
        element.drop_tree()
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in BLOCK_TAGS:
            element.tail = "\n" + (element.tail or "")
    article = _article_element(root)
    _drop_link_rows(article)
    body = _tidy(article.text_content())
    heading = root.xpath("//h1") or root.xpath("//title")
    title = _tidy(heading[0].text_content()) if heading else ""
    stamp = next(
        (line for line in _tidy(root.text_content()).split("\n") if re.search(r"发布(?:时间|日期)\s*[:：]", line)),
        "",
    )
    head = [part for part in (title, stamp) if part and part not in body]
    return "\n".join([*head, "", body]) if head else body


def _article_element(root):
    """The element holding most of the page's Chinese prose and little link text."""
    best, best_score = root, -1.0
    for element in root.iter("div", "article", "section", "td", "main"):
        text = element.text_content()
        chinese = len(CHINESE.findall(text))
        if chinese < 50:
            continue
        links = sum(len(CHINESE.findall(a.text_content())) for a in element.iter("a"))
        score = (chinese - 2 * links) - 0.02 * len(text)
        if "巡察" in text or "巡视" in text:
            score *= 1.2
        if score > best_score:
            best, best_score = element, score
    return best


def _drop_link_rows(article) -> None:
    """Remove blocks that hold only links (打印本页, 关闭窗口, share bars) inside the article."""
    for block in list(article.iter("div", "p", "span", "td", "ul", "li")):
        links = block.xpath(".//a")
        if not links:
            continue
        link_text = "".join(a.text_content() for a in links)
        rest = block.text_content()
        for a in links:
            rest = rest.replace(a.text_content(), "", 1)
        if not CHINESE.search(rest) and len(CHINESE.findall(link_text)) < 40 and block is not article:
            block.drop_tree()


def _tidy(text: str) -> str:
    lines = [re.sub(r"[ \t\u00a0\u3000]+", " ", line).strip() for line in text.split("\n")]
    tidy: list[str] = []
    for line in lines:
        if line or (tidy and tidy[-1]):
            tidy.append(line)
    return "\n".join(tidy).strip()
