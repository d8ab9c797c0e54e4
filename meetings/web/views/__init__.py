"""One module per kind of page; `base` holds what they share (titles, filtered lists, pagination,
redirects of merged slugs). `meetings/urls.py` maps addresses to these classes."""

from .countries import CountryDetailView, CountryListView, CountryPairView
from .home import HomeView
from .meetings import MeetingDetailView, MeetingListView
from .organizations import OrganizationDetailView, OrganizationListView
from .people import PersonDetailView, PersonListView
from .search import SearchView
from .sources import SourceDocumentDetailView, SourceDocumentListView

__all__ = [
    "CountryDetailView",
    "CountryListView",
    "CountryPairView",
    "HomeView",
    "MeetingDetailView",
    "MeetingListView",
    "OrganizationDetailView",
    "OrganizationListView",
    "PersonDetailView",
    "PersonListView",
    "SearchView",
    "SourceDocumentDetailView",
    "SourceDocumentListView",
]
