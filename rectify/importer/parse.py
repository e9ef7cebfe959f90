"""parse_report(text) -> ReportRecord: the structure of a rectification progress report.

The genre, as published by county and city party committees:
  a title (optional), an opening paragraph (who inspected whom, when, feedback date),
  parts 一、二、三、 of which one lists the problems fed back, grouped under （一） and sometimes
  1. categories, each problem numbered "1." or "问题N:", followed by its measures ("整改情况:",
  "一是…二是…", "(1)…") and sometimes a status line; contacts and a signature at the end.
Its other shapes: no wrapping part, the 一、 parts being the categories (一、…方面) or the problems
(一、关于“X”问题的整改情况); three numbering levels, where the problem is the deepest item with its
own statement; unnumbered 关于“X”问题 headings; problems grouped by status (（一）已整改完成的问题).
The leadership's own work is numbered like problems but holds none.
Every rule here is about that structure, never about one county's file.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from datetime import date

from rectify.chinese import to_simplified
from rectify.numerals import dates_in, make_date, parse_full_date, parse_money, to_int
from rectify.textlines import split_lines

from . import header as H
from . import patterns as P
from .chrome import Header, meta_date, split_header
from .failure import ImportFailure
from .header import Opening, read_opening, resolve_indirect
from .records import (
    Amount,
    CategoryRecord,
    DeclaredCounts,
    Fragment,
    InspectionRecord,
    IssueRecord,
    MeasureRecord,
    ReportInfo,
    ReportRecord,
    UnitRecord,
    Warning,
)
from .regions import describe_unit
from .text import clean_lines, has_pinyin_residue, strip_pinyin_residue


class ParseError(ImportFailure):
    """The text is not a rectification report; `line` points at where that became clear."""


@dataclass(slots=True)
class Line:
    number: int
    text: str


@dataclass(slots=True)
class Token:
    kind: str  # part, cn_paren, arabic_dot, issue_label, arabic_paren, circled, text
    number: str | None
    rest: str
    line: Line


@dataclass(slots=True)
class Block:
    """A problem's lines, from its numbered line up to the next problem or category."""

    token: Token
    lines: list[Token] = field(default_factory=list)
    category: tuple[str, ...] = ()
    category_numbers: tuple[str | None, ...] = ()
    top_line: int | None = None  # the line of the top category it sits under


# Residue of text decoded with the wrong charset: UTF-8 read as GBK and back (锟斤拷), or bytes a decoder
# could not read (U+FFFD).
GARBLED_MARKS = ("锟斤拷", "\ufffd")
# No report writes a paragraph this long; a longer line is a file without line breaks or not a report.
MAX_LINE_CHARS = 100_000
# How a report's last problem ends when the file is whole; a line cut short ends with none of these.
SENTENCE_END = tuple("。！？；.!?;）)”’」』】")


def report_lines(text: str) -> list[Line]:
    """The lines the parser reads: cleaned, numbered from 1, simplified when the report is traditional."""
    lines = [Line(n, line) for n, line in enumerate(clean_lines(text), start=1)]
    if "(" in text and has_pinyin_residue(text):
        # A page garbled by ruby annotations (根據(jù)): the pinyin is residue, the characters are the text.
        lines = [Line(line.number, strip_pinyin_residue(line.text)) for line in lines]
    if _is_traditional(text):
        # The genre's patterns are written in simplified characters; values come out simplified too,
        # while the loader keeps the source text exactly as published.
        lines = [Line(line.number, to_simplified(line.text)) for line in lines]
    return lines


def parse_report(text: str) -> ReportRecord:
    """Parse one report's text into records; raise ParseError when it is not a report at all."""
    too_long = next((n for n, raw in enumerate(split_lines(text), start=1) if len(raw) > MAX_LINE_CHARS), None)
    if too_long is not None:
        length = len(split_lines(text)[too_long - 1])
        raise ParseError(
            f"第{too_long}行过长（{length:,}字，上限{MAX_LINE_CHARS:,}字）：不像是整改报告的段落", line=too_long
        )
    lines = report_lines(text)
    body = [line for line in lines if line.text]
    if not body:
        raise ParseError("文件为空：没有任何文字", line=1)
    if not any(re.search(r"巡[察视]|整改", line.text) for line in body):
        raise ParseError("不是巡察整改报告：全文未出现“巡察”“巡视”或“整改”", line=body[0].number)

    header, title, rest = _split_header(body)
    signature_name, signed_date, closing_start = _signature(rest)
    content = rest[:closing_start]

    facts = read_opening(rest)
    inspection = _inspection(facts, header, title or "", rest)
    unit = _unit(title, header, signature_name, facts, rest)
    parts = _parts(content)
    problem_lines = _problem_part(parts, content)

    warnings: list[Warning] = [Warning(code, line, detail) for code, line, detail in facts.warnings]
    if facts.indirect and not unit.named_as:
        warnings.append(Warning("unit_unresolved", facts.lines.get("unit"), {"text": facts.indirect}))
    categories, blocks = _structure(problem_lines, warnings)
    issues = [_issue(block, inspection.feedback_date or inspection.end_date) for block in blocks]
    _check_numbering(issues, categories, blocks, warnings)
    _check_status_groups(issues, blocks, warnings)

    inside_problems = {tok.line.number for block in blocks for tok in [block.token, *block.lines]}
    outside = [line for line in rest if line.number not in inside_problems]
    declared, declared_lines = _declared_counts(outside)
    if not issues:
        first = problem_lines[0].number if problem_lines else body[-1].number
        warnings.append(Warning("no_problems_section", first, {}))
    else:
        warnings[:0] = _count_mismatches(declared, declared_lines, categories, issues)
        if _ends_mid_problem(body, issues, signature_name or signed_date):
            warnings.append(Warning("truncated", body[-1].number, {}))

    garbled = []
    if any(mark in text for mark in GARBLED_MARKS):  # one scan of the text in C, lines only when needed
        garbled = [line for line in body if any(mark in line.text for mark in GARBLED_MARKS)]
    if garbled:
        # Bytes decoded with the wrong charset (锟斤拷, U+FFFD): what is there is parsed, nothing is
        # guessed for the characters lost, and the reader is told where they start.
        warnings.append(Warning("garbled_text", garbled[0].number, {"lines": len(garbled)}))

    signed_line = rest[-1].number if signed_date else None
    info = _report_info(header, outside, rest[closing_start:], (signed_date, signed_line), declared, declared_lines)
    record = ReportRecord(
        title=title,
        unit=unit,
        inspection=inspection,
        report=info,
        categories=tuple(categories),
        issues=tuple(issues),
        warnings=tuple(warnings),
    )
    return dataclasses.replace(record, remainder=_remainder(body, record))


def _ends_mid_problem(body: list[Line], issues: list[IssueRecord], signed) -> bool:
    """A download or copy cut short: the text stops inside the last problem, in mid-sentence."""
    return not signed and issues[-1].end_line == body[-1].number and not body[-1].text.endswith(SENTENCE_END)


def _remainder(body: list[Line], record: ReportRecord) -> tuple[Fragment, ...]:
    """Body text no placed part accounts for, as runs per line, so no character goes missing unseen.

    Each placed text claims its characters in order, from its own line onward within its region
    (a problem's lines, a category's line, or the whole body for the title); whitespace is layout.
    """
    index = {line.number: i for i, line in enumerate(body)}
    texts = [line.text for line in body]
    # One byte per character, 1 once claimed: slices, searches and fills run in C.
    claimed = [bytearray(len(text)) for text in texts]
    region_end = {number: issue.end_line for issue in record.issues for number in range(issue.line, issue.end_line + 1)}

    def claim(text: str, row: int, last_row: int) -> None:
        col = 0
        for segment in text.split("\n"):
            segment = segment.strip()
            if not segment:
                continue
            # Most placed text is a verbatim piece of one line: take it whole where it is still free.
            size = len(segment)
            for at in range(row, last_row + 1):
                found = texts[at].find(segment, col if at == row else 0)
                while found != -1 and claimed[at].find(1, found, found + size) != -1:
                    found = texts[at].find(segment, found + 1)
                if found != -1:
                    claimed[at][found : found + size] = b"\x01" * size
                    row, col = at, found + size
                    break
            else:
                row, col = claim_chars(segment, row, col, last_row)

    def claim_chars(text: str, row: int, col: int, last_row: int) -> tuple[int, int]:
        for ch in text:
            if ch.isspace():
                continue
            at = row, col
            while row <= last_row:
                found = texts[row].find(ch, col)
                while found != -1 and claimed[row][found]:
                    found = texts[row].find(ch, found + 1)
                if found != -1:
                    claimed[row][found] = 1
                    col = found + 1
                    break
                row, col = row + 1, 0
            else:
                row, col = at  # not in the region: the placed text repeats or invents it
        return row, col

    whole_body = len(body) - 1
    for text, line in record.placed_texts():
        if line is None:
            claim(text, 0, whole_body)
        elif line in region_end:
            claim(text, index[line], index[region_end[line]])
        elif line in index:
            row = index[line]
            claim(text, row, row)
    fragments = []
    for line, text, flags in zip(body, texts, claimed, strict=True):
        for start, end in _unclaimed_runs(flags):
            if unclaimed := text[start:end].strip():
                fragments.append(Fragment(line.number, unclaimed))
    return tuple(fragments)


def _unclaimed_runs(flags: bytearray) -> list[tuple[int, int]]:
    """The (start, end) of each run of zeros; bytearray.find is ten times faster here than a regex."""
    runs = []
    end = 0
    while (start := flags.find(0, end)) != -1:
        end = flags.find(1, start)
        if end == -1:
            end = len(flags)
        runs.append((start, end))
    return runs


def _is_traditional(text: str) -> bool:
    sample = text[:5000]
    simplified = to_simplified(sample)
    if simplified == sample:  # the usual case, decided without a character loop
        return False
    changed = sum(map(str.__ne__, sample, simplified))
    return changed > 10


# --- header, opening, signature -------------------------------------------------------------


def _split_header(body: list[Line]) -> tuple[Header, str | None, list[Line]]:
    """Separate the web page's header (chrome, metadata, title) from the report's own text.

    The report starts at its opening sentence (chrome.opening_at); all before it is header, and a line
    that runs page and report together is cut there. Without an opening sentence in the first lines,
    the older reading applies: metadata lines and up to three title lines at the top.
    """
    header = split_header(body)
    if header is not None:
        index, offset = header.start
        first = body[index]
        rest = ([Line(first.number, first.text[offset:])] if offset else [first]) + body[index + 1 :]
        title = header.title if header.title and re.search(r"巡[察视]|整改|通报", header.title) else None
        return header, title, rest
    meta, title, rest = _split_header_plainly(body)
    header = Header()
    for line in meta:
        for key, pattern in (("published", P.PUBLISHED_AT), ("source", P.PUBLISHER)):
            if found := pattern.search(line.text):
                header.meta.setdefault(
                    key, (line.text[found.start() :] if key == "published" else found.group(1), line.number)
                )
    if title:
        header.title = title
        header.title_lines = (
            tuple(line.number for line in body[: body.index(rest[0])] if line not in meta) if rest else ()
        )
    return header, title, rest


def _split_header_plainly(body: list[Line]) -> tuple[list[Line], str | None, list[Line]]:
    """Separate web metadata and the (possibly multi-line) title from the body (no opening sentence found)."""
    meta: list[Line] = []
    title_lines: list[Line] = []
    index = 0
    for index, line in enumerate(body):  # noqa: B007 - index is used after the loop
        if P.PUBLISHED_AT.search(line.text) or re.match(r"^来源\s*[:：]", line.text):
            meta.append(line)
            continue
        looks_like_title = (
            len(line.text) <= 60
            and not line.text.endswith(("。", "；", ";"))
            and not re.match(r"^(根据|按照|为|20\d\d年|[一二三四五六七八九十]+[、.．])", line.text)
            and not P.CN_PAREN.match(line.text)
            and not P.ARABIC_DOT.match(line.text)
        )
        if looks_like_title and len(title_lines) < 3:
            title_lines.append(line)
            continue
        break
    else:
        index = len(body)
    title = "".join(line.text for line in title_lines)
    if not title or not re.search(r"巡[察视]|整改|通报", title):
        return meta, None, [line for line in body if line not in meta]
    return meta, title, body[index:]


def _signature(rest: list[Line]) -> tuple[str | None, date | None, int]:
    """Return the signing unit, its date, and where the closing part starts."""
    signed_date = None
    name = None
    end = len(rest)
    if rest and P.SIGNATURE_DATE.match(rest[-1].text):
        signed_date = make_date(*(to_int(g) for g in P.SIGNATURE_DATE.match(rest[-1].text).groups()))
        end -= 1
        if end and _looks_like_org(rest[end - 1].text):
            name = rest[end - 1].text
            end -= 1
    elif rest and _looks_like_org(rest[-1].text):
        name = rest[-1].text
        end -= 1
    # Contacts and the invitation to supervise close the report.
    while end and P.CONTACT_LINE.search(rest[end - 1].text) and not _opens_with_numbering(rest[end - 1].text):
        end -= 1
    return name, signed_date, end


def _opens_with_numbering(text: str) -> bool:
    # A numbered line is a heading or a problem, even when it mentions 监督 (a report cut short ends on one).
    return any(pattern.match(text) for pattern in (P.PART_HEADING, P.CN_PAREN, P.ARABIC_DOT, P.ISSUE_LABEL))


def _looks_like_org(text: str) -> bool:
    return len(text) <= 40 and not re.search(r"[。，,；;:：]", text) and bool(re.search(rf"(?:{P.ORG_SUFFIX})$", text))


def _inspection(facts: Opening, header: Header, title: str, rest: list[Line]) -> InspectionRecord:
    """The inspection as the opening sentence states it (header.read_opening), its round from the title."""
    lines = {key: line for key, line in facts.lines.items() if key != "unit"}
    round_match = H.ROUND.search(title)
    if round_match and header.title_lines:
        lines["round"] = header.title_lines[0]
    elif not round_match and "inspector" in facts.lines:
        # The opening sentence's own round ("七届市委第十二轮巡察一组"), not one named further on.
        opening = next(line for line in rest if line.number == facts.lines["inspector"])
        if round_match := H.ROUND.search(opening.text):
            lines["round"] = opening.number
    return InspectionRecord(
        inspector=facts.inspector,
        kind=facts.kind,
        focus=facts.focus,
        round=round_match.group(1) if round_match else None,
        start_date=facts.start_date,
        end_date=facts.end_date,
        feedback_date=facts.feedback_date,
        inspection_type=facts.inspection_type or _type_from_title(title),
        inspector_level=facts.inspector_level,
        lines=lines,
    )


def _type_from_title(title: str) -> str | None:
    found = re.search(r"巡[察视]", title)
    return found.group() if found else None


def _unit(
    title: str | None, header: Header, signature_name: str | None, facts: Opening, rest: list[Line]
) -> UnitRecord:
    """The unit's full name (title, signature, else the opening's naming) and the opening's own naming."""
    title_line = header.title_lines[0] if header.title_lines else None
    signature_line = next((line.number for line in reversed(rest) if line.text == signature_name), None)
    title_name = None
    if title and "关于" in title:
        title_name = title[: title.index("关于")].strip() or None
    named_as, named_line = facts.unit, facts.lines.get("unit")
    if facts.several:
        named_as = named_line = None
    elif facts.indirect:
        publisher = header.meta.get("publisher", (None, None))
        named_as, named_line = resolve_indirect(
            facts.indirect, [(title_name, title_line), (signature_name, signature_line), publisher], rest
        )
    name, name_line = title_name, title_line
    if not name and signature_name:
        name, name_line = signature_name, signature_line
    if not name:
        name, name_line = named_as, named_line
    lines = {key: line for key, line in (("name", name_line), ("named_as", named_line)) if line}
    return describe_unit(name, facts.sub_units, named_as=named_as, lines=lines)


# --- parts and the problems section -------------------------------------------------------------


def _parts(content: list[Line]) -> list[tuple[Line | None, list[Line]]]:
    parts: list[tuple[Line | None, list[Line]]] = [(None, [])]
    for line in content:
        if P.PART_HEADING.match(line.text) and len(line.text) <= 60:
            parts.append((line, []))
        else:
            parts[-1][1].append(line)
    return parts


def _has_problem_items(lines: list[Line]) -> bool:
    return any(
        P.ISSUE_LABEL.match(line.text)
        or P.ARABIC_DOT.match(line.text)
        or P.PROBLEM_HEADING.match(line.text)
        or _heading_with_inline_measures(line.text)
        or ((P.CN_PAREN.match(line.text) or P.ARABIC_PAREN.match(line.text)) and _mentions_measures(lines))
        for line in lines
    )


def _mentions_measures(lines: list[Line]) -> bool:
    return any(P.MEASURE_LABEL.match(line.text) or P.INLINE_MEASURE_LABEL.search(line.text) for line in lines)


def _problem_part(parts, content: list[Line]) -> list[Line]:
    """Pick the lines holding the problems: a part of numbered items, not the leadership's or next steps'.

    Where no such part wraps the list, parts whose headings name problems ("一、在…方面",
    "一、关于“X”问题的整改情况") are the list itself: their headings come along, read as a level.
    """
    headed = [(heading, lines) for heading, lines in parts if heading is not None]
    if not headed:
        return content
    open_parts = [(heading, lines) for heading, lines in headed if not _holds_no_problems(heading.text)]
    if not any(_has_problem_items(lines) or _names_problems(heading.text) for heading, lines in open_parts):
        # Only a heading on the leadership's work holds numbered items: its problems, if they come
        # with measure labels (the leadership's own work never has them), are the list after all.
        open_parts = [
            (heading, lines)
            for heading, lines in headed
            if _is_leadership(_part_title(heading.text)) and _mentions_measures(lines)
        ]
    candidates = [(heading, lines) for heading, lines in open_parts if _has_problem_items(lines)]
    if candidates and not any(_names_problems(heading.text) for heading, _ in candidates):
        # Measure labels are the surest sign of a problem list; the leadership's numbered work has none.
        heading, lines = max(
            candidates,
            key=lambda part: (_mentions_measures(part[1]), sum(bool(P.ARABIC_DOT.match(x.text)) for x in part[1])),
        )
        return lines
    named = [index for index, (heading, _) in enumerate(open_parts) if _names_problems(heading.text)]
    if not named:
        return []
    return [line for heading, lines in open_parts[named[0] : named[-1] + 1] for line in [heading, *lines]]


def _part_title(text: str) -> str:
    match = P.PART_HEADING.match(text)
    return match.group(2) if match else text


def _holds_no_problems(heading: str) -> bool:
    """A part on next steps or on how the rectification was led; a status group is never one."""
    title = _part_title(heading)
    if P.STATUS_GROUP.match(title):
        return False
    return bool(P.NON_PROBLEM_PART.search(title)) or _is_leadership(title)


def _is_leadership(title: str) -> bool:
    return bool(P.LEADERSHIP_HEADING.search(title)) and not P.SHORTCOMING.search(title)


# A heading that wraps the whole list ("二、反馈问题整改情况", "二、坚持问题导向，稳步推进整改落实"), as
# opposed to one that names a group of problems or one problem.
WRAPPER_HEADING = re.compile(r"整改(?:工作)?(?:落实|进展|任务落实)?(?:的)?情况$|推进整改落实$|整改落实情况$|整改进展$")
NAMES_A_PROBLEM = re.compile(r"^(?:关于|针对|在)|[“\"]")


def _names_problems(heading: str) -> bool:
    """A part heading that is itself a category or a problem: 在…方面, 关于“X”问题的整改, 已完成整改的问题."""
    title = _part_title(heading)
    if P.STATUS_GROUP.match(title) or "“" in title or '"' in title:
        return True
    if WRAPPER_HEADING.search(title):
        return False  # "二、关于巡察反馈问题的整改落实情况" wraps the list
    return bool(NAMES_A_PROBLEM.search(title) or P.SHORTCOMING.search(title))


# The numbering a line may open with, in the order they are tried.
LINE_MARKERS = (
    ("issue_label", P.ISSUE_LABEL),
    ("cn_paren", P.CN_PAREN),
    ("arabic_paren", P.ARABIC_PAREN),
    ("arabic_dot", P.ARABIC_DOT),
    ("circled", P.CIRCLED),
)
BLANK = re.compile(r"\s")


def _tokenize(lines: list[Line]) -> list[Token]:
    tokens = []
    for line in lines:
        text = line.text
        match = P.ARABIC_DOT.match(text)
        if match and (label := P.ISSUE_LABEL.match(match.group(2))):
            # "1.问题1:" — the problem's own label wins over the list ordinal; "1.问题:" keeps the ordinal.
            number = _label_number(label.group(1)) or match.group(1)
            tokens.append(Token("issue_label", number, label.group(2), line))
            continue
        part = P.PART_HEADING.match(text)
        if part and len(text) <= 60:
            # Only where parts are the list's own level (see _problem_part) does a part heading get here.
            tokens.append(Token("part", part.group(1), part.group(2), line))
            continue
        for kind, pattern in LINE_MARKERS:
            match = pattern.match(text)
            if match:
                number = _label_number(match.group(1)) if kind == "issue_label" else BLANK.sub("", match.group(1))
                tokens.append(Token(kind, number, match.group(2), line))
                break
        else:
            if P.PROBLEM_HEADING.match(text):
                tokens.append(Token("heading", None, text, line))
            elif _heading_with_inline_measures(text):
                # "关于“X”的问题。整改情况：…" — a whole unnumbered problem in one paragraph.
                tokens.append(Token("issue_label", None, text, line))
            else:
                tokens.append(Token("text", None, text, line))
    return [_settle(tokens, index) for index in range(len(tokens))]


def _settle(tokens: list[Token], index: int) -> Token:
    """Decide the lines whose part depends on their neighbours.

    An unnumbered 关于“X”问题的整改 opens a problem when its own measures follow it; otherwise it is a
    line of text (a category heading, or a sentence within a problem). A bare "问题：" right under a
    numbered item is that item's statement, not a problem of its own.
    """
    token = tokens[index]
    if token.kind == "heading":
        opens = _has_own_measures(tokens, index, {*NUMBERED, "part", "heading"})
        return Token("issue_label" if opens else "text", None, token.rest, token.line)
    if (
        token.kind == "issue_label"
        and token.number is None
        and index
        and tokens[index - 1].kind in NUMBERED
        and tokens[index - 1].number is not None
        and P.ISSUE_LABEL.match(token.line.text)
    ):
        return Token("text", None, token.line.text, token.line)
    return token


def _heading_with_inline_measures(text: str) -> bool:
    if not text.startswith(("关于", "针对")):
        return False
    label = P.INLINE_MEASURE_LABEL.search(text)
    return bool(label and P.PROBLEM_HEADING.match(text[: label.start()].strip()))


def _label_number(label: str) -> str | None:
    """Read "问题 3" as "问题3"; the bare "问题:" of a digest has no number."""
    number = BLANK.sub("", label)
    return None if number == "问题" else number


def _problem_kind(tokens: list[Token]) -> str | None:
    kinds = [t.kind for t in tokens]
    if "issue_label" in kinds:
        return "issue_label"
    if "arabic_dot" in kinds:
        # "1." items that only ever follow a measure label are measures of （一） problems.
        in_measures = False
        dots_as_measures = True
        for token in tokens:
            if token.kind == "cn_paren":
                in_measures = False
            elif token.kind == "text" and P.MEASURE_LABEL.match(token.rest):
                in_measures = True
            elif token.kind == "arabic_dot" and not in_measures:
                dots_as_measures = False
        if not (dots_as_measures and "cn_paren" in kinds):
            return "arabic_dot"
    if "cn_paren" in kinds:
        return "cn_paren"
    if "arabic_paren" in kinds and any(t.kind == "text" and P.MEASURE_LABEL.match(t.rest) for t in tokens):
        # "（1）…" problems with their own 整改情况： and nothing numbered above them.
        return "arabic_paren"
    return None


CATEGORY_KINDS = {
    "issue_label": ("part", "cn_paren", "arabic_dot"),
    "arabic_dot": ("part", "cn_paren"),
    "cn_paren": ("part",),
    "arabic_paren": ("part",),
    "part": (),
}
NUMBERED = ("issue_label", "cn_paren", "arabic_dot", "arabic_paren", "circled")
# The opening words or the first sentence of an item that states a problem, not an action taken.
STATES_A_PROBLEM = re.compile(r"^(?:关于|针对|在)")


def _states_problem(token: Token) -> bool:
    head = re.split(r"[。；;]", token.rest, maxsplit=1)[0]
    return bool(STATES_A_PROBLEM.match(head) or P.SHORTCOMING.search(head))


def _problem_level(tokens: list[Token], warnings: list[Warning]) -> tuple[str | None, list[str]]:
    """Return the problems' numbering kind and the category kinds above it, outermost first.

    The problem is the deepest numbered item that carries its own statement: an item whose line is
    followed at once by deeper numbered items that state problems or hold measures is a heading.
    """
    inner = [t for t in tokens if t.kind != "part"]
    problem_kind = _problem_kind(inner)
    has_parts = len(inner) < len(tokens)
    if has_parts and (
        problem_kind is None
        or (problem_kind in ("cn_paren", "arabic_dot") and not _items_are_problems(tokens, problem_kind, warnings))
    ):
        # "一、关于“X”问题的整改情况" over "（一）强化…" actions: the parts are the problems.
        return "part", []
    if problem_kind is None:
        return None, []
    levels = [k for k in dict.fromkeys(t.kind for t in tokens) if k in CATEGORY_KINDS[problem_kind]]
    for _ in NUMBERED:  # each step goes one level deeper; there are no more levels than kinds
        deeper = _deeper_problem_kind(tokens, problem_kind, levels)
        if deeper is None:
            break
        levels = [k for k in levels if k != deeper] + [problem_kind]
        problem_kind = deeper
    # "问题1：… 整改措施：1.… 2.…": numbered lines only ever under a measure label are measures.
    levels = [kind for kind in levels if not _only_in_measures(tokens, kind, problem_kind)]
    if problem_kind in ("arabic_dot", "arabic_paren") and levels:
        # "（一）关于…不够深入的问题" over "1.坚持把…作为首要政治任务。": every heading above names one
        # problem and most items below are actions with no measures of their own, so they are its measures.
        parents = [t for t in tokens if t.kind == levels[-1]]
        if all(_names_one_problem(t.rest) for t in parents) and not _items_are_problems(tokens, problem_kind, warnings):
            return levels[-1], levels[:-1]
    return problem_kind, levels


ONE_PROBLEM = re.compile(r"^(?:关于|针对).{2,80}问题(?:的整改(?:落实|进展)?(?:情况)?)?$")


def _names_one_problem(text: str) -> bool:
    return bool(ONE_PROBLEM.match(re.split(r"[。；;]", text, maxsplit=1)[0].strip()))


def _only_in_measures(tokens: list[Token], kind: str, problem_kind: str) -> bool:
    in_measures = False
    for token in tokens:
        if token.kind == problem_kind or (token.kind in NUMBERED and token.kind != kind):
            in_measures = False
        elif token.kind == "text" and P.MEASURE_LABEL.match(token.rest):
            in_measures = True
        elif token.kind == kind and not in_measures:
            return False
    return True


def _items_are_problems(tokens: list[Token], kind: str, warnings: list[Warning]) -> bool:
    """Most items of `kind` state a problem or carry their own measures (a measure may open 针对…问题).

    As many one way as the other is a guess either way: they are read as problems, which keeps every
    statement as written, and the reader is asked to check.
    """
    items = [(index, token) for index, token in enumerate(tokens) if token.kind == kind]
    votes = sum(_states_problem(token) or _has_own_measures(tokens, index, {kind, "part"}) for index, token in items)
    uncertain = Warning("uncertain_structure", items[0][1].line.number, {}) if items else None
    if uncertain and 2 * votes == len(items) and uncertain not in warnings:
        warnings.append(uncertain)
    return 2 * votes >= len(items)


def _deeper_problem_kind(tokens: list[Token], problem_kind: str, levels: list[str]) -> str | None:
    """The kind of the items every problem heading is followed by at once, when those are the problems."""
    followers = {tokens[i + 1].kind for i, t in enumerate(tokens[:-1]) if t.kind == problem_kind}
    if len(followers) != 1:
        return None
    deeper = followers.pop()
    if deeper not in NUMBERED or deeper == problem_kind:
        return None
    first_problem = next(i for i, t in enumerate(tokens) if t.kind == problem_kind)
    if deeper in levels and any(t.kind == deeper for t in tokens[:first_problem]):
        return None  # numbered above the problems too: a category level of its own
    outer = {problem_kind, deeper, *levels}
    for index, token in enumerate(tokens):
        if token.kind == deeper and not (_has_own_measures(tokens, index, outer) or _states_problem(token)):
            return None
    return deeper


def _has_own_measures(tokens: list[Token], index: int, stop_kinds: set[str]) -> bool:
    """The item at `index` is followed, before the next item of `stop_kinds`, by a measure label or 一是."""
    for follower in tokens[index + 1 :]:
        if follower.kind in stop_kinds:
            return False
        if follower.kind == "text" and (P.MEASURE_LABEL.match(follower.rest) or _first_shi_marker(follower.rest) == 0):
            return True
    return False


def _structure(lines: list[Line], warnings: list[Warning]) -> tuple[list[CategoryRecord], list[Block]]:
    tokens = _tokenize(lines)
    problem_kind, levels = _problem_level(tokens, warnings)
    if problem_kind is None:
        return [], []

    tree: list[dict] = []
    path: list[dict] = []
    blocks: list[Block] = []
    first_problem = next(i for i, t in enumerate(tokens) if t.kind == problem_kind)
    first_category = next((i for i, t in enumerate(tokens) if t.kind in levels), None)
    implicit = set()
    if first_category is not None and first_category > first_problem and first_problem > 0:
        candidate = tokens[first_problem - 1]
        if candidate.kind == "text" and not P.SUMMARY_LINE.search(candidate.rest):
            implicit.add(first_problem - 1)
    elif not levels:
        # Unnumbered category headings ("党的领导方面") over problems whose numbering starts again.
        implicit = {
            index - 1
            for index, token in enumerate(tokens)
            if index and token.kind == problem_kind and _restarts(token) and _heading_like(tokens[index - 1])
        }

    current: Block | None = None
    for index, token in enumerate(tokens):
        if index in implicit or token.kind in levels:
            depth = 0 if index in implicit else levels.index(token.kind)
            node = {
                "number": None if index in implicit else token.number,
                "title": _category_title(token.rest),
                "line": token.line.number,
                "children": [],
            }
            del path[depth:]
            (path[-1]["children"] if path else tree).append(node)
            path.append(node)
            current = None
        elif token.kind == problem_kind:
            current = Block(
                token,
                category=tuple(n["title"] for n in path),
                category_numbers=tuple(n["number"] for n in path),
                top_line=path[0]["line"] if path else None,
            )
            blocks.append(current)
        elif current is not None:
            current.lines.append(token)
    # The leadership's own work, numbered like the problems under a heading of its own, holds none.
    labelled = {block.top_line for block in blocks if any(P.MEASURE_LABEL.match(t.rest) for t in block.lines)}
    led = {node["line"] for node in tree if _is_leadership(node["title"]) and node["line"] not in labelled}
    if led:
        tree = [node for node in tree if node["line"] not in led]
        blocks = [block for block in blocks if block.top_line not in led]
    if blocks and not labelled and all(_reads_as_leadership_work(block.token) for block in blocks):
        # "1.提高思想认识，压实整改主体责任。…": every item an action on the rectification itself and no
        # measure label anywhere: the leadership's work under a heading that does not say so.
        return [], []
    return [_category_record(node) for node in tree], blocks


# How an item on the leadership's own work opens: a verb of resolve or an "抓整改" phrase.
ACTION_OPENING = re.compile(
    r"^(?:以|亲自|坚持|强化|加强|提高|提升|压实|细化|健全|完善|注重|深化|扛起|扛牢|扛实|统一|明确|建立|狠抓|抓实|抓好|抓牢|"
    r"聚焦|突出|严格|全面|着力|推动|推进|深入|切实|从|着眼|高位|迅速|立即|制定|成立|召开|坚决|持续|凝聚|夯实|构建)"
)


def _reads_as_leadership_work(token: Token) -> bool:
    head = re.split(r"[。；;]", token.rest, maxsplit=1)[0]
    if P.SHORTCOMING.search(head):
        return False
    return bool(ACTION_OPENING.match(head) or P.LEADERSHIP_HEADING.search(head) or "整改" in head)


def _restarts(token: Token) -> bool:
    return token.number is not None and to_int(re.sub(r"^问题", "", token.number)) == 1


def _heading_like(token: Token) -> bool:
    """A short unnumbered line that ends without punctuation and is no label: a heading."""
    text = token.rest
    return (
        token.kind == "text"
        and 2 <= len(text) <= 50
        and not text.endswith(("。", "；", ";", "，", ",", ":", "：", "！", "？"))
        and not any(
            pattern.match(text) for pattern in (P.MEASURE_LABEL, P.STATUS_LABEL, P.DEADLINE_LABEL, P.RESPONSIBLE_LABEL)
        )
        and not P.SUMMARY_LINE.search(text)
        and not OPENING_WORDS.search(text)
    )


# The close of an opening paragraph ("现将整改情况公布如下"), never a heading.
OPENING_WORDS = re.compile(r"现将|如下|予以公[布开]|通报")


def _category_title(text: str) -> str:
    """A category's title without its label: "反馈问题:落实…不力" -> "落实…不力"."""
    label = P.ISSUE_LABEL.match(text)
    return _strip_end(label.group(2) if label and label.group(2) else text)


def _category_record(node: dict) -> CategoryRecord:
    return CategoryRecord(
        number=node["number"],
        title=node["title"],
        line=node["line"],
        children=tuple(_category_record(child) for child in node["children"]),
    )


def _strip_end(text: str) -> str:
    return text.strip().rstrip("。；;，,").strip()


# --- one problem ---------------------------------------------------------------------------------


def _issue(block: Block, feedback: date | None) -> IssueRecord:
    statement_parts: list[Token] = []
    measure_parts: list[Token] = []
    status_text = ""
    deadline_text = None
    first = Token("text", None, block.token.rest, block.token.line)
    bracketed = P.BRACKETED_STATUS.search(first.rest)
    if bracketed and any(pattern.search(bracketed.group(1)) for _, pattern in P.STATUS_PHRASES):
        status_text += bracketed.group(1)
        first = Token("text", None, first.rest[: bracketed.start()], first.line)
    labelled = any(
        P.MEASURE_LABEL.match(t.rest) or P.STATUS_LABEL.match(t.rest) for t in block.lines if t.kind == "text"
    )
    # "1.学习不深入。整改措施：一是…": the label on the problem's own line ends its statement.
    inline = P.INLINE_MEASURE_LABEL.search(first.rest)
    inline_measures = None
    if inline:
        inline_measures = Token("text", None, first.rest[inline.end() :], first.line)
        first = Token("text", None, first.rest[: inline.start()], first.line)

    if labelled:
        target = statement_parts
        statement_parts.append(first)
        if inline_measures is not None:
            measure_parts.append(inline_measures)
            target = measure_parts
        for token in block.lines:
            text = token.rest if token.kind == "text" else None
            if text is not None and P.MEASURE_LABEL.match(text):
                target = measure_parts
                remainder = P.MEASURE_LABEL.match(text).group(1)
                if remainder:
                    measure_parts.append(Token("text", None, remainder, token.line))
            elif text is not None and P.STATUS_LABEL.match(text):
                status_text += P.STATUS_LABEL.match(text).group(1)
                target = []
            elif text is not None and P.DEADLINE_LABEL.match(text):
                deadline_text = P.DEADLINE_LABEL.match(text).group(1).strip() or None
            else:
                target.append(token)
    elif inline_measures is not None:
        statement_parts.append(first)
        measure_parts.append(inline_measures)
        measure_parts.extend(block.lines)
    else:
        marker = _first_shi_marker(first.rest)
        if marker is not None and _measures_follow(block):
            # "1.学习不深入，一是计划不健全；二是形式单一。" over a paragraph of its own measures:
            # the 一是/二是 on the problem's line describe the problem.
            marker = None
        if marker is not None:
            statement_parts.append(Token("text", None, first.rest[:marker], first.line))
            measure_parts.append(Token("text", None, first.rest[marker:], first.line))
        elif block.lines:
            statement_parts.append(first)
        else:
            head, _, tail = _partition_sentence(first.rest)
            statement_parts.append(
                Token("text", None, head + "。" if tail or first.rest.endswith("。") else head, first.line)
            )
            if tail.strip():
                measure_parts.append(Token("text", None, tail, first.line))
        measure_parts.extend(block.lines)

    description = "\n".join(t.rest.strip() for t in statement_parts if t.rest.strip())
    measures = _measures(measure_parts, feedback)
    if measures:
        last = measures[-1]
        closing = P.CLOSING_STATUS.search(last.text)
        bracketed = P.BRACKETED_STATUS.search(last.text)
        if bracketed and not any(pattern.search(bracketed.group(1)) for _, pattern in P.STATUS_PHRASES):
            bracketed = None
        if last.number is None and P.STATUS_ONLY.match(last.text):
            # "整改进度：已完成。" says how far the problem has got, not what was done.
            status_text += last.text
            measures.pop()
        elif closing or bracketed:
            # "此问题整改完成。" or "…清退违规补贴。（已完成整改）" closing the last measure.
            cut = closing or bracketed
            status_text += cut.group(0)
            measures[-1] = _measure(last.number, last.line, last.text[: cut.start()], feedback)
    if not status_text:
        # "（一）已整改完成的问题": the group a problem is listed under states its status.
        status_text = _group_status(block.category) or ""
    status, source = _status(status_text, measures)
    all_lines = [block.token.line.number] + [t.line.number for t in block.lines]
    return IssueRecord(
        number=block.token.number,
        category=block.category,
        line=block.token.line.number,
        end_line=max(all_lines),
        title=_title(description),
        description=description,
        status=status,
        status_source=source,
        immediate=bool(P.IMMEDIATE.search(status_text) or P.IMMEDIATE.search(first.rest[:30])),
        deadline=parse_full_date(deadline_text) if deadline_text else None,
        deadline_text=deadline_text,
        amounts=_amounts(description),
        measures=tuple(measures),
        category_numbers=block.category_numbers,
    )


def _measures_follow(block: Block) -> bool:
    """The lines below a problem open their own numbered measures ("一是…", "（1）…", "①…")."""
    if not block.lines:
        return False
    following = block.lines[0]
    if following.kind in ("arabic_paren", "circled"):
        return True
    return following.kind == "text" and _first_shi_marker(following.rest) == 0


def _partition_sentence(text: str) -> tuple[str, str, str]:
    """Split at the first 。 outside quotation marks: “学习不深。未组织…” is one quoted statement."""
    at = text.find("。")
    while at != -1:
        before = text[:at]
        if before.count("“") <= before.count("”"):  # counted in C: no loop over characters here
            return before, "。", text[at + 1 :]
        at = text.find("。", at + 1)
    return text, "", ""


def _title(description: str) -> str:
    first_line = description.split("\n", 1)[0]
    head = first_line.split("。", 1)[0]
    return _strip_end(head) or _strip_end(first_line)


def _first_shi_marker(text: str) -> int | None:
    return next((start for start, _end, numeral in _shi_markers(text) if numeral == "一"), None)


def _shi_markers(text: str) -> list[tuple[int, int, str]]:
    """Each "一是"/"十二是" marker as (start, end, numeral), in order.

    A marker is a run of Chinese ordinals and 是, opening the text or following a blank or one of
    P.MARKER_FOLLOWS. It is found from its 是 backwards: a paragraph holds a few, and str.find skips to
    them five times faster than a regex that has to try the marker at every position.
    """
    markers = []
    at = text.find("是")
    while at != -1:
        start = at
        while start and text[start - 1] in P.CN_ORDINAL:
            start -= 1
        if start < at and (start == 0 or text[start - 1] in P.MARKER_FOLLOWS or text[start - 1].isspace()):
            markers.append((start, at + 1, text[start:at]))
        at = text.find("是", at + 1)
    return markers


def _status(status_text: str, measures: list[MeasureRecord]) -> tuple[str, str | None]:
    if status_text:
        for status, pattern in P.STATUS_PHRASES:
            if pattern.search(status_text):
                return status, "stated"
    if any(m.state in ("ongoing", "blocked") for m in measures):
        return "in_progress", "inferred"
    return "unknown", None


# --- measures --------------------------------------------------------------------------------------


def _measures(parts: list[Token], feedback: date | None) -> list[MeasureRecord]:
    """Split measure lines into measures: "(1)" lines, inline "一是…二是…", or one plain text."""
    chunks: list[tuple[str | None, int, str]] = []  # (number, line, text)
    for token in parts:
        if token.kind in ("arabic_paren", "circled", "arabic_dot", "cn_paren"):
            chunks.append((token.number, token.line.number, token.rest))
            continue
        text = token.rest.strip() if token.kind == "text" else f"{token.number}{token.rest}"
        if not text:
            continue
        pieces = _split_shi(text)
        if pieces[0][0] is None and chunks:
            # A continuation line of the measure above.
            number, line, previous = chunks[-1]
            chunks[-1] = (number, line, previous + "\n" + pieces[0][1])
            pieces = pieces[1:]
        chunks.extend((number, token.line.number, piece) for number, piece in pieces)
    return [_measure(number, line, text, feedback) for number, line, text in chunks if text.strip()]


def _split_shi(text: str) -> list[tuple[str | None, str]]:
    """Split "一是…；二是…" (or "（1）…（2）…") at markers that follow one another in order."""
    cuts = _ordered_markers(_shi_markers(text))
    if not cuts:
        inline = [(m.start(), m.end(), m.group(1)) for m in P.INLINE_PAREN_MARKER.finditer(text)]
        cuts = _ordered_markers(inline)
        if len(cuts) < 2:
            cuts = []
    if not cuts:
        return [(None, text)]
    pieces: list[tuple[str | None, str]] = []
    if text[: cuts[0][0]].strip():
        pieces.append((None, text[: cuts[0][0]]))
    for i, (_start, end, number) in enumerate(cuts):
        stop = cuts[i + 1][0] if i + 1 < len(cuts) else len(text)
        pieces.append((number, text[end:stop]))
    return pieces


def _ordered_markers(markers: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The markers numbered 1, 2, 3… in turn, skipping any out of order."""
    expected = 1
    cuts: list[tuple[int, int, str]] = []
    for marker in markers:
        if to_int(marker[2]) == expected:
            cuts.append(marker)
            expected += 1
    return cuts


def _measure(number: str | None, line: int, text: str, feedback: date | None) -> MeasureRecord:
    text = text.strip().rstrip("；;，,").strip()
    return MeasureRecord(
        number=number,
        line=line,
        text=text,
        unit=_acting_body(text),
        dates=tuple(dates_in(text, after=feedback)),
        state=_measure_state(text),
        amounts=_amounts(text),
    )


def _acting_body(text: str) -> str | None:
    match = P.ACTING_BODY.match(text)
    if not match:
        return None
    name = match.group(1)
    names = [P.BODY_SUFFIX_DROP.sub("", part) for part in name.split("、")]
    if any(not part or P.NOT_A_BODY.search(part) for part in names):
        return None
    return "、".join(names)


def _measure_state(text: str) -> str | None:
    if P.MEASURE_BLOCKED.search(text):
        return "blocked"
    if P.MEASURE_ONGOING.search(text):
        return "ongoing"
    if P.MEASURE_DONE.search(text):
        return "done"
    # Asked only of measures not yet done: the future pattern is the costliest of the four.
    return "planned" if P.MEASURE_FUTURE.search(text) else None


def _amounts(text: str) -> tuple[Amount, ...]:
    found = []
    for printed, yuan, start, end in parse_money(text):
        clause_start = max((m.end() for m in P.CLAUSE_BREAK.finditer(text, 0, start)), default=0)
        next_break = P.CLAUSE_BREAK.search(text, end)
        clause = text[clause_start : next_break.start() if next_break else len(text)]
        verb = P.RECOVERY_VERB.search(clause)
        found.append(Amount(text=printed, yuan=yuan, kind=verb.group(0) if verb else None))
    return tuple(found)


# --- numbering, declared counts, contacts --------------------------------------------------------


def _group_status(category: tuple[str, ...]) -> str | None:
    return next((m.group(1) for title in reversed(category) if (m := P.STATUS_GROUP.match(title))), None)


def _check_status_groups(issues: list[IssueRecord], blocks: list[Block], warnings: list[Warning]) -> None:
    """A problem listed under 已完成 that says 正在整改 itself: its own words are kept, the clash is told."""
    groups: dict[tuple[str, ...], str | None] = {}
    for issue, block in zip(issues, blocks, strict=True):
        if issue.status_source != "stated" or not block.category:
            continue
        if block.category not in groups:
            groups[block.category] = _group_status(block.category)
        group = groups[block.category]
        if group and issue.status_source == "stated" and _status(group, [])[0] != issue.status:
            warnings.append(
                Warning("status_group_conflict", issue.line, {"number": issue.number or "", "group": group})
            )


def _check_numbering(issues, categories, blocks, warnings: list[Warning]) -> None:
    def check(level: str, items: list[tuple[str | None, int]]):
        previous = None
        for number, line in items:
            value = to_int(re.sub(r"\D", "", number) or number) if number else None
            if value is None:
                continue
            if previous is not None:
                prev_value, prev_number = previous
                if value == prev_value:
                    warnings.append(Warning("duplicate_number", line, {"level": level, "number": number}))
                elif value not in (prev_value + 1, 1):
                    warnings.append(
                        Warning("numbering_gap", line, {"level": level, "after": prev_number, "next": number})
                    )
            previous = (value, number)

    def walk(nodes, depth, out):
        for node in nodes:
            out.setdefault(depth, []).append((node.number, node.line))
            walk(node.children, depth + 1, out)

    by_depth: dict[int, list] = {}
    walk(categories, 0, by_depth)
    for depth in sorted(by_depth):
        check("category", by_depth[depth])
    check("issue", [(issue.number, issue.line) for issue in issues])


def _declared_counts(lines: list[Line]) -> tuple[DeclaredCounts, dict[str, int]]:
    values: dict[str, int] = {}
    where: dict[str, int] = {}

    def take(field_name: str, match, line: Line, group: int | None = None):
        if field_name in values or not match:
            return
        raw = match.group(group) if group else next(g for g in match.groups() if g)
        value = to_int(raw)
        if value is not None:
            values[field_name] = value
            where[field_name] = line.number

    for line in lines:
        text = line.text
        if not P.DECLARES_A_COUNT.search(text):
            continue
        both = P.DECLARED_CATEGORIES_AND_ISSUES.search(text)
        if both:
            take("categories", both, line, 1)
            take("issues", both, line, 2)
        take("manifestations", P.DECLARED_MANIFESTATIONS.search(text), line)
        take("immediate", P.DECLARED_IMMEDIATE.search(text), line)
        take("completed", P.DECLARED_COMPLETED.search(text), line)
        take("partial", P.DECLARED_PARTIAL.search(text), line)
        take("undisclosed", P.DECLARED_UNDISCLOSED.search(text), line)
        if "反馈" in text or "巡察" in text or "巡视" in text:
            issues = P.DECLARED_ISSUES.search(text)
            take("issues", None if issues and H.is_slogan_count(text, issues) else issues, line)
        if pair := H.COMMON_AND_SPECIFIC.search(text):
            # 共性问题N个、个性问题M个: the problems fed back are both kinds together.
            both_kinds = (to_int(pair.group(1)) or 0) + (to_int(pair.group(2)) or 0)
            if "issues" not in values:
                values["issues"], where["issues"] = both_kinds, line.number
        for pattern in (H.DECLARED_ISSUES_AFTER, H.DECLARED_ISSUES_QUALIFIED, H.DECLARED_ISSUE_LIST):
            take("issues", pattern.search(text), line)
        take("completed", H.DECLARED_COMPLETED_BARE.search(text), line)
    return DeclaredCounts(**values), where


def _count_mismatches(declared: DeclaredCounts, where, categories, issues) -> list[Warning]:
    found = []
    if declared.categories is not None and categories and declared.categories != len(categories):
        found.append(
            Warning(
                "declared_count_mismatch",
                where["categories"],
                {"field": "categories", "declared": declared.categories, "found": len(categories)},
            )
        )
    if declared.manifestations is not None:
        expected = declared.manifestations - (declared.undisclosed or 0)
        if expected != len(issues):
            found.append(
                Warning(
                    "declared_count_mismatch",
                    where["manifestations"],
                    {"field": "manifestations", "declared": expected, "found": len(issues)},
                )
            )
    elif declared.issues is not None and declared.issues - (declared.undisclosed or 0) != len(issues):
        found.append(
            Warning(
                "declared_count_mismatch",
                where["issues"],
                {"field": "issues", "declared": declared.issues, "found": len(issues)},
            )
        )
    immediate = sum(issue.immediate for issue in issues)
    if declared.immediate is not None and immediate and declared.immediate != immediate:
        found.append(
            Warning(
                "declared_count_mismatch",
                where["immediate"],
                {"field": "immediate", "declared": declared.immediate, "found": immediate},
            )
        )
    return found


def _report_info(
    header: Header, outside: list[Line], closing: list[Line], signed, declared, declared_lines
) -> ReportInfo:
    """The report's own facts: the page's metadata (chrome.Header), summary and closing lines."""
    lines = {f"declared.{key}": line for key, line in declared_lines.items()}
    signed_date, signed_line = signed
    if signed_date is None:
        # A page's 成文日期 is the date the report was signed.
        signed_date, signed_line = meta_date(header, "signed")
    published, published_line = meta_date(header, "published")
    # 发布机构 names who publishes; 来源 is the site's word for the same, often shorter.
    publisher, publisher_line = header.meta.get("publisher") or header.meta.get("source") or (None, None)
    if publisher:
        publisher = publisher.split()[0]
    for key, line in (
        ("published_date", published_line or signed_line),
        ("signed_date", signed_line),
        ("publisher", publisher_line),
        ("title", header.title_lines[0] if header.title_lines else None),
    ):
        if line:
            lines[key] = line
    as_of = None
    for line in outside:
        match = P.AS_OF.search(line.text)
        if match and P.SUMMARY_WORDS.search(line.text):
            as_of = parse_full_date(match.group(1))
            break
    closing_text = "\n".join(line.text for line in closing)
    disclosure = P.DISCLOSURE.search(closing_text)
    disclosure_start = disclosure_end = None
    if disclosure:
        disclosure_start = parse_full_date(disclosure.group(1))
        end_text = disclosure.group(2)
        if "年" not in end_text and disclosure_start:
            end_text = f"{disclosure_start.year}年{end_text}"
        disclosure_end = parse_full_date(end_text)
        if disclosure_start and disclosure_end and disclosure_end < disclosure_start:
            disclosure_end = disclosure_end.replace(year=disclosure_end.year + 1)
    phones = []
    for line in closing:
        if "电话" in line.text:
            after = line.text[line.text.index("电话") :]
            for phone in P.PHONE.findall(after.split("邮编")[0]):
                if phone not in phones:
                    phones.append(phone)
    emails = list(dict.fromkeys(P.EMAIL.findall(closing_text)))
    address = P.ADDRESS.search(closing_text)
    postcode = P.POSTCODE.search(closing_text)
    return ReportInfo(
        published_date=published or signed_date,
        signed_date=signed_date,
        as_of_date=as_of,
        disclosure_start=disclosure_start,
        disclosure_end=disclosure_end,
        phones=tuple(phones),
        emails=tuple(emails),
        address=address.group(1).strip() if address else None,
        postcode=postcode.group(1) if postcode else None,
        publisher=publisher,
        declared=declared,
        lines=lines,
    )
