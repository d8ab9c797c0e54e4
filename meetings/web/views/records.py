"""What record pages share: their JSON and CSV twins (`?format=json|csv` on the record's own
address, the same columns as the lists and the API)."""

from meetings.opendata.formats import FORMATS, csv_response, json_page, unknown_format_error


class RecordFormatMixin:
    """`?format=json` / `?format=csv` on a DetailView: the record as the lists give it (one row).
    Put first in the bases; the view sets `data_kind` (see meetings.opendata.serializers)."""

    data_kind = None

    def get(self, request, *args, **kwargs):
        requested = request.GET.get("format", "")
        if requested in ("", "html"):
            return super().get(request, *args, **kwargs)
        if requested not in FORMATS:
            return unknown_format_error(requested)
        response = super().get(request, *args, **kwargs)  # redirects and 404s as for the page
        if response.status_code != 200:
            return response
        record = self.model.objects.filter(pk=self.object.pk)
        if requested == "json":
            return json_page(request, record, self.data_kind)
        return csv_response(request, record, self.data_kind, f"{self.data_kind}-{self.object.pk}")
