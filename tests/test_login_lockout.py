"""Wrong admin passwords: after the limit, the username is locked out from
that address, even with the right password, until the lockout ends."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import User

pytestmark = pytest.mark.django_db

PASSWORD = "the-right-password-41"
LOGIN = "/admin/login/?next=/admin/"


@pytest.fixture
def staff(settings):
    # Hashing cost is beside the point here, and each test checks many passwords.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    return User.objects.create_user("ed", "ed@example.org", PASSWORD, is_staff=True, is_superuser=True)


def log_in(client, password, address="192.0.2.10", username="ed"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def logged_in(client):
    return "_auth_user_id" in client.session


def test_wrong_passwords_below_the_limit_only_show_the_form_again(client, staff, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = log_in(client, "wrong")
        assert response.status_code == 200
        assert b"Please enter the correct username and password" in response.content
    assert log_in(client, PASSWORD).status_code == 302
    assert logged_in(client)


def test_the_limit_of_wrong_passwords_locks_the_username_out(client, staff, settings):
    assert settings.AXES_FAILURE_LIMIT == 10
    responses = [log_in(client, f"wrong-{n}") for n in range(10)]
    assert [r.status_code for r in responses] == [200] * 9 + [429]
    page = responses[-1].content.decode()
    assert "Too many failed logins" in page
    assert "for 15 minutes" in page
    assert "<strong>ed</strong>" in page


def test_the_right_password_is_refused_during_the_lockout(client, staff):
    for n in range(10):
        log_in(client, f"wrong-{n}")
    response = log_in(client, PASSWORD)
    assert response.status_code == 429
    assert not logged_in(client)
    assert client.get("/admin/").status_code == 302  # still sent to the login page


def test_the_lockout_is_per_username_and_address(client, staff):
    User.objects.create_user("other", password=PASSWORD, is_staff=True)
    for n in range(10):
        log_in(client, f"wrong-{n}")
    assert log_in(client, PASSWORD, address="198.51.100.7").status_code == 302
    client.logout()
    assert log_in(client, PASSWORD, username="other").status_code == 302


def test_the_lockout_ends_after_the_cool_off(client, staff):
    for n in range(10):
        log_in(client, f"wrong-{n}")
    assert log_in(client, PASSWORD).status_code == 429
    AccessAttempt.objects.update(attempt_time=AccessAttempt.objects.get().attempt_time - timedelta(minutes=16))
    response = log_in(client, PASSWORD)
    assert response.status_code == 302
    assert logged_in(client)
    assert not AccessAttempt.objects.exists()  # a successful login starts the count again


def test_the_lockout_page_is_escaped(client, staff):
    name = "<b>x</b>"
    for n in range(10):
        response = log_in(client, f"wrong-{n}", username=name)
    assert response.status_code == 429
    assert b"<b>x</b>" not in response.content
    assert b"&lt;b&gt;x&lt;/b&gt;" in response.content
