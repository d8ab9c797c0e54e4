"""The read-only API (namespace "api"); documented at /api/ and described at /api/openapi.json."""

from django.urls import path

from . import views

app_name = "api"

urlpatterns = [
    path("", views.ApiIndexView.as_view(), name="index"),
    path("openapi.json", views.OpenApiView.as_view(), name="openapi"),
    path("meetings/<slug:slug>/", views.MeetingView.as_view(), name="meeting-detail"),
    path("people/<slug:slug>/", views.PersonView.as_view(), name="person-detail"),
    path("organizations/<slug:slug>/", views.OrganizationView.as_view(), name="organization-detail"),
    path("countries/<str:code>/", views.CountryView.as_view(), name="country-detail"),
    path("sources/<int:pk>/", views.SourceDocumentView.as_view(), name="source-detail"),
    path("network/", views.network_endpoint, name="network"),
    *(
        path(route, views.json_twin(view_class), name=name)
        for route, name, view_class in (
            ("meetings/", "meeting-list", views.LIST_ENDPOINTS["meeting-list"]),
            ("people/", "person-list", views.LIST_ENDPOINTS["person-list"]),
            ("organizations/", "organization-list", views.LIST_ENDPOINTS["organization-list"]),
            ("countries/", "country-list", views.LIST_ENDPOINTS["country-list"]),
            ("statements/", "statement-list", views.LIST_ENDPOINTS["statement-list"]),
            ("sources/", "source-list", views.LIST_ENDPOINTS["source-list"]),
        )
    ),
]
