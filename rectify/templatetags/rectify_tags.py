"""Template helpers for the public pages: search highlighting, excerpts, the language switch."""

import re
from urllib.parse import urlencode

from django import template
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from rectify.search.text import match_spans

register = template.Library()

EXCERPT_CONTEXT = 60


@register.filter
def highlight(text, query):
    """Escape the text, then wrap every occurrence of the query in <mark>."""
    text = str(text or "")
    if not query:
        return escape(text)
    # Split the raw text so matching never runs into the entities escaping creates (&amp; etc.).
    pieces = re.split(f"({re.escape(query)})", text)
    return mark_safe(
        "".join(f"<mark>{escape(piece)}</mark>" if i % 2 else escape(piece) for i, piece in enumerate(pieces))
    )


@register.filter
def highlight_terms(text, terms):
    """Escape the text, then wrap in <mark> where a search term is found as search finds it (folded:
    補助 marks 补助 too; rectify.search.text.match_spans)."""
    text = str(text or "")
    pieces, at = [], 0
    for start, end in match_spans(text, list(terms or [])):
        pieces += [escape(text[at:start]), f"<mark>{escape(text[start:end])}</mark>"]
        at = end
    return mark_safe("".join([*pieces, escape(text[at:])]))


@register.filter
def excerpt_terms(text, terms):
    """The part of a long text around the first place a search term is found (folded), not escaped."""
    text = str(text or "")
    spans = match_spans(text, list(terms or []))
    if not spans:
        return excerpt(text, "")
    start, end = max(0, spans[0][0] - EXCERPT_CONTEXT), min(len(text), spans[0][1] + EXCERPT_CONTEXT)
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")


@register.filter
def holds_terms(text, terms) -> bool:
    """Whether a search term is found in the text, as search finds it."""
    return bool(match_spans(str(text or ""), list(terms or [])))


@register.filter
def excerpt(text, query):
    """The part of a long text around the query's first occurrence, marked with ellipses (not escaped)."""
    text = str(text or "")
    at = text.find(query) if query else -1
    if at < 0:
        return text if len(text) <= 2 * EXCERPT_CONTEXT else text[: 2 * EXCERPT_CONTEXT] + "…"
    start = max(0, at - EXCERPT_CONTEXT)
    end = min(len(text), at + len(query) + EXCERPT_CONTEXT)
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")


def _page_address(context) -> str:
    """This page's path, with its query string unless the page's filters rejected it.

    A rejected query string is not carried into links to this page (the other language, a display
    setting): it would be rejected again, and a long one would be printed into every header.
    """
    request = context.get("request")
    if request is None:
        return "/"
    form = getattr(context.get("filter"), "form", None)
    rejected = bool(form is not None and form.errors)
    return request.path if rejected else request.get_full_path()


@register.simple_tag(takes_context=True)
def language_url(context, language_code):
    """This page's address (path and query string) in another language."""
    return translate_url(_page_address(context), language_code)


@register.simple_tag(takes_context=True)
def display_url(context, choice, value):
    """The link that turns a display choice on (1) or off (0) and comes back to this page."""
    return f"{reverse('display_settings')}?{urlencode({choice: value, 'next': _page_address(context)})}"


@register.filter
def html_lang(language_code):
    """The BCP 47 tag for <html lang>: the site's Chinese is zh-CN."""
    return "zh-CN" if (language_code or "").startswith("zh") else language_code


REPORT_LANGUAGE = "zh-CN"
# Facets whose choices are words from the reports (names, places, headings), not the site's labels.
REPORT_DATA_FACETS = frozenset({"unit", "region", "inspector", "kind", "category"})


def _interface_is_chinese() -> bool:
    return (translation.get_language() or "zh").startswith("zh")


@register.filter
def zh(value):
    """Mark text from a report (a unit's name, a problem) as Chinese on a page in another language.

    Screen readers then read it with a Chinese voice, and the English pages' test can tell report
    text, which stays as published, from interface text, which must be English. Escapes as usual.
    """
    if value in (None, "") or _interface_is_chinese():
        return value
    return format_html('<span lang="{}">{}</span>', REPORT_LANGUAGE, value)


MACHINE_NOTES = {
    # Notes the importer and the admin write on a status change; shown translated, not as data.
    "导入通报时记录": _("导入通报时记录"),
    "新一期通报更新了整改状态": _("新一期通报更新了整改状态"),
    "在问题编辑页修改": _("在问题编辑页修改"),
}


@register.filter
def status_note(note):
    """A status change's note: the site's own notes in the reader's language, people's notes as written."""
    if not note:
        return ""
    if note in MACHINE_NOTES:
        return str(MACHINE_NOTES[note])
    return zh(note)


@register.simple_tag
def facet_options(facet):
    """A facet's <option>s, each labelled with its count: one pass in Python, not a template loop.

    A broad list offers hundreds of units and categories; rendered one template tag at a time they
    were a quarter of the page's time.
    """
    selected = mark_safe(" selected")
    lang = (
        format_html(' lang="{}"', REPORT_LANGUAGE)
        if facet.name in REPORT_DATA_FACETS and not _interface_is_chinese()
        else ""
    )
    return format_html_join(
        "",
        '<option value="{}"{}{}>{}</option>',
        ((choice.value, selected if choice.selected else "", lang, choice.text) for choice in facet.choices),
    )


@register.simple_tag
def plain_options(choices, chosen, report_data=False):
    """<option>s for `choices` (values, or (value, label) pairs), the one equal to `chosen` selected;
    with `report_data`, labels are words from the reports (marked as Chinese on other-language pages).

    In Python like facet_options: a report list offers thousands of units.
    """
    chosen = "" if chosen is None else str(chosen)
    pairs = ((choice if isinstance(choice, list | tuple) else (choice, choice)) for choice in choices)
    selected = mark_safe(" selected")
    lang = format_html(' lang="{}"', REPORT_LANGUAGE) if report_data and not _interface_is_chinese() else ""
    return format_html_join(
        "",
        '<option value="{}"{}{}>{}</option>',
        ((value, selected if str(value) == chosen else "", lang, label) for value, label in pairs),
    )


@register.filter
def facet_text(label, facet):
    """A facet value's label, marked as report text when the facet's values are words from the reports."""
    return zh(label) if facet.name in REPORT_DATA_FACETS else label
