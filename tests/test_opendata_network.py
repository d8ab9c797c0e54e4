"""Who met whom: the network of meetings, its GraphML, CSV and JSON exports read back by networkx
and csv, the filters of /meetings/, and edges whose counts are the meetings their links list."""

import csv
import datetime
import io

import networkx
import pytest
from test_web_pages import build_archive

from meetings.models import Meeting, Organization, Participant, Person
from meetings.opendata.network import EDGE_COLUMNS, build_network

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("plain_http")]


@pytest.fixture
def archive():
    return build_archive()


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def read_graphml(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/graphml+xml")
    return networkx.read_graphml(io.BytesIO(body(response)))


def read_csv(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(body(response).decode())))


def test_the_people_network_joins_those_who_met_with_counts_and_dates(archive):
    network = build_network(Meeting.objects.all(), "people")
    pairs = {(edge.source, edge.target): edge for edge in network.edges}
    assert set(pairs) == {("ilham-aliyev", "sergey-lavrov"), ("rodrigo-labardini", "umud-mirzayev")}
    edge = pairs[("ilham-aliyev", "sergey-lavrov")]
    assert (edge.meetings, edge.first_date, edge.last_date) == (
        2,
        datetime.date(2016, 4, 6),
        datetime.date(2021, 5, 10),
    )
    assert network.edges[0] is edge  # heaviest first


def test_the_graphml_export_reads_back_with_networkx(client, archive):
    graph = read_graphml(client, "/network/?format=graphml")
    assert set(graph.nodes) == {"ilham-aliyev", "sergey-lavrov", "rodrigo-labardini", "umud-mirzayev"}
    assert graph.nodes["sergey-lavrov"]["label"] == "Sergey Lavrov"
    assert graph.nodes["sergey-lavrov"]["url"] == "http://testserver/people/sergey-lavrov/"
    assert graph.nodes["sergey-lavrov"]["country"] == "RU"
    edge = graph.edges["ilham-aliyev", "sergey-lavrov"]
    assert edge["meetings"] == 2 and edge["weight"] == 2
    assert (edge["first_date"], edge["last_date"]) == ("2016-04-06", "2021-05-10")


def test_the_csv_edge_list_reads_back_and_each_link_lists_the_meetings_counted(client, archive):
    rows = read_csv(client, "/network/?format=csv")
    assert list(rows[0]) == list(EDGE_COLUMNS)
    by_pair = {(row["source"], row["target"]): row for row in rows}
    row = by_pair[("ilham-aliyev", "sergey-lavrov")]
    assert (row["source_label"], row["target_label"], row["meetings"]) == (
        "Ilham Aliyev",
        "Sergey Lavrov",
        "2",
    )
    for row in rows:
        listed = client.get(row["meetings_url"] + "&format=json").json()
        assert listed["count"] == int(row["meetings"]), row


def test_country_and_organization_networks_count_what_their_links_list(client, archive):
    osce = Organization.objects.create(name="OSCE", kind="international", wikidata_id="Q81299")
    archive["talks_2016"].organizations_mentioned.add(osce, archive["iepf"])
    graph = read_graphml(client, "/network/?nodes=organizations&format=graphml")
    assert graph.nodes["osce"]["wikidata_id"] == "Q81299"
    assert graph.edges["international-eurasia-press-fund", "osce"]["meetings"] == 1
    countries = read_csv(client, "/network/?nodes=countries&format=csv")
    assert {(row["source"], row["target"], row["meetings"]) for row in countries} == {
        ("az", "ru", "2"),
        ("az", "mx", "1"),
    }
    for row in countries + read_csv(client, "/network/?nodes=organizations&format=csv"):
        html = client.get(row["meetings_url"]).content.decode()
        assert html.count('class="meeting-title"') == int(row["meetings"]), row


def test_a_filtered_part_of_the_network(client, archive):
    rows = read_csv(client, "/network/?nodes=people&date_after=2017-01-01&format=csv")
    assert [(row["source"], row["target"], row["meetings"]) for row in rows] == [
        ("ilham-aliyev", "sergey-lavrov", "1"),
        ("rodrigo-labardini", "umud-mirzayev", "1"),
    ]
    data = client.get("/api/network/", {"country": "ru"}).json()
    assert [(edge["source"], edge["target"]) for edge in data["edges"]] == [("ilham-aliyev", "sergey-lavrov")]
    assert {node["id"] for node in data["nodes"]} == {"ilham-aliyev", "sergey-lavrov"}


@pytest.mark.parametrize(
    "query,field",
    [("nodes=planets", "nodes"), ("country=zz", "country"), ("date_after=soon", "date_after")],
)
def test_bad_parameters_are_a_400_with_a_message(client, archive, query, field):
    response = client.get(f"/api/network/?{query}")
    assert response.status_code == 400
    assert field in response.json()["errors"]
    page = client.get(f"/network/?{query}")
    assert page.status_code == 400
    assert "notice-error" in page.content.decode()
    assert client.get("/network/?format=pdf").status_code == 400


def test_hostile_names_survive_the_exports(client):
    name = 'Eve </script> "&" <graph> ,;\n'
    eve, bob = Person.objects.create(name=name), Person.objects.create(name="Bob")
    meeting = Meeting.objects.create(title="x", date=datetime.date(2020, 1, 1))
    Participant.objects.create(meeting=meeting, person=eve)
    Participant.objects.create(meeting=meeting, person=bob)
    graph = read_graphml(client, "/network/?format=graphml")
    assert graph.nodes[eve.slug]["label"] == name
    [row] = read_csv(client, "/network/?format=csv")
    assert name in (row["source_label"], row["target_label"])


def test_the_network_page_lists_edges_and_links_the_exports(client, archive):
    html = client.get("/network/?nodes=countries").content.decode()
    assert 'href="/countries/az/ru/"' in html
    assert 'href="/network/?nodes=countries&amp;format=graphml"' in html
    assert "3 countries, 2 connections" in html


def test_person_and_country_pages_draw_their_network_with_linked_edges(client, archive):
    html = client.get("/people/sergey-lavrov/").content.decode()
    section = html.split('<section class="network"')[1].split("</section>")[0]
    edge_link = "/meetings/?person=sergey-lavrov&amp;with_person=ilham-aliyev"
    assert f'<a href="{edge_link}" class="network-edge">' in section  # the drawn line
    assert "2 meetings</a>" in section
    assert 'href="/network/?nodes=people&amp;person=sergey-lavrov&amp;format=graphml"' in section
    listed = client.get(edge_link.replace("&amp;", "&")).content.decode()
    assert listed.count('class="meeting-title"') == 2
    html = client.get("/countries/ru/").content.decode()
    section = html.split('<section class="network"')[1].split("</section>")[0]
    assert '<a href="/countries/ru/az/" class="network-edge">' in section


def test_a_name_a_spreadsheet_would_run_as_a_formula_is_text_in_the_csv_edge_list(client, archive):
    Person.objects.filter(slug="sergey-lavrov").update(name="=1+1")
    rows = read_csv(client, "/network/?format=csv")
    labels = {row["target_label"] for row in rows} | {row["source_label"] for row in rows}
    assert "'=1+1" in labels
    assert "=1+1" not in labels
