"""The public pages to check, and the interface text of a page: what a reader sees or hears, less
what is marked as report data.

Report data (unit names, problems, measures: text the site shows as published, in Chinese) is
marked with lang="zh-…" on its element; everything else on an English page must be English.
"""

import re
from html.parser import HTMLParser

from django.urls import reverse

CJK = re.compile(
    r"[\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]"
)
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
SKIPPED = {"script", "style", "head"}
READ_ATTRIBUTES = ("title", "aria-label", "placeholder", "alt")


class _InterfaceText(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []  # (tag, skipped because of it or an ancestor)
        self.pieces: list[str] = []

    def _skipping(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        skipped = self._skipping() or tag in SKIPPED or (attributes.get("lang") or "").lower().startswith("zh")
        if not skipped:
            self.pieces.extend(attributes[name] for name in READ_ATTRIBUTES if attributes.get(name))
        if tag not in VOID:
            self.stack.append((tag, skipped))

    def handle_startendtag(self, tag, attrs):
        attributes = dict(attrs)
        if not (self._skipping() or (attributes.get("lang") or "").lower().startswith("zh")):
            self.pieces.extend(attributes[name] for name in READ_ATTRIBUTES if attributes.get(name))

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                return

    def handle_data(self, data):
        if not self._skipping():
            self.pieces.append(data)


def interface_text(html: str) -> str:
    parser = _InterfaceText()
    parser.feed(html)
    parser.close()
    return " ".join(" ".join(parser.pieces).split())


def chinese_in_interface(html: str, context: int = 20) -> list[str]:
    """Each run of Chinese in the interface text, with a little of what surrounds it."""
    text = interface_text(html)
    return [text[max(0, m.start() - context) : m.end() + context] for m in re.finditer(f"(?:{CJK.pattern})+", text)]


def public_pages() -> dict[str, str]:
    """One address of every public page kind (as url names), in Chinese; /en/ prefixes the English."""
    from rectify.models import Issue, Report

    report = Report.objects.published().order_by("pk").first()
    issue = Issue.objects.published().order_by("pk").first()
    return {
        "home": reverse("home"),
        "report_list": reverse("report_list"),
        "report_detail": report.get_absolute_url(),
        "report_source": reverse("report_source", args=[report.pk]),
        "inspection_detail": reverse("inspection_detail", args=[report.inspection_id]),
        "unit_list": reverse("unit_list"),
        "unit_detail": reverse("unit_detail", args=[report.inspection.unit_id]),
        "issue_list": reverse("issue_list"),
        "issue_detail": issue.get_absolute_url(),
        "search": reverse("search") + "?q=%E8%A1%A5%E5%8A%A9",  # 补助
        "stats": reverse("stats"),
        "api_docs": reverse("api_docs"),
    }
