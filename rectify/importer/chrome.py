"""What a web page puts before the report: chrome to drop, metadata to keep, the title to find.

A report copied from a government site opens with some of: site slogans and WeChat promotion
lines, a breadcrumb (当前位置：首页 > 信息公开 > …), a metadata block (索引号 / 发布机构 / 成文日期 /
文号 / 主题分类 / 效力状态, bulleted or indented, a value on its key's line or on the next), a
发布时间 / 来源 / 浏览次数 line, and the title, sometimes prefixed 【巡察整改】, split over two lines,
printed twice, or run together with everything else on one line. The report itself starts at its
opening sentence ("根据市委统一部署，…巡察组对…进行了巡察"). Everything before that sentence is
header: metadata and the title are read from it, the rest is chrome and never part of a fact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rectify.numerals import NUMBER, parse_full_date

# Metadata keys as pages print them, with the spaces some pages put between characters (索 引 号).
META_KEYS = {
    "索引号": "index",
    "信息索引号": "index",
    "文件名称": "title",
    "标题": "title",
    "发布机构": "publisher",
    "发文机关": "publisher",
    "成文日期": "signed",
    "成文时间": "signed",
    "发文时间": "published",
    "发文日期": "published",
    "发布时间": "published",
    "发布日期": "published",
    "发表时间": "published",
    "日期": "published",
    "时间": "published",
    "文号": "number",
    "主题分类": "topic",
    "效力状态": "status",
    "公开方式": "disclosure",
    "来源": "source",
    "信息来源": "source",
    "文章来源": "source",
    "作者": "author",
    "编辑": "author",
    "浏览量": "views",
    "浏览次数": "views",
    "浏览": "views",
    "访问量": "views",
    "访问次数": "views",
    "点击数": "views",
    "阅读数": "views",
    "字号": "chrome",
    "字体大小": "chrome",
    "字体": "chrome",
    "分享": "chrome",
    "保护视力色": "chrome",
}


def _spaced(key: str) -> str:
    return r"\s*".join(re.escape(ch) for ch in key)


# Longest keys first, so 信息来源 is not read as 来源 and 发布时间 not as 时间.
_KEY_ALTERNATION = "|".join(_spaced(k) for k in sorted(META_KEYS, key=len, reverse=True))
META_KEY = re.compile(rf"(?<![\u4e00-\u9fff])({_KEY_ALTERNATION})\s*[:：]\s*")
BULLET = re.compile(r"^[•·▪■◆●○\-–—*]+\s*")
BREADCRUMB = re.compile(r"(?:当前位置|您的位置|你的位置|所在位置|首页).{0,80}?(?:>|»|＞|›)|(?:>|»|＞|›)\s*$")
CRUMB_SEPARATOR = re.compile(r"\s*(?:>>|>|»|＞|›)\s*")
BRACKET_PREFIX = re.compile(r"^【[^】]{1,10}】\s*")
CHROME_VALUE_END = re.compile(r"(?:通报|报告|情况)\s|\d{1,2}:\d{2}(?::\d{2})?\s*")
VALUE = re.compile(r"\S*\s*")
TRAILING_DATE = re.compile(r"\s*[(（]\s*\d{4}-\d{1,2}-\d{1,2}\s*[)）]\s*$")
BRACKETED_DATE = re.compile(rf"^[(（]\s*({NUMBER}\s*年\s*{NUMBER}\s*月\s*{NUMBER}\s*日)\s*[)）]$")
STAMP = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?")
# The first sentence of the report: "根据市委统一部署，…" or a period and a group doing the inspection.
OPENING_WORDS = re.compile(r"(?:根据|按照|依据)[^。；;]{0,30}?(?:部署|安排|要求)")
PERIOD_START = re.compile(rf"{NUMBER}\s*年\s*{NUMBER}\s*月")
INSPECTS = re.compile(
    r"巡[察视][^。；;]{0,20}?组.{0,40}?对.{1,80}?(?:进行|开展|实施)|对.{1,80}?(?:进行|开展)了?[^。；;]{0,16}巡[察视]"
)
TITLE_WORDS = re.compile(r"关于|通报|报告|整改|巡[察视]")
TITLE_END = re.compile(r"(?:通报|报告|情况|公告|公示)$")
ORG_END = re.compile(
    r"(?:委员会|党组|党委|党工委|党总支|支部|区委|市委|县委|省委|局|院|中心|办公室|协会|政府|公司|学校|中学|小学|大学)$"
)


@dataclass(frozen=True)
class Piece:
    """A stretch of one source line (a line run together with others is cut into pieces)."""

    number: int
    text: str


@dataclass
class Header:
    title: str | None = None
    title_lines: tuple[int, ...] = ()
    # key -> (value, line): publisher, signed, published, source, index, number, ...
    meta: dict[str, tuple[str, int]] = field(default_factory=dict)
    # Where the report's own text starts: (index of the line in the body, character offset in it).
    start: tuple[int, int] = (0, 0)


def opening_at(text: str) -> int | None:
    """The offset of the report's opening sentence in `text`, or None when it holds none."""
    words = OPENING_WORDS.search(text)
    if words and re.search(r"巡[察视]", text[words.start() : words.start() + 400]):
        return words.start()
    inspects = INSPECTS.search(text)
    if inspects:
        period = PERIOD_START.search(text, 0, inspects.end())
        return _sentence_start(text, period.start() if period else inspects.start())
    return None


def _sentence_start(text: str, at: int) -> int:
    stops = [text.rfind(mark, 0, at) for mark in "。；;"]
    start = max(stops) + 1
    # A page run together on one line: the sentence starts after the chrome's last metadata value.
    head = text[start:at]
    chrome_end = max((m.end() for m in CHROME_VALUE_END.finditer(head)), default=0)
    # After a metadata key the chrome goes on to the end of its value ("来源:县纪委 2020年…").
    for key in META_KEY.finditer(head):
        chrome_end = max(chrome_end, VALUE.match(head, key.end()).end())
    return start + chrome_end


def split_header(lines: list, *, scan: int = 40) -> Header | None:
    """Read the header of a report whose opening sentence is among its first `scan` lines.

    `lines` are parse.Line objects (number, text). Returns None when no opening sentence is found:
    the caller then reads the text as a report without a web header.
    """
    for index, line in enumerate(lines[:scan]):
        at = opening_at(line.text)
        if at is None:
            continue
        if any(_is_body(x.text) for x in lines[:index]):
            # The sentence stands after the report's own parts or prose: it is not the opening.
            return None
        pieces = [Piece(x.number, x.text) for x in lines[:index]]
        if at > 0 and line.text[:at].strip():
            pieces.append(Piece(line.number, line.text[:at]))
        header = _read(pieces)
        header.start = (index, at)
        return header
    return None


# A page header's lines are short and never numbered; a report's parts and paragraphs are.
BODY_LINE = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}[.．、](?!\d))")
HEADER_LINE_MAX = 150


def _is_body(text: str) -> bool:
    return len(text) > HEADER_LINE_MAX or bool(BODY_LINE.match(text.strip()))


def _read(pieces: list[Piece]) -> Header:
    header = Header()
    titles: list[list[Piece]] = []
    pending: str | None = None  # a metadata key whose value is on the next line
    for piece in pieces:
        text = BULLET.sub("", piece.text.strip())
        if not text:
            continue
        if pending:
            key = pending
            pending = None
            if not META_KEY.match(text):
                _keep(header, key, text, piece.number)
                if key == "title":
                    titles.append([Piece(piece.number, text)])
                continue
        for segment in _segments(text):
            pending = _read_segment(header, titles, segment, piece.number) or pending
    _choose_title(header, titles)
    return header


def _segments(text: str) -> list[str]:
    """Cut a line at its metadata keys: "日期:2023-05-04 来源:区文旅体局 浏览量:" is three."""
    starts = [m.start() for m in META_KEY.finditer(text)]
    if not starts:
        return [text]
    cuts = ([0] if starts[0] > 0 else []) + starts + [len(text)]
    return [text[a:b].strip() for a, b in zip(cuts, cuts[1:], strict=False) if text[a:b].strip()]


def _read_segment(header: Header, titles: list[list[Piece]], text: str, number: int) -> str | None:
    """Read one segment; return a metadata key when its value is on the next line."""
    key = META_KEY.match(text)
    if key:
        name = META_KEYS[re.sub(r"\s+", "", key.group(1))]
        value = text[key.end() :].strip()
        if not value:
            return name if name not in ("chrome", "views", "author") else None
        _keep(header, name, value, number)
        if name == "title":
            titles.append([Piece(number, value)])
        return None
    dated = BRACKETED_DATE.match(text)
    if dated:
        # "（2024年5月10日）" under a title: the date the report was issued.
        _keep(header, "signed", dated.group(1), number)
        return None
    stamp = STAMP.match(text)
    if stamp:
        _keep(header, "published", stamp.group(), number)
        rest = text[stamp.end() :].strip()
        return _read_segment(header, titles, rest, number) if rest else None
    if BREADCRUMB.search(text):
        crumbs = [c for c in CRUMB_SEPARATOR.split(text) if c.strip()]
        last = crumbs[-1].strip() if crumbs else ""
        # A breadcrumb's last crumb is the page's title only when it is a whole title.
        if len(crumbs) > 1 and _title_like(last) and _complete([Piece(number, last)]):
            titles.append([Piece(number, last)])
        return None
    cleaned = TRAILING_DATE.sub("", BRACKET_PREFIX.sub("", text)).strip()
    if _title_like(cleaned) or (ORG_END.search(cleaned) and len(cleaned) <= 40 and "，" not in cleaned):
        # A title split over lines: an organ's name, or a line that stops before 通报/报告.
        if titles and not _complete(titles[-1]) and titles[-1][-1].number < number:
            titles[-1].append(Piece(number, cleaned))
        else:
            titles.append([Piece(number, cleaned)])
    return None


def _title_like(text: str) -> bool:
    return (
        4 <= len(text) <= 90
        and not re.search(r"[。；;！!？?，,]", text)
        and bool(TITLE_WORDS.search(text))
        and ("关于" in text or bool(TITLE_END.search(text)) or "巡" in text)
    )


def _complete(title: list[Piece]) -> bool:
    joined = "".join(p.text for p in title).strip()
    return "关于" in joined and bool(TITLE_END.search(joined))


def _keep(header: Header, key: str, value: str, number: int) -> None:
    header.meta.setdefault(key, (value, number))


def _choose_title(header: Header, titles: list[list[Piece]]) -> None:
    """The first complete title; a page's repeats and split copies of it add nothing."""
    candidates = [t for t in titles if TITLE_WORDS.search("".join(p.text for p in t))]
    if not candidates:
        return
    chosen = next((t for t in candidates if _complete(t)), candidates[0])
    header.title = re.sub(r"\s+", "", "".join(p.text.strip() for p in chosen))
    header.title_lines = tuple(dict.fromkeys(p.number for p in chosen))


def meta_date(header: Header, key: str):
    """A metadata date (2023-05-04, 2023年11月23日) with its line, or (None, None)."""
    if key not in header.meta:
        return None, None
    value, number = header.meta[key]
    found = parse_full_date(value)
    return (found, number) if found else (None, None)
