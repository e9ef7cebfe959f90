"""The reader's display choices (larger text, higher contrast), kept in a cookie so they work
without JavaScript: a plain link sets them and comes back to the page."""

from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_safe

from rectify.context_processors import DISPLAY_CHOICES, DISPLAY_COOKIE, display_choices

ONE_YEAR = 365 * 24 * 3600


@require_safe
def display_settings(request):
    """Turn one display choice on or off (?large=1, ?contrast=0) and go back to ?next."""
    chosen = set(display_choices(request.COOKIES.get(DISPLAY_COOKIE)))
    for choice in DISPLAY_CHOICES:
        if request.GET.get(choice) == "1":
            chosen.add(choice)
        elif request.GET.get(choice) == "0":
            chosen.discard(choice)
    target = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=False):
        target = reverse("home")
    response = HttpResponseRedirect(target)
    value = ",".join(choice for choice in DISPLAY_CHOICES if choice in chosen)
    if value:
        response.set_cookie(DISPLAY_COOKIE, value, max_age=ONE_YEAR, samesite="Lax")
    else:
        response.delete_cookie(DISPLAY_COOKIE, samesite="Lax")
    return response
