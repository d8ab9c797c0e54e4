"""The people, organizations and meetings in the sources, who took part and what they said, and
the source sentences each record came from."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django_countries.fields import CountryField

from .base import NamedRecord, Reviewable, unique_slug
from .sources import SourceDocument


class PersonQuerySet(models.QuerySet):
    def with_country(self, code):
        return self.filter(country=code.upper())


class Person(NamedRecord):
    name = models.CharField(max_length=200, db_index=True)
    slug = models.SlugField(max_length=80, unique=True)
    country = CountryField(blank=True, db_index=True, help_text="The state the person represents.")

    objects = PersonQuerySet.as_manager()
    detail_url_name = "meetings:person-detail"

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"

    def __str__(self):
        return self.name


class PersonAlias(models.Model):
    """Another spelling of a person's name seen in a source ("Sergei Lavrov", "S.Lavrov")."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=200)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "person aliases"
        constraints = [models.UniqueConstraint(fields=["person", "name"], name="unique_person_alias")]
        indexes = [models.Index(fields=["name"])]

    def __str__(self):
        return self.name


class PersonRedirect(models.Model):
    """The slug of a person merged into another, so old links and datasets keep resolving."""

    old_slug = models.SlugField(max_length=80, unique=True)
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="redirects")
    created = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"{self.old_slug} → {self.person.slug}"


Person.redirect_model = PersonRedirect


class Organization(NamedRecord):
    class Kind(models.TextChoices):
        GOVERNMENT = "government", "Government body"
        INTERNATIONAL = "international", "International organization"
        NGO = "ngo", "NGO"
        MEDIA = "media", "Media"
        OTHER = "other", "Other"

    name = models.CharField(max_length=300, db_index=True)
    acronym = models.CharField(max_length=30, blank=True, db_index=True)
    slug = models.SlugField(max_length=80, unique=True)
    country = CountryField(blank=True, db_index=True, help_text="Empty for international bodies.")
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.OTHER)

    detail_url_name = "meetings:organization-detail"

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.acronym})" if self.acronym else self.name


class OrganizationAlias(models.Model):
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=300)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "organization aliases"
        constraints = [
            models.UniqueConstraint(fields=["organization", "name"], name="unique_organization_alias")
        ]
        indexes = [models.Index(fields=["name"])]

    def __str__(self):
        return self.name


class OrganizationRedirect(models.Model):
    old_slug = models.SlugField(max_length=80, unique=True)
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="redirects")
    created = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"{self.old_slug} → {self.organization.slug}"


Organization.redirect_model = OrganizationRedirect


class MeetingQuerySet(models.QuerySet):
    # Subqueries rather than joins: no duplicate rows, so no DISTINCT, and filters combine freely.

    def with_country(self, code):
        """Meetings a country took part in (through a participant) or hosted."""
        code = code.upper()
        attended = Participant.objects.filter(country=code).values("meeting_id")
        return self.filter(Q(country=code) | Q(pk__in=attended))

    def with_person(self, person):
        return self.filter(pk__in=Participant.objects.filter(person=person).values("meeting_id"))

    def with_organization(self, organization):
        """Meetings that mention the organization or where someone represented it."""
        mentioned = Meeting.organizations_mentioned.through.objects.filter(organization=organization)
        represented = Participant.objects.filter(organization=organization)
        return self.filter(
            Q(pk__in=mentioned.values("meeting_id")) | Q(pk__in=represented.values("meeting_id"))
        )


class Meeting(Reviewable):
    class Kind(models.TextChoices):
        IN_PERSON = "in_person", "In person"
        PHONE = "phone", "Phone call"
        VIDEO = "video", "Video call"

    slug = models.SlugField(max_length=120, unique=True)
    title = models.CharField(max_length=500)
    date = models.DateField(null=True, blank=True, db_index=True)
    city = models.CharField(max_length=120, blank=True)
    country = CountryField(blank=True, db_index=True, help_text="Where the meeting was held.")
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.IN_PERSON, db_index=True)
    summary = models.TextField(blank=True)
    sources = models.ManyToManyField(SourceDocument, related_name="meetings", blank=True)
    people_mentioned = models.ManyToManyField(Person, related_name="mentioned_in", blank=True)
    organizations_mentioned = models.ManyToManyField(Organization, related_name="mentioned_in", blank=True)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "title"]
        indexes = [models.Index(fields=["country", "date"])]

    def __str__(self):
        return f"{self.title} ({self.date:%Y-%m-%d})" if self.date else self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            prefix = f"{self.date:%Y-%m-%d}-" if self.date else ""
            self.slug = unique_slug(Meeting, prefix + self.title, max_length=120, exclude_pk=self.pk)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("meetings:meeting-detail", args=[self.slug])


class Participant(Reviewable):
    """A person present at a meeting, as the source describes them there."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="participants")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="participations")
    name_as_written = models.CharField(max_length=200, blank=True)
    role = models.CharField(
        max_length=200, blank=True, help_text='One form per office: "Minister of Foreign Affairs".'
    )
    role_as_written = models.CharField(
        max_length=200, blank=True, help_text='The role as the source wrote it: "Russian FM".'
    )
    is_principal = models.BooleanField(
        "principal",
        default=False,
        help_text="Heads their side at this meeting (the meeting's title names them).",
    )
    country = CountryField(blank=True, db_index=True, help_text="The state represented at this meeting.")
    organization = models.ForeignKey(
        Organization, on_delete=models.SET_NULL, null=True, blank=True, related_name="participations"
    )

    class Meta:
        ordering = ["meeting", "country", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "person"], name="one_participation_per_person")
        ]
        indexes = [models.Index(fields=["person", "meeting"]), models.Index(fields=["country", "meeting"])]

    def __str__(self):
        return f"{self.person} at {self.meeting}"


class Statement(Reviewable):
    """What a participant said at a meeting, as one source reports it."""

    class Kind(models.TextChoices):
        DIRECT = "direct", "Direct quotation"
        REPORTED = "reported", "Reported speech"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="statements")
    speaker = models.ForeignKey(
        Person, on_delete=models.PROTECT, null=True, blank=True, related_name="statements"
    )
    attribution = models.CharField(
        max_length=300, blank=True, help_text='The speaker as the source wrote it: "S.Lavrov".'
    )
    kind = models.CharField(max_length=10, choices=Kind.choices, db_index=True)
    text = models.TextField()
    order = models.PositiveIntegerField(default=0, help_text="Position within the meeting.")
    source = models.ForeignKey(
        SourceDocument, on_delete=models.CASCADE, null=True, blank=True, related_name="statements"
    )
    start = models.PositiveIntegerField(null=True, blank=True, help_text="Offset of the text in the source.")
    end = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["meeting", "order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(start__isnull=True, end__isnull=True)
                | Q(start__isnull=False, end__isnull=False, end__gt=models.F("start")),
                name="statement_offsets_ordered",
            ),
            models.CheckConstraint(
                condition=Q(start__isnull=True) | Q(source__isnull=False),
                name="statement_offsets_need_source",
            ),
        ]
        indexes = [
            models.Index(fields=["meeting", "order"]),
            models.Index(fields=["speaker", "meeting"]),
        ]

    def __str__(self):
        return f"{self.attribution or self.speaker}: {self.text[:60]}"

    def get_absolute_url(self):
        return f"{self.meeting.get_absolute_url()}#statement-{self.pk}"

    def clean(self):
        """Offsets must lie inside the source document (a database CHECK cannot see its length)."""
        super().clean()
        if self.source_id and self.end is not None and self.end > len(self.source.text):
            raise ValidationError({"end": "The offsets lie outside the source document's text."})


class SourceMark(models.Model):
    """A sentence of a source document that a record came from: the meeting's date or place, or a
    participant named with their role. Statements carry their own offsets (`Statement.start`).
    The source page marks these sentences and links each to its record."""

    class Field(models.TextChoices):
        DATE = "date", "Date"
        PLACE = "place", "Place"
        PARTICIPANT = "participant", "Participant and role"

    source = models.ForeignKey(SourceDocument, on_delete=models.CASCADE, related_name="marks")
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="source_marks")
    participant = models.ForeignKey(
        Participant, on_delete=models.CASCADE, null=True, blank=True, related_name="source_marks"
    )
    field = models.CharField(max_length=20, choices=Field.choices)
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    written = models.CharField(
        max_length=200, blank=True, help_text="The name as this source wrote it (participants)."
    )

    class Meta:
        ordering = ["source", "start", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gt=models.F("start")), name="source_mark_offsets_ordered"
            ),
        ]
        indexes = [models.Index(fields=["meeting", "source"])]

    def __str__(self):
        return f"{self.get_field_display()} of {self.meeting} in {self.source}"

    def get_absolute_url(self):
        anchor = f"participant-{self.participant_id}" if self.participant_id else "meeting-facts"
        return f"{self.meeting.get_absolute_url()}#{anchor}"
