"""The building blocks of the editors' workbench (meetings/admin.py): list filters, source text
shown with a statement marked, and the editing rules every record admin shares.

- `CuratingAdmin`: saving a record (or an inline record) marks it curated, so a later ingest
  leaves it alone; its "mark reviewed" action clears the review reason.
- `MergeActionMixin`: merge the selected records into the one the editor keeps, after a
  confirmation page; the policy is in `meetings.admin.merging`.
- `StableAddressAdmin`: changing a slug leaves a redirect from the old address, as a merge does.
"""

from django import forms
from django.contrib import admin, messages
from django.db import transaction
from django.db.models import Count
from django.template.response import TemplateResponse
from django.utils.html import format_html, format_html_join
from django_countries import countries

from meetings.models import Reviewable

from .merging import MergeError

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


def marked_text(text, spans):
    """`text` escaped, with each (start, end) span wrapped in <mark>; overlapping spans are skipped."""
    pieces, position = [], 0
    for start, end in sorted(spans):
        if start < position or end > len(text):
            continue
        pieces.append(format_html("{}<mark>{}</mark>", text[position:start], text[start:end]))
        position = end
    pieces.append(format_html("{}", text[position:]))
    return format_html_join("", "{}", ((piece,) for piece in pieces))


# The admins that show source text load this stylesheet: the Content-Security-Policy allows no
# inline style attribute.
SOURCE_TEXT_MEDIA_CSS = {"all": ["css/admin.css"]}


def source_block(content):
    """Source text as written: line breaks kept, lines of a readable length (css/admin.css)."""
    return format_html('<div class="archive-source-text">{}</div>', content)


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
    marked = marked_text(text[first:last], [(statement.start - first, statement.end - first)])
    return source_block(
        format_html("{}{}{}", "… " if first else "", marked, " …" if last < len(text) else "")
    )


# ---------------------------------------------------------------- curated records


class CuratingAdmin(admin.ModelAdmin):
    """Saving a record, or an inline record, through the admin marks it curated."""

    actions = ["mark_reviewed"]
    readonly_fields = ["curated"]

    class Media:
        css = SOURCE_TEXT_MEDIA_CSS

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
    weight_counts = ()  # those that choose the record pre-selected to keep: the most, summed

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
            "preselected": self.record_to_keep(records),
            "warnings": self.merge_warnings(records),
            "error": error,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            "media": self.media,
        }
        return TemplateResponse(request, "admin/meetings/merge_confirmation.html", context)

    def record_to_keep(self, records):
        """The record the page pre-selects: the most of `weight_counts` (participations and
        statements), then curated, then the oldest."""
        weight = lambda r: sum(getattr(r, f"{name}_count") for name in self.weight_counts)  # noqa: E731
        return max(records, key=lambda r: (weight(r), r.curated, -r.pk))

    def merge_warnings(self, records):
        """What the editor should look at before merging: here, countries that differ (the merge
        would be refused)."""
        countries = sorted({r.country.name for r in records if r.country})
        if len(countries) > 1:
            return [
                f"The countries differ ({', '.join(countries)}): the merge will be refused. "
                "Correct the wrong country first, or these are different records."
            ]
        return []

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


# ---------------------------------------------------------------- stable addresses


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
