"""The client's address behind trusted proxies, and the per-client rate limit of costly views."""

import pytest
from django.http import HttpResponse

from rectify.clients import client_ip, parse_rate, rate_limited


def address(rf, remote, forwarded=None):
    extra = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {}
    return client_ip(rf.get("/", REMOTE_ADDR=remote, **extra))


def test_no_trusted_proxy_means_the_peer_address(rf, settings):
    settings.RECTIFY_TRUSTED_PROXIES = []
    assert address(rf, "10.0.0.1", "198.51.100.7") == "10.0.0.1"


@pytest.mark.parametrize(
    ("remote", "forwarded", "expected"),
    [
        ("10.0.0.1", "198.51.100.7", "198.51.100.7"),  # one proxy
        ("10.0.0.1", "192.0.2.66, 198.51.100.7", "198.51.100.7"),  # forged left part ignored
        ("10.0.0.1", "198.51.100.7, 10.0.0.2", "198.51.100.7"),  # two proxies of the trusted network
        ("10.0.0.1", "10.0.0.3, 10.0.0.2", "10.0.0.3"),  # every hop trusted: the left-most
        ("10.0.0.1", "", "10.0.0.1"),  # no header: the proxy itself
        ("10.0.0.1", "198.51.100.7, not-an-address", "10.0.0.1"),  # garbage from the proxy: go no further
        ("10.0.0.1", "2001:db8::1", "2001:db8::1"),
        ("198.51.100.9", "192.0.2.66", "198.51.100.9"),  # the peer is no proxy of ours
    ],
)
def test_forwarded_address_is_read_from_the_right_behind_trusted_proxies(rf, settings, remote, forwarded, expected):
    settings.RECTIFY_TRUSTED_PROXIES = ["10.0.0.0/8"]
    assert address(rf, remote, forwarded) == expected


def test_parse_rate():
    assert parse_rate("10/60") == (10, 60)
    assert parse_rate("3") == (3, 60)
    assert parse_rate("0") == (0, 0)
    assert parse_rate("") == (0, 0)


@rate_limited("test", "TEST_RATE")
def costly(request):
    return HttpResponse("ok")


def test_rate_limit_answers_429_with_retry_after_per_client(rf, settings):
    settings.TEST_RATE = "2/60"
    settings.RECTIFY_TRUSTED_PROXIES = []

    assert [costly(rf.get("/", REMOTE_ADDR="192.0.2.1")).status_code for _ in range(2)] == [200, 200]
    refused = costly(rf.get("/", REMOTE_ADDR="192.0.2.1"))
    assert refused.status_code == 429
    assert 1 <= int(refused["Retry-After"]) <= 60
    assert "导出过于频繁" in refused.content.decode()
    # Another client is counted on its own.
    assert costly(rf.get("/", REMOTE_ADDR="192.0.2.2")).status_code == 200


def test_rate_limit_counts_clients_behind_a_trusted_proxy_apart(rf, settings):
    settings.TEST_RATE = "1/60"
    settings.RECTIFY_TRUSTED_PROXIES = ["10.0.0.1"]

    def via_proxy(client):
        return costly(rf.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=client)).status_code

    assert [via_proxy("198.51.100.7"), via_proxy("198.51.100.7")] == [200, 429]
    assert via_proxy("198.51.100.8") == 200


def test_rate_limit_zero_is_off(rf, settings):
    settings.TEST_RATE = "0"
    assert {costly(rf.get("/", REMOTE_ADDR="192.0.2.1")).status_code for _ in range(20)} == {200}
