"""Public pages. Views live in meetings/views.py; see the public pages issue."""

from django.urls import path

from . import views

app_name = "meetings"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("meetings/<slug:slug>/", views.MeetingDetailView.as_view(), name="meeting-detail"),
    path("people/<slug:slug>/", views.PersonDetailView.as_view(), name="person-detail"),
    path("organizations/<slug:slug>/", views.OrganizationDetailView.as_view(), name="organization-detail"),
    path("sources/<int:pk>/", views.SourceDocumentDetailView.as_view(), name="source-detail"),
]
