"""Chinese substring search over problems and measures.

The public site, the API and the admin call only the two functions below, so the index behind
them can change without touching any caller. Results must equal a plain substring match.
"""

from django.db.models import Exists, OuterRef, Q, QuerySet

from rectify.models import Measure

MAX_QUERY_LENGTH = 100


def normalise_query(query: str) -> str:
    """The search term as matched: trimmed, inner whitespace kept, capped in length."""
    return (query or "").strip()[:MAX_QUERY_LENGTH]


def filter_issues(issues: QuerySet, query: str) -> QuerySet:
    """Problems whose title or description, or one of whose measures, contains the query."""
    query = normalise_query(query)
    if not query:
        return issues
    in_measures = Exists(Measure.objects.filter(issue=OuterRef("pk"), text__contains=query))
    return issues.filter(Q(title__contains=query) | Q(description__contains=query) | in_measures)


def filter_measures(measures: QuerySet, query: str) -> QuerySet:
    """Measures whose text contains the query."""
    query = normalise_query(query)
    if not query:
        return measures
    return measures.filter(text__contains=query)
