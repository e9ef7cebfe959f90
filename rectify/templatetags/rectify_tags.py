"""Template helpers for the public pages: search highlighting, excerpts, the language switch."""

import re

from django import template
from django.urls import translate_url
from django.utils.html import escape, format_html_join
from django.utils.safestring import mark_safe

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


@register.simple_tag(takes_context=True)
def language_url(context, language_code):
    """This page's address (path and query string) in another language."""
    request = context.get("request")
    if request is None:
        return "/"
    form = getattr(context.get("filter"), "form", None)
    rejected = bool(form is not None and form.errors)
    # A query string the page's filters rejected is not carried over: the other language would
    # reject it too, and a long one would be printed into every page's header once more.
    return translate_url(request.path if rejected else request.get_full_path(), language_code)


@register.filter
def html_lang(language_code):
    """The BCP 47 tag for <html lang>: the site's Chinese is zh-CN."""
    return "zh-CN" if (language_code or "").startswith("zh") else language_code


@register.simple_tag
def facet_options(facet):
    """A facet's <option>s, each labelled with its count: one pass in Python, not a template loop.

    A broad list offers hundreds of units and categories; rendered one template tag at a time they
    were a quarter of the page's time.
    """
    selected = mark_safe(" selected")
    return format_html_join(
        "",
        '<option value="{}"{}>{}</option>',
        ((choice.value, selected if choice.selected else "", choice.text) for choice in facet.choices),
    )
