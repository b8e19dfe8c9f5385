"""The search tests' cast: the shared one, in the database and a throwaway
index, once per module; and a GET of the search page that must answer 200."""

import pytest
from django.urls import reverse


@pytest.fixture(scope="module")
def cast(indexed_cast):
    return indexed_cast


@pytest.fixture
def get(client, cast, db):
    def get(**params):
        response = client.get(reverse("search"), params)
        assert response.status_code == 200
        return response

    return get
