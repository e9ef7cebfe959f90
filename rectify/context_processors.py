"""What every public page's frame needs: where the reader is, the page in the other language,
and the reader's display choices (larger text, higher contrast). No database queries."""

from django.urls import translate_url

# Each public page's menu section: the page named first is the section's own page (aria-current="page").
NAV_SECTIONS = {
    "reports": ("report_list", "report_detail", "report_source", "inspection_detail"),
    "units": ("unit_list", "unit_detail"),
    "problems": ("issue_list", "issue_detail"),
    "search": ("search",),
    "stats": ("stats",),
    "api": ("api_docs",),
}
DISPLAY_COOKIE = "rectify_display"
DISPLAY_CHOICES = ("large", "contrast")


def display_choices(cookie_value: str | None) -> list[str]:
    """The known display choices named in the cookie, in a fixed order; anything else is ignored."""
    named = set((cookie_value or "").split(","))
    return [choice for choice in DISPLAY_CHOICES if choice in named]


def nav_state(url_name: str | None) -> tuple[str, bool]:
    """The menu section a page belongs to, and whether the page is that section's own page."""
    for section, url_names in NAV_SECTIONS.items():
        if url_name in url_names:
            return section, url_name == url_names[0]
    return "", False


def site_frame(request):
    match = getattr(request, "resolver_match", None)
    section, is_section_page = nav_state(match.url_name if match else None)
    path = request.path
    choices = display_choices(request.COOKIES.get(DISPLAY_COOKIE))
    return {
        "nav_section": section,
        "nav_current": "page" if is_section_page else "true",
        "canonical_url": request.build_absolute_uri(path),
        # hreflang alternates; Chinese is also the default for other languages (x-default).
        "alternate_urls": [
            ("zh-Hans", request.build_absolute_uri(translate_url(path, "zh-hans"))),
            ("en", request.build_absolute_uri(translate_url(path, "en"))),
        ],
        "display_choices": choices,
        "display_classes": " ".join(f"display-{choice}" for choice in choices),
    }
