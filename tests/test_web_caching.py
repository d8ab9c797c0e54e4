"""The page cache and HTTP validators: a cached page never outlives the data it shows.

Every change (ingest, an editor's save, a merge) moves the data version on; pages are cached under
it and carry it as their ETag, so the next request after a change shows the change."""

import datetime
import os

import pytest
from django.core.cache import caches
from django.db import transaction
from django.urls import reverse

from meetings.ingest.runner import Ingester
from meetings.models import DataVersion, Meeting, Person, Statement

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("plain_http")]


@pytest.fixture
def archive():
    lavrov = Person.objects.create(name="Sergey Lavrov", country="RU")
    meeting = Meeting.objects.create(title="Talks in Moscow", date=datetime.date(2020, 10, 9), country="RU")
    Statement.objects.create(meeting=meeting, speaker=lavrov, kind="direct", text="The ceasefire must hold.")
    return {"lavrov": lavrov, "meeting": meeting}


def test_public_pages_carry_validators_and_a_public_cache_control(client, archive):
    response = client.get("/search/", {"q": "ceasefire"})
    assert response.status_code == 200
    assert response["ETag"] == f'"d{DataVersion.current()[0]}"'
    assert response["Last-Modified"].endswith("GMT")
    assert "public" in response["Cache-Control"] and "max-age=" in response["Cache-Control"]


@pytest.mark.parametrize(
    "url", ["/meetings/", "/search/?q=ceasefire", "/search/?q=ceasefire&format=json", "/"]
)
def test_a_conditional_request_for_unchanged_data_is_answered_304(client, archive, url):
    first = client.get(url)
    again = client.get(url, headers={"if-none-match": first["ETag"]})
    assert again.status_code == 304 and again.content == b""
    assert again["ETag"] == first["ETag"]
    since = client.get(url, headers={"if-modified-since": first["Last-Modified"]})
    assert since.status_code == 304


def test_a_repeated_request_is_served_from_the_cache_with_one_query(
    client, archive, django_assert_num_queries
):
    url = archive["meeting"].get_absolute_url()
    assert client.get(url)["X-Page-Cache"] == "miss"
    with django_assert_num_queries(1):  # the data version
        response = client.get(url)
    assert response["X-Page-Cache"] == "hit" and b"Talks in Moscow" in response.content


def test_a_change_saved_in_the_admin_shows_on_the_next_request(client, admin_client, archive):
    url = archive["meeting"].get_absolute_url()
    before = client.get(url)
    assert b"Talks in Moscow" in before.content
    person = archive["lavrov"]
    change = reverse("admin:meetings_meeting_change", args=[archive["meeting"].pk])
    form = admin_client.get(change).context["adminform"].form
    data = {
        key: value for key, value in form.initial.items() if value is not None and not isinstance(value, list)
    }
    data.update(
        {
            "title": "Talks in Sochi",
            "date": "2020-10-09",
            "kind": "in_person",
            "country": "RU",
            "participants-TOTAL_FORMS": "0",
            "participants-INITIAL_FORMS": "0",
            "statements-TOTAL_FORMS": "0",
            "statements-INITIAL_FORMS": "0",
        }
    )
    saved = admin_client.post(change, data)
    assert saved.status_code == 302, saved.content[:2000]
    after = client.get(url)
    assert b"Talks in Sochi" in after.content
    assert after["ETag"] != before["ETag"]
    assert client.get(url, headers={"if-none-match": before["ETag"]}).status_code == 200
    assert person.name.encode() in client.get("/search/", {"q": "ceasefire"}).content


def test_an_ingested_document_shows_on_the_next_request(client, archive, tmp_path):
    assert b"Bayramov" not in client.get("/search/", {"q": "corridor"}).content
    (tmp_path / "baku.txt").write_text("Bayramov spoke about the corridor.\n", encoding="utf-8")
    extraction = {
        "title": "Talks in Baku",
        "published": None,
        "organizations": [],
        "people": [],
        "meetings": [
            {
                "date": "2021-03-01",
                "city": "Baku",
                "country": "AZ",
                "kind": "in_person",
                "participants": [
                    {
                        "name": "Jeyhun Bayramov",
                        "country": "AZ",
                        "role": "Foreign Minister",
                        "organization": None,
                    }
                ],
                "statements": [
                    {
                        "speaker": "Jeyhun Bayramov",
                        "kind": "direct",
                        "text": "The corridor will open.",
                        "attribution": "Bayramov",
                    }
                ],
            }
        ],
    }

    class HandWrittenExtractor:
        def extract_many(self, items, batch_size=16):
            for name, _text in items:
                yield {"document": name, **extraction}

    Ingester(extractor=HandWrittenExtractor()).ingest_paths([tmp_path / "baku.txt"])
    assert b"Jeyhun Bayramov" in client.get("/search/", {"q": "corridor"}).content


def test_an_editors_session_is_never_served_from_or_stored_in_the_cache(admin_client, archive):
    url = archive["meeting"].get_absolute_url()
    admin_client.get(url)
    assert "X-Page-Cache" not in admin_client.get(url)


@pytest.mark.django_db(transaction=True)
def test_the_version_moves_once_per_committed_transaction_and_not_for_a_rolled_back_one():
    start = DataVersion.current()[0]
    with transaction.atomic():
        person = Person.objects.create(name="Sergey Lavrov", country="RU")
        Person.objects.create(name="Jeyhun Bayramov", country="AZ")
        assert DataVersion.current()[0] == start  # not before the commit
    assert DataVersion.current()[0] == start + 1
    with pytest.raises(RuntimeError), transaction.atomic():
        Person.objects.get(pk=person.pk).delete()
        raise RuntimeError("rolled back")
    assert DataVersion.current()[0] == start + 1
    Person.objects.get(pk=person.pk).delete()
    assert DataVersion.current()[0] == start + 2


def test_a_shared_redis_cache_stores_pages_when_configured(client, archive):
    """CI runs this with CACHE_URL=redis://127.0.0.1:6379/1 (.ci/run); unreachable Redis fails here."""
    url = os.environ.get("CACHE_URL", "")
    if not url.startswith(("redis://", "rediss://", "unix://")):
        pytest.skip("CACHE_URL names no Redis server (CI sets one)")
    cache = caches["default"]
    assert cache.__class__.__name__ == "RedisCache"
    cache.set("archive-redis-check", "reachable", 10)
    assert cache.get("archive-redis-check") == "reachable", f"Redis at {url} did not answer"
    page = archive["meeting"].get_absolute_url()
    client.get(page)
    assert client.get(page)["X-Page-Cache"] == "hit"
