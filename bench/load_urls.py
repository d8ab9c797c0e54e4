"""The site's addresses plus /bare/: the same server and middleware with a view that does nothing."""

from django.http import HttpResponse
from django.urls import include, path


def bare(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bare/", bare), path("", include("archive.urls"))]
