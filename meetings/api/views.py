"""Read-only JSON endpoints: one record with its related records, plus the API's documentation."""

from django.views.generic import TemplateView


class ApiIndexView(TemplateView):
    template_name = "api/index.html"
    http_method_names = ["get", "head", "options"]
