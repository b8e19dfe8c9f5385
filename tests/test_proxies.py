"""Behind a load balancer: every request comes from the balancer's address,
and the client's is in X-Forwarded-For. With PROXY_COUNT set, login lockouts
and the report limit count per client; without it the header is ignored,
since anyone can send it."""

import pytest
from django.contrib.auth.models import User
from django.test import RequestFactory

from archive.clients import client_ip

BALANCER = "10.0.0.2"
PASSWORD = "the-right-password-41"


def address(forwarded=None):
    extra = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {}
    return client_ip(RequestFactory().get("/", REMOTE_ADDR=BALANCER, **extra))


def test_without_proxies_the_header_is_ignored(settings):
    settings.PROXY_COUNT = 0
    assert address("203.0.113.5") == BALANCER


@pytest.mark.parametrize(
    ("count", "forwarded", "client"),
    [
        (1, "203.0.113.5", "203.0.113.5"),
        (1, "1.2.3.4, 203.0.113.5", "203.0.113.5"),  # the client wrote 1.2.3.4 itself
        (2, "1.2.3.4, 203.0.113.5, 10.0.0.9", "203.0.113.5"),  # balancer, then nginx
        (1, "2001:db8::7", "2001:db8::7"),
        (1, None, BALANCER),  # reached without the proxy
        (1, "", BALANCER),
        (1, "not an address", BALANCER),
    ],
)
def test_behind_proxies_the_client_is_counted_from_the_right(settings, count, forwarded, client):
    settings.PROXY_COUNT = count
    assert address(forwarded) == client


@pytest.mark.django_db
def test_a_locked_out_client_behind_the_balancer_does_not_lock_out_the_others(client, settings):
    settings.PROXY_COUNT = 1
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    User.objects.create_user("ed", password=PASSWORD, is_staff=True)

    def log_in(password, forwarded):
        data = {"username": "ed", "password": password}
        return client.post("/admin/login/?next=/admin/", data, REMOTE_ADDR=BALANCER, HTTP_X_FORWARDED_FOR=forwarded)

    codes = [log_in(f"wrong-{n}", "203.0.113.5").status_code for n in range(settings.AXES_FAILURE_LIMIT)]
    assert codes[-1] == 429
    assert log_in(PASSWORD, "1.1.1.1, 203.0.113.5").status_code == 429  # a forged header changes nothing
    assert log_in(PASSWORD, "198.51.100.7").status_code == 302  # another client, the same balancer


@pytest.mark.django_db
def test_the_report_limit_counts_per_client_behind_the_balancer(client, cast, settings):
    settings.PROXY_COUNT = 1
    quote = cast["quotes"]["route"]
    url = f"/quotes/{quote.pk}/report/"

    def send(forwarded):
        data = {"note": "Someone else said this.", "suggested_speaker": ""}
        return client.post(url, data, REMOTE_ADDR=BALANCER, HTTP_X_FORWARDED_FOR=forwarded).status_code

    codes = [send("203.0.113.5") for _ in range(6)]
    assert codes == [302] * 5 + [429]
    assert send("198.51.100.7") == 302
