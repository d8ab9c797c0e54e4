"""The editors' workbench: every record can be corrected, merged and reviewed here without SQL.

Saving a record through the admin marks it curated, so a later ingest leaves it alone; records the
extractor was unsure of carry a `review_reason` and can be listed with the "needs review" filter.
"""

import hashlib

from django import forms
from django.contrib import admin, messages
from django.db import models, transaction
from django.db.models import Count, Q
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django_countries import countries

from .merging import MergeError, merge_organizations, merge_people
from .models import (
    Meeting,
    Organization,
    OrganizationAlias,
    OrganizationRedirect,
    Participant,
    Person,
    PersonAlias,
    PersonRedirect,
    Reviewable,
    SourceDocument,
    Statement,
)
from .search import matching_statements

admin.site.site_header = "Diplomatic Meetings Archive"
admin.site.site_title = "Archive admin"
admin.site.index_title = "Editing the archive"

EXCERPT_CONTEXT = 300  # characters of source text shown either side of a statement


# ---------------------------------------------------------------- filters


class NeedsReviewFilter(admin.SimpleListFilter):
    title = "needs review"
    parameter_name = "needs_review"

    def lookups(self, request, model_admin):
        return [("yes", "Needs review"), ("no", "Reviewed")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.exclude(review_reason="")
        if self.value() == "no":
            return queryset.filter(review_reason="")
        return queryset


def country_filter(field_path, title="country"):
    """A list filter offering only the countries that occur in `field_path` (a CountryField)."""

    class CountryListFilter(admin.SimpleListFilter):
        parameter_name = field_path.replace("__", "_")

        def lookups(self, request, model_admin):
            codes = (
                model_admin.model._default_manager.exclude(**{field_path: ""})
                .order_by()
                .values_list(field_path, flat=True)
                .distinct()
            )
            choices = [(code, countries.name(code)) for code in codes if code]
            return sorted(choices, key=lambda pair: pair[1])

        def queryset(self, request, queryset):
            if self.value():
                return queryset.filter(**{field_path: self.value().upper()})
            return queryset

    CountryListFilter.title = title
    return CountryListFilter


# ---------------------------------------------------------------- source text, shown read-only


def _marked_text(text, spans):
    """`text` escaped, with each (start, end) span wrapped in <mark>; overlapping spans are skipped."""
    pieces, position = [], 0
    for start, end in sorted(spans):
        if start < position or end > len(text):
            continue
        pieces.append(format_html("{}<mark>{}</mark>", text[position:start], text[start:end]))
        position = end
    pieces.append(format_html("{}", text[position:]))
    return format_html_join("", "{}", ((piece,) for piece in pieces))


def _source_block(content):
    return format_html('<div style="white-space: pre-wrap; max-width: 60em">{}</div>', content)


def source_excerpt(statement):
    """The source text around a statement's offsets, the statement itself marked."""
    source = statement.source
    if source is None or statement.start is None or statement.end is None:
        return "No position in a source is recorded for this statement."
    text = source.text
    if statement.end > len(text):
        return "The recorded offsets lie outside the source text."
    first = max(0, statement.start - EXCERPT_CONTEXT)
    last = min(len(text), statement.end + EXCERPT_CONTEXT)
    marked = _marked_text(text[first:last], [(statement.start - first, statement.end - first)])
    return _source_block(
        format_html("{}{}{}", "… " if first else "", marked, " …" if last < len(text) else "")
    )


# ---------------------------------------------------------------- curated records


class CuratingAdmin(admin.ModelAdmin):
    """Saving a record, or an inline record, through the admin marks it curated."""

    actions = ["mark_reviewed"]
    readonly_fields = ["curated"]

    def save_model(self, request, obj, form, change):
        if isinstance(obj, Reviewable):
            obj.curated = True
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        instances = formset.save(commit=False)
        for instance in instances:
            if isinstance(instance, Reviewable):
                instance.curated = True
            instance.save()
        for instance in formset.deleted_objects:
            instance.delete()
        formset.save_m2m()

    @admin.action(
        description="Mark as reviewed (clears the review reason, marks curated)", permissions=["change"]
    )
    def mark_reviewed(self, request, queryset):
        records = list(queryset)
        with transaction.atomic():
            for record in records:
                message = f"Marked as reviewed (was: {record.review_reason})" if record.review_reason else ""
                record.review_reason = ""
                record.curated = True
                record.save(update_fields=["review_reason", "curated"])
                self.log_change(request, record, message or "Marked as reviewed")
        self.message_user(request, f"{len(records)} marked as reviewed.", messages.SUCCESS)


class MergeActionMixin:
    """An action that merges the selected records into the one the editor chooses to keep, after a
    confirmation page (templates/admin/meetings/merge_confirmation.html)."""

    merge_function = None
    merge_counts = ()  # reverse relations counted on the confirmation page

    @admin.action(description="Merge selected %(verbose_name_plural)s…", permissions=["change", "delete"])
    def merge_selected(self, request, queryset):
        counts = {f"{name}_count": Count(name, distinct=True) for name in self.merge_counts}
        records = list(queryset.annotate(**counts))
        noun = self.model._meta.verbose_name_plural
        if len(records) < 2:
            self.message_user(request, f"Select at least two {noun} to merge.", messages.WARNING)
            return None
        error = None
        if request.POST.get("post") == "yes":
            keep = next((r for r in records if str(r.pk) == request.POST.get("keep")), None)
            if keep is not None:
                return self._merge(request, keep, [r for r in records if r is not keep])
            error = f"Choose the {self.model._meta.verbose_name} to keep."
        labels = [(name.replace("_", " "), f"{name}_count") for name in self.merge_counts]
        rows = [(r, [(label, getattr(r, count)) for label, count in labels]) for r in records]
        context = {
            **self.admin_site.each_context(request),
            "title": f"Merge {noun}",
            "opts": self.model._meta,
            "rows": rows,
            "error": error,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            "media": self.media,
        }
        return TemplateResponse(request, "admin/meetings/merge_confirmation.html", context)

    def _merge(self, request, keep, others):
        try:
            with transaction.atomic():
                report = type(self).merge_function(keep, others)
                self.log_deletions(request, others)
                self.log_change(request, report.kept, report.summary())
        except MergeError as error:
            self.message_user(request, f"Nothing was merged: {error}", messages.ERROR)
            return None
        self.message_user(request, report.summary(), messages.SUCCESS)
        return None


# ---------------------------------------------------------------- source documents


class SourceDocumentForm(forms.ModelForm):
    # No Meta: the admin builds the form from SourceDocumentAdmin's fields and formfield_overrides.

    def clean_text(self):
        # Offsets refer to text with "\n" line endings, as read_document produces it.
        text = self.cleaned_data["text"].replace("\r\n", "\n").replace("\r", "\n")
        duplicate = SourceDocument.objects.filter(sha256=sha256_of(text)).first()
        if duplicate is not None:
            raise forms.ValidationError(f"This text is already in the archive: {duplicate}.")
        return text


def sha256_of(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@admin.register(SourceDocument)
class SourceDocumentAdmin(admin.ModelAdmin):
    form = SourceDocumentForm
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ["__str__", "file_name", "published", "publisher", "extractor_version", "imported_at"]
    list_filter = [("published", admin.DateFieldListFilter), "publisher", "extractor_version"]
    search_fields = ["title", "file_name", "sha256", "publisher", "url"]
    date_hierarchy = "published"
    readonly_fields = ["sha256", "imported_at", "extractor_version", "reported_meetings", "source_text"]

    def get_fields(self, request, obj=None):
        if obj is None:  # a new document: its text is typed in; afterwards offsets depend on it
            return ["file_name", "title", "published", "publisher", "url", "text"]
        return ["file_name", "title", "published", "publisher", "url", *self.readonly_fields]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.sha256 = sha256_of(obj.text)
        super().save_model(request, obj, form, change)

    @admin.display(description="text")
    def source_text(self, obj):
        return _source_block(obj.text)

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


class StableAddressForm(forms.ModelForm):
    """A person's or organization's slug may not take an address that redirects to another record."""

    def clean_slug(self):
        slug = self.cleaned_data["slug"]
        model = self._meta.model
        moved = model.redirect_model.objects.filter(old_slug=slug)
        if self.instance.pk is not None:
            moved = moved.exclude(**{model._meta.model_name: self.instance})
        if moved.exists():
            target = getattr(moved.get(), model._meta.model_name)
            raise forms.ValidationError(
                f"This address redirects to {target} (merged earlier); choose another."
            )
        return slug


class StableAddressAdmin(CuratingAdmin):
    """Changing a slug leaves a redirect from the old address, as a merge does."""

    form = StableAddressForm

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and "slug" in form.changed_data and form.initial.get("slug"):
            redirect_model, column = self.model.redirect_model, self.model._meta.model_name
            redirect_model.objects.filter(old_slug=obj.slug).delete()
            redirect_model.objects.update_or_create(old_slug=form.initial["slug"], defaults={column: obj})

    @admin.display(description="old addresses (redirect here)")
    def old_slugs(self, obj):
        return ", ".join(obj.redirects.values_list("old_slug", flat=True)) or "—"


@admin.register(Person)
class PersonAdmin(MergeActionMixin, StableAddressAdmin):
    merge_function = merge_people
    merge_counts = ("participations", "statements", "aliases")
    actions = ["merge_selected", "mark_reviewed"]
    list_display = ["name", "country", "slug", "participation_count", "curated", "review_reason"]
    list_filter = [country_filter("country"), "curated", NeedsReviewFilter]
    search_fields = ["name", "slug", "aliases__name"]
    prepopulated_fields = {"slug": ["name"]}
    fields = ["name", "slug", "country", "curated", "review_reason", "old_slugs"]
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


@admin.register(Organization)
class OrganizationAdmin(MergeActionMixin, StableAddressAdmin):
    merge_function = merge_organizations
    merge_counts = ("participations", "mentioned_in", "aliases")
    actions = ["merge_selected", "mark_reviewed"]
    list_display = ["name", "acronym", "kind", "country", "slug", "curated", "review_reason"]
    list_filter = ["kind", country_filter("country"), "curated", NeedsReviewFilter]
    search_fields = ["name", "acronym", "slug", "aliases__name"]
    prepopulated_fields = {"slug": ["name"]}
    fields = ["name", "acronym", "slug", "kind", "country", "curated", "review_reason", "old_slugs"]
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
    fields = ["person", "name_as_written", "role", "country", "organization", "curated", "review_reason"]
    readonly_fields = ["curated"]
    autocomplete_fields = ["person", "organization"]
    extra = 0
    show_change_link = True

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("person", "organization")


class StatementInline(admin.StackedInline):
    model = Statement
    fields = [
        ("order", "kind"),
        ("speaker", "attribution"),
        "text",
        ("source", "start", "end"),
        "excerpt",
        ("curated", "review_reason"),
    ]
    readonly_fields = ["excerpt", "curated"]
    autocomplete_fields = ["speaker", "source"]
    extra = 0
    show_change_link = True

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("speaker", "source")

    @admin.display(description="in the source")
    def excerpt(self, obj):
        return source_excerpt(obj)


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
            (source.file_name, source, _source_block(_marked_text(source.text, spans.get(source.pk, []))))
            for source in documents
        ]
        return format_html_join("", "<h4>{} — {}</h4>{}", blocks) or "No source document."


@admin.register(Participant)
class ParticipantAdmin(CuratingAdmin):
    list_display = ["person", "meeting", "role", "country", "organization", "curated", "review_reason"]
    list_filter = [country_filter("country", "country represented"), "curated", NeedsReviewFilter]
    search_fields = ["person__name", "name_as_written", "role", "meeting__title", "organization__name"]
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
