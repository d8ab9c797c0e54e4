"""The editors' workbench: every record can be corrected, merged and reviewed here without SQL.

Saving a record through the admin marks it curated, so a later ingest leaves it alone; records the
extractor was unsure of carry a `review_reason` and can be listed with the "needs review" filter.
This module registers the record admins; what they share (filters, source excerpts, the curating,
merge and stable-address rules) is in `meetings.admin.curating`.
"""

from django import forms
from django.contrib import admin
from django.db import models
from django.db.models import Count, Q
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from meetings.ingest.resolution import parse_person_name
from meetings.ingest.runner import text_sha256
from meetings.models import (
    Meeting,
    Organization,
    OrganizationAlias,
    OrganizationRedirect,
    Participant,
    Person,
    PersonAlias,
    PersonRedirect,
    SourceDocument,
    SourceMark,
    Statement,
)
from meetings.search import matching_statements

from .curating import (
    SOURCE_TEXT_MEDIA_CSS,
    CuratingAdmin,
    MergeActionMixin,
    NeedsReviewFilter,
    StableAddressAdmin,
    country_filter,
    marked_text,
    source_block,
    source_excerpt,
)
from .merging import merge_organizations, merge_people

INLINE_EXCERPT = 90  # characters of a statement shown in the meeting page's statement rows

admin.site.site_header = "Diplomatic Meetings Archive"
admin.site.site_title = "Archive admin"
admin.site.index_title = "Editing the archive"

# ---------------------------------------------------------------- source documents


class SourceDocumentForm(forms.ModelForm):
    # No Meta: the admin builds the form from SourceDocumentAdmin's fields and formfield_overrides.

    def clean_text(self):
        # Offsets refer to text with "\n" line endings, as read_document produces it.
        text = self.cleaned_data["text"].replace("\r\n", "\n").replace("\r", "\n")
        duplicate = SourceDocument.objects.filter(sha256=text_sha256(text)).first()
        if duplicate is not None:
            raise forms.ValidationError(f"This text is already in the archive: {duplicate}.")
        return text


@admin.register(SourceDocument)
class SourceDocumentAdmin(admin.ModelAdmin):
    form = SourceDocumentForm
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ["__str__", "file_name", "published", "publisher", "extractor_version", "imported_at"]
    list_filter = [("published", admin.DateFieldListFilter), "publisher", "extractor_version"]
    search_fields = ["title", "file_name", "sha256", "publisher", "url"]
    date_hierarchy = "published"
    readonly_fields = ["sha256", "imported_at", "extractor_version", "reported_meetings", "source_text"]

    class Media:
        css = SOURCE_TEXT_MEDIA_CSS

    def get_fields(self, request, obj=None):
        if obj is None:  # a new document: its text is typed in; afterwards offsets depend on it
            return ["file_name", "title", "published", "publisher", "url", "text"]
        return ["file_name", "title", "published", "publisher", "url", *self.readonly_fields]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.sha256 = text_sha256(obj.text)
        super().save_model(request, obj, form, change)

    @admin.display(description="text")
    def source_text(self, obj):
        return source_block(obj.text)

    @admin.display(description="meetings reported")
    def reported_meetings(self, obj):
        links = [(reverse("admin:meetings_meeting_change", args=[m.pk]), m) for m in obj.meetings.all()]
        return format_html_join(", ", '<a href="{}">{}</a>', links) or "—"


# ---------------------------------------------------------------- people and organizations


class PersonAliasInline(admin.TabularInline):
    model = PersonAlias
    extra = 1


class OrganizationAliasInline(admin.TabularInline):
    model = OrganizationAlias
    extra = 1


@admin.register(Person)
class PersonAdmin(MergeActionMixin, StableAddressAdmin):
    merge_function = merge_people
    merge_counts = ("participations", "statements", "aliases")
    weight_counts = ("participations", "statements")
    actions = ["merge_selected", "mark_reviewed"]
    list_display = ["name", "country", "slug", "participation_count", "curated", "review_reason"]
    list_filter = [country_filter("country"), "curated", NeedsReviewFilter]
    search_fields = ["name", "slug", "aliases__name", "=wikidata_id"]
    prepopulated_fields = {"slug": ["name"]}
    fields = ["name", "slug", "country", "wikidata_id", "curated", "review_reason", "old_slugs"]
    readonly_fields = ["curated", "old_slugs"]
    inlines = [PersonAliasInline]

    def get_queryset(self, request):
        # An aggregate drops Meta.ordering; autocomplete pages need a stable order.
        counted = (
            super().get_queryset(request).annotate(participation_count=Count("participations", distinct=True))
        )
        return counted.order_by("name", "pk")

    @admin.display(description="meetings", ordering="participation_count")
    def participation_count(self, obj):
        return obj.participation_count

    def merge_warnings(self, records):
        """Countries that differ, and first names that differ (Ilham and Heydar Aliyev are two
        people, however alike their surnames)."""
        warnings = super().merge_warnings(records)
        first_names = {}
        for record in records:
            form = parse_person_name(record.name)
            if form is not None and form.first:
                first_names.setdefault(form.first, record.name)
        if len(first_names) > 1:
            names = ", ".join(sorted(first_names.values()))
            warnings.append(
                f"The first names differ ({names}): make sure these are one person before merging."
            )
        return warnings


@admin.register(Organization)
class OrganizationAdmin(MergeActionMixin, StableAddressAdmin):
    merge_function = merge_organizations
    merge_counts = ("participations", "mentioned_in", "aliases")
    weight_counts = ("participations", "mentioned_in")
    actions = ["merge_selected", "mark_reviewed"]
    list_display = ["name", "acronym", "kind", "country", "slug", "curated", "review_reason"]
    list_filter = ["kind", country_filter("country"), "curated", NeedsReviewFilter]
    search_fields = ["name", "acronym", "slug", "aliases__name", "=wikidata_id"]
    prepopulated_fields = {"slug": ["name"]}
    fields = [
        "name",
        "acronym",
        "slug",
        "kind",
        "country",
        "wikidata_id",
        "curated",
        "review_reason",
        "old_slugs",
    ]
    readonly_fields = ["curated", "old_slugs"]
    inlines = [OrganizationAliasInline]


@admin.register(PersonAlias)
class PersonAliasAdmin(admin.ModelAdmin):
    list_display = ["name", "person"]
    list_filter = [country_filter("person__country", "person's country")]
    search_fields = ["name", "person__name"]
    autocomplete_fields = ["person"]
    list_select_related = ["person"]


@admin.register(OrganizationAlias)
class OrganizationAliasAdmin(admin.ModelAdmin):
    list_display = ["name", "organization"]
    list_filter = ["organization__kind"]
    search_fields = ["name", "organization__name", "organization__acronym"]
    autocomplete_fields = ["organization"]
    list_select_related = ["organization"]


@admin.register(PersonRedirect)
class PersonRedirectAdmin(admin.ModelAdmin):
    list_display = ["old_slug", "person", "created"]
    list_filter = [("created", admin.DateFieldListFilter)]
    search_fields = ["old_slug", "person__name", "person__slug"]
    autocomplete_fields = ["person"]
    list_select_related = ["person"]


@admin.register(OrganizationRedirect)
class OrganizationRedirectAdmin(admin.ModelAdmin):
    list_display = ["old_slug", "organization", "created"]
    list_filter = [("created", admin.DateFieldListFilter)]
    search_fields = ["old_slug", "organization__name", "organization__slug"]
    autocomplete_fields = ["organization"]
    list_select_related = ["organization"]


# ---------------------------------------------------------------- meetings, participants, statements


class ParticipantInline(admin.TabularInline):
    model = Participant
    # The role as written, the name as written and the curated flag are on the participant's own page.
    fields = ["person", "role", "country", "organization", "is_principal", "review_reason"]
    autocomplete_fields = ["person", "organization"]
    extra = 0
    show_change_link = True
    formfield_overrides = {models.CharField: {"widget": forms.TextInput(attrs={"size": 14})}}

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("person", "organization")


class StatementInline(admin.TabularInline):
    """One compact row per statement: the text in a small box, the source passage one click away
    (a <details>, no script), everything else on the statement's own page (the change link)."""

    model = Statement
    fields = ["order", "kind", "speaker", "text", "passage", "review_reason"]
    readonly_fields = ["passage"]
    autocomplete_fields = ["speaker"]
    extra = 0
    show_change_link = True
    formfield_overrides = {
        models.TextField: {"widget": forms.Textarea(attrs={"rows": 3, "cols": 30})},
        models.CharField: {"widget": forms.TextInput(attrs={"size": 10})},
        models.PositiveIntegerField: {"widget": forms.NumberInput(attrs={"class": "archive-narrow-number"})},
    }

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("speaker", "source")

    @admin.display(description="in the source")
    def passage(self, obj):
        if obj.pk is None:
            return "—"
        short = obj.text if len(obj.text) <= INLINE_EXCERPT else obj.text[: INLINE_EXCERPT - 1] + "…"
        return format_html(
            '<details class="statement-passage"><summary>{}</summary>{}</details>', short, source_excerpt(obj)
        )


@admin.register(Meeting)
class MeetingAdmin(CuratingAdmin):
    list_display = [
        "title",
        "date",
        "city",
        "country",
        "kind",
        "participant_count",
        "curated",
        "review_reason",
    ]
    list_filter = [
        "kind",
        country_filter("country", "country where held"),
        ("date", admin.DateFieldListFilter),
        "curated",
        NeedsReviewFilter,
    ]
    search_fields = ["title", "slug", "city", "summary", "participants__person__name"]
    date_hierarchy = "date"
    prepopulated_fields = {"slug": ["date", "title"]}
    autocomplete_fields = ["sources", "people_mentioned", "organizations_mentioned"]
    readonly_fields = ["curated", "source_texts"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "date", "kind", "city", "country", "summary"]}),
        ("Sources and mentions", {"fields": ["sources", "people_mentioned", "organizations_mentioned"]}),
        ("Review", {"fields": ["curated", "review_reason"]}),
        ("Source text (statements marked)", {"classes": ["collapse"], "fields": ["source_texts"]}),
    ]
    inlines = [ParticipantInline, StatementInline]

    class Media:
        css = {"all": ["css/admin.css"]}  # keeps the change page within a 1,280 px window

    def get_queryset(self, request):
        counted = (
            super().get_queryset(request).annotate(participant_count=Count("participants", distinct=True))
        )
        return counted.order_by("-date", "title", "pk")

    @admin.display(description="participants", ordering="participant_count")
    def participant_count(self, obj):
        return obj.participant_count

    @admin.display(description="source text")
    def source_texts(self, obj):
        spans = {}
        for statement in obj.statements.exclude(start=None).exclude(source=None):
            spans.setdefault(statement.source_id, []).append((statement.start, statement.end))
        documents = SourceDocument.objects.filter(pk__in={*spans, *obj.sources.values_list("pk", flat=True)})
        blocks = [
            (source.file_name, source, source_block(marked_text(source.text, spans.get(source.pk, []))))
            for source in documents
        ]
        return format_html_join("", "<h4>{} — {}</h4>{}", blocks) or "No source document."


@admin.register(Participant)
class ParticipantAdmin(CuratingAdmin):
    list_display = [
        "person",
        "meeting",
        "role",
        "role_as_written",
        "country",
        "organization",
        "is_principal",
        "curated",
        "review_reason",
    ]
    list_filter = [country_filter("country", "country represented"), "curated", NeedsReviewFilter]
    search_fields = [
        "person__name",
        "name_as_written",
        "role",
        "role_as_written",
        "meeting__title",
        "organization__name",
    ]
    autocomplete_fields = ["meeting", "person", "organization"]
    list_select_related = ["person", "meeting", "organization"]


@admin.register(Statement)
class StatementAdmin(CuratingAdmin):
    list_display = ["short_text", "speaker", "attribution", "kind", "meeting", "curated", "review_reason"]
    list_filter = [
        "kind",
        country_filter("speaker__country", "speaker's country"),
        ("meeting__date", admin.DateFieldListFilter),
        "curated",
        NeedsReviewFilter,
    ]
    # The text is searched with the site's full-text search (get_search_results), these as usual.
    search_fields = ["attribution", "speaker__name", "meeting__title"]
    search_help_text = 'Words in the text ("a phrase", a OR b, -word), the speaker or the meeting title.'
    autocomplete_fields = ["meeting", "speaker", "source"]
    list_select_related = ["speaker", "meeting"]
    fields = [
        "meeting",
        ("order", "kind"),
        ("speaker", "attribution"),
        "text",
        ("source", "start", "end"),
        "excerpt",
        ("curated", "review_reason"),
    ]
    readonly_fields = ["excerpt", "curated"]

    def get_search_results(self, request, queryset, search_term):
        if not search_term.strip():
            return queryset, False
        by_fields, _ = super().get_search_results(request, queryset, search_term)
        by_text = matching_statements(search_term).values("pk")
        return queryset.filter(Q(pk__in=by_text) | Q(pk__in=by_fields.values("pk"))), False

    @admin.display(description="statement")
    def short_text(self, obj):
        return obj.text if len(obj.text) <= 90 else obj.text[:89] + "…"

    @admin.display(description="in the source")
    def excerpt(self, obj):
        return source_excerpt(obj)


@admin.register(SourceMark)
class SourceMarkAdmin(admin.ModelAdmin):
    """The sentences a meeting's date, place and participants came from (ingest writes them; an
    editor can delete a wrong one or correct its offsets)."""

    list_display = ["field", "meeting", "participant", "source", "start", "end", "written"]
    list_filter = ["field"]
    search_fields = ["meeting__title", "participant__person__name", "written", "source__file_name"]
    raw_id_fields = ["meeting", "participant", "source"]
    list_select_related = ["meeting", "participant__person", "source"]
