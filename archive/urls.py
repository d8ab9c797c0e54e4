from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", include("meetings.opendata.api.urls")),
    path("", include("meetings.urls")),
]

# A JSON 404 under /api/, the site's 404 page elsewhere (after APPEND_SLASH had its chance).
handler404 = "meetings.opendata.api.views.not_found"
