"""Hostile query strings for every public page that reads its query string.

A page must answer each of them with 400, 404 or a clean page (usually an empty result), never 500.
Use it on a list page by naming the parameters it reads and what kind of value each takes:

    LIST_PARAMS = {"q": "text", "unit": "id", "year": "number", "sort": "sort", "page": "page"}

    @pytest.mark.parametrize("query", hostile_queries(LIST_PARAMS))
    def test_issue_list_answers_hostile_queries_cleanly(client, imported_seeds, query):
        assert_clean_answer(client.get(f"{reverse('issue_list')}?{query}"))

Pages that read no parameters get the generic cases only: `hostile_queries({})`.
Each query string is already URL-encoded: pass it to the test client as it is.
"""

from __future__ import annotations

from urllib.parse import quote

LONG_TEXT = "巡察" * 5_000  # 10,000 characters

# Values that a parameter of each kind must survive; every kind also gets the COMMON values.
VALUES_BY_KIND: dict[str, list[str]] = {
    "id": ["abc", "1.5", "-1", "0", "99999999999999999999", "1e9", "1,2", "１２"],
    "number": ["abc", "-1", "0", "99999999999999999999", "2025.5", "二〇二五"],
    "page": ["0", "-1", "abc", "99999999999", "99999999999999999999999", "last", "1.5", "NaN"],
    "sort": ["unknown", "-unknown", "__class__", "id;DROP TABLE rectify_issue", "report__source_text", "--title"],
    "text": [LONG_TEXT, "%", "_", "\\", "'; DROP TABLE rectify_issue; --", '"', "*", "(", "<script>"],
    "date": ["2025-13-45", "2025-02-30", "0000-00-00", "yesterday", "9999999-01-01", "2025/01/01"],
    "choice": ["unknown", "COMPLETED", "1", "true"],
    "bool": ["maybe", "2", "-1", "yes please"],
}
COMMON_VALUES = ["", " ", "\x00", "a\x00b", "\u202e", "\ud800", "😀" * 50, "x" * 10_000]


def _encode(value: str) -> str:
    # Lone surrogates cannot be UTF-8 encoded; send the bytes a broken client would send instead.
    return quote(value.encode("utf-8", "surrogatepass"), safe="")


def hostile_queries(params: dict[str, str]) -> list[str]:
    """Query strings that attack each of `params` ({name: kind}) and the query string as a whole."""
    queries: list[str] = []
    for name, kind in params.items():
        for value in [*VALUES_BY_KIND[kind], *COMMON_VALUES]:
            queries.append(f"{_encode(name)}={_encode(value)}")
        queries.append(f"{name}=1&{name}=abc&{name}=")  # repeated
        queries.append(f"{name}[]=1&{name}[0]=2")  # PHP-style arrays
        queries.append(name)  # no '=' at all
    queries += [
        "page=99999999999",
        "sort=unknown",
        "q=" + _encode(LONG_TEXT),
        "%00=%00",
        "%ff%fe=%c3%28",  # not UTF-8 at all
        "a=%",  # a broken escape
        "=&&&=&",
        "x" * 5_000 + "=1",
        "&".join(f"f{i}=1" for i in range(2_500)),  # more fields than DATA_UPLOAD_MAX_NUMBER_FIELDS
        "&".join(f"{name}=1" for name in params for _ in range(200)),
    ]
    return list(dict.fromkeys(q for q in queries if q))


CLEAN_STATUSES = {200, 400, 404}


def assert_clean_answer(response) -> None:
    """The page answered a bad query string the way a public site should: no error page, no leak."""
    assert response.status_code in CLEAN_STATUSES, f"status {response.status_code}"
    body = (b"".join(response) if response.streaming else response.content).decode("utf-8", "replace")
    assert "Traceback" not in body
    assert "\x00" not in body
