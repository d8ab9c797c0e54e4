"""One module per kind of page; `base` holds what they share (titles, filtered lists, pagination,
redirects of merged slugs). `meetings/urls.py` maps addresses to these classes."""

from .citations import CitationDownloadView, CitationView
from .countries import CountryDetailView, CountryListView, CountryPairView
from .home import HomeView
from .meetings import MeetingDetailView, MeetingListView
from .network import NetworkView
from .organizations import OrganizationDetailView, OrganizationListView
from .people import PersonDetailView, PersonListView
from .search import SearchView
from .sources import SourceDocumentDetailView, SourceDocumentListView

__all__ = [
    "CitationDownloadView",
    "CitationView",
    "CountryDetailView",
    "CountryListView",
    "CountryPairView",
    "HomeView",
    "MeetingDetailView",
    "MeetingListView",
    "NetworkView",
    "OrganizationDetailView",
    "OrganizationListView",
    "PersonDetailView",
    "PersonListView",
    "SearchView",
    "SourceDocumentDetailView",
    "SourceDocumentListView",
]
