"""What the records share: slugs, validators, the curated and review flags, named records."""

from django.core.validators import RegexValidator, URLValidator
from django.db import models
from django.urls import reverse
from django.utils.text import slugify


def unique_slug(model, text, max_length=80, exclude_pk=None):
    """A slug for `text` not yet used by `model` (nor by its redirects, when it has them)."""
    base = (slugify(text, allow_unicode=False) or "record")[: max_length - 8].strip("-") or "record"
    candidate, n = base, 1
    while True:
        taken = model.objects.filter(slug=candidate)
        if exclude_pk is not None:
            taken = taken.exclude(pk=exclude_pk)
        redirect_model = getattr(model, "redirect_model", None)
        if not taken.exists() and not (
            redirect_model and redirect_model.objects.filter(old_slug=candidate).exists()
        ):
            return candidate
        n += 1
        candidate = f"{base}-{n}"


# Only web addresses are stored or rendered as links: never `javascript:`, `file:` or `data:`.
web_url_validator = URLValidator(schemes=["http", "https"])
wikidata_id_validator = RegexValidator(
    r"^Q[1-9][0-9]{0,11}$", "A Wikidata item identifier: Q followed by digits, such as Q42."
)


class Reviewable(models.Model):
    curated = models.BooleanField(
        default=False,
        db_index=True,
        help_text="Saved by an editor: a later ingest never changes or deletes this record.",
    )
    review_reason = models.CharField(
        max_length=300,
        blank=True,
        help_text="Why the extractor was unsure; empty once an editor has checked it.",
    )

    class Meta:
        abstract = True

    @property
    def needs_review(self):
        return bool(self.review_reason)


class NamedRecord(Reviewable):
    """A person or an organization: `name`, `slug` and `aliases` are declared by the subclass.
    The slug is made from the name on first save and kept after (links stay stable)."""

    wikidata_id = models.CharField(
        "Wikidata ID",
        max_length=13,
        blank=True,
        db_index=True,
        validators=[wikidata_id_validator],
        help_text="The Wikidata item for this record, such as Q42 (entered by editors).",
    )

    detail_url_name = None

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(type(self), self.name, exclude_pk=self.pk)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse(self.detail_url_name, args=[self.slug])

    @classmethod
    def moved_from(cls, old_slug):
        """The record an old slug (merged away, or changed by an editor) now redirects to, or None."""
        owner = cls._meta.model_name
        moved = cls.redirect_model.objects.filter(old_slug=old_slug).select_related(owner).first()
        return getattr(moved, owner) if moved else None

    @property
    def alias_names(self):
        return [alias.name for alias in self.aliases.all()]
