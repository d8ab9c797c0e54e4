"""Public pages: address → view (`meetings.web.views`).

The URL names (`meetings:meeting-detail` …) are used by templates, `get_absolute_url` and the API's
record URLs: keep them stable.
"""

from django.urls import path

from .web import feeds, views

app_name = "meetings"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("meetings/", views.MeetingListView.as_view(), name="meeting-list"),
    path("meetings/<slug:slug>/", views.MeetingDetailView.as_view(), name="meeting-detail"),
    path("people/", views.PersonListView.as_view(), name="person-list"),
    path("people/<slug:slug>/", views.PersonDetailView.as_view(), name="person-detail"),
    path("countries/", views.CountryListView.as_view(), name="country-list"),
    path("countries/<str:code>/", views.CountryDetailView.as_view(), name="country-detail"),
    path("countries/<str:code>/<str:other>/", views.CountryPairView.as_view(), name="country-pair"),
    path("organizations/", views.OrganizationListView.as_view(), name="organization-list"),
    path("organizations/<slug:slug>/", views.OrganizationDetailView.as_view(), name="organization-detail"),
    path("search/", views.SearchView.as_view(), name="search"),
    path("sources/", views.SourceDocumentListView.as_view(), name="source-list"),
    path("sources/<int:pk>/", views.SourceDocumentDetailView.as_view(), name="source-detail"),
    # Atom feeds (meetings/web/feeds.py): the list and search feeds take the pages' filters.
    path("feed/", feeds.MeetingListFeed(), name="feed"),
    path("feeds/meetings/", feeds.MeetingListFeed(), name="meeting-list-feed"),
    path("feeds/search/", feeds.SearchFeed(), name="search-feed"),
    path("feeds/people/<slug:slug>/", feeds.PersonFeed(), name="person-feed"),
    path("feeds/organizations/<slug:slug>/", feeds.OrganizationFeed(), name="organization-feed"),
    path("feeds/countries/<str:code>/", feeds.CountryFeed(), name="country-feed"),
    path("feeds/countries/<str:code>/<str:other>/", feeds.CountryPairFeed(), name="country-pair-feed"),
    # Who met whom (meetings/web/views/network.py): ?nodes=people|organizations|countries, the
    # filters of /meetings/, format=html|graphml|csv|json.
    path("network/", views.NetworkView.as_view(), name="network"),
    # Citations (meetings/web/views/citations.py): kinds are meetings, statements, people, sources.
    path("cite/<str:kinds>/<str:identifier>/", views.CitationView.as_view(), name="cite"),
    path(
        "cite/<str:kinds>/<str:identifier>.bib",
        views.CitationDownloadView.as_view(format="bibtex"),
        name="cite-bibtex",
    ),
    path(
        "cite/<str:kinds>/<str:identifier>.json",
        views.CitationDownloadView.as_view(format="csl"),
        name="cite-csl",
    ),
]
