"""Editors enter Wikidata IDs in the admin: validated there, and searchable in the lists."""

import pytest
from test_admin import archive, form_data, post_form, url  # noqa: F401 (fixture shared with the admin tests)

from meetings.models import Organization, Person

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("plain_http")]


def test_an_editor_sets_a_persons_wikidata_id(admin_client, archive):  # noqa: F811
    lavrov = archive["lavrov"]
    post_form(admin_client, url(Person, "change", lavrov.pk), {"wikidata_id": "Q161117", "_save": "1"})
    lavrov.refresh_from_db()
    assert lavrov.wikidata_id == "Q161117"
    assert lavrov.curated


@pytest.mark.parametrize("bad", ["161117", "Q", "Q0", "https://www.wikidata.org/wiki/Q1", "Q12a", "P31"])
def test_a_malformed_wikidata_id_is_refused_with_a_message(admin_client, archive, bad):  # noqa: F811
    lavrov = archive["lavrov"]
    address = url(Person, "change", lavrov.pk)
    response = admin_client.post(address, {**form_data(admin_client.get(address)), "wikidata_id": bad})
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["wikidata_id"]
    lavrov.refresh_from_db()
    assert lavrov.wikidata_id == ""


def test_organizations_take_a_wikidata_id_too(admin_client):
    osce = Organization.objects.create(name="Organization for Security and Co-operation in Europe")
    post_form(admin_client, url(Organization, "change", osce.pk), {"wikidata_id": "Q81299", "_save": "1"})
    osce.refresh_from_db()
    assert osce.wikidata_id == "Q81299"


@pytest.mark.parametrize("model,term", [(Person, "q161117"), (Organization, "Q81299")])
def test_admin_lists_find_a_record_by_its_wikidata_id(admin_client, archive, model, term):  # noqa: F811
    record = model.objects.order_by("pk").first()
    record.wikidata_id = term.upper()
    record.save()
    response = admin_client.get(url(model, "changelist"), {"q": term})
    assert list(response.context["cl"].result_list) == [record]
