"""Template helpers for the public pages: search highlighting, excerpts, the language switch."""

import re

from django import template
from django.urls import translate_url
from django.utils.html import escape, format_html_join
from django.utils.safestring import mark_safe

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


@register.simple_tag
def plain_options(choices, chosen):
    """<option>s for `choices` (values, or (value, label) pairs), the one equal to `chosen` selected.

    In Python like facet_options: a report list offers thousands of units.
    """
    chosen = "" if chosen is None else str(chosen)
    pairs = ((choice if isinstance(choice, list | tuple) else (choice, choice)) for choice in choices)
    selected = mark_safe(" selected")
    return format_html_join(
        "",
        '<option value="{}"{}>{}</option>',
        ((value, selected if str(value) == chosen else "", label) for value, label in pairs),
    )
