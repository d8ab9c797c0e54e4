"""Extracted data → records: the only code besides the admin that writes the archive.

`Ingester.ingest_paths` reads documents, skips those already stored (same sha256 of the text as
read), extracts the rest in batches with one loaded model, and stores each document in its own
transaction: a document that fails leaves nothing behind and the run goes on. `Ingester.reextract`
runs the current extractor again over stored documents and replaces what ingest made from them.

Who is who is decided by `meetings.resolution` (its docstring states the rules). Meetings:
two reports of one meeting — the same date and at least two shared participants (all of them
when a side has fewer than two) — are one Meeting with both sources.

Editors' work is safe: a record with `curated=True` is never changed or deleted here. Ingest
links new documents to a curated meeting and adds their statements (each statement belongs to
its source), but leaves its fields, participants and mentions as the editor left them, and adds
no aliases to curated people or organizations.
"""

import datetime
import functools
import hashlib
from collections import deque
from dataclasses import asdict, dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import reset_queries, transaction
from django.db.models import Max

from meetings.models import (
    Meeting,
    Organization,
    OrganizationAlias,
    Participant,
    Person,
    PersonAlias,
    PersonRedirect,
    SourceDocument,
    Statement,
    unique_slug,
)
from meetings.resolution import OrganizationIndex, PersonIndex, acronym_key, parse_person_name

MEETING_KINDS = {choice.value for choice in Meeting.Kind}
ORGANIZATION_KINDS = {choice.value for choice in Organization.Kind}


@functools.cache
def get_extractor(model_name=None):
    """The extractor with its spaCy model, loaded once per process."""
    from meetings.extraction import Extractor

    return Extractor(model_name or settings.SPACY_MODEL)


@dataclass
class IngestReport:
    """What a run did; `as_dict()` is what `ingest --json` prints."""

    documents_read: int = 0
    documents_stored: int = 0
    documents_skipped: int = 0
    documents_failed: int = 0
    meetings_created: int = 0
    meetings_joined: int = 0
    people_created: int = 0
    organizations_created: int = 0
    statements_created: int = 0
    records_flagged: int = 0
    failures: list = field(default_factory=list)
    ambiguities: list = field(default_factory=list)

    def add(self, counts):
        for name in ("meetings_created", "meetings_joined", "people_created", "organizations_created"):
            setattr(self, name, getattr(self, name) + getattr(counts, name))
        self.statements_created += counts.statements_created
        self.records_flagged += counts.records_flagged
        self.ambiguities.extend(counts.ambiguities)

    @property
    def changed_nothing(self):
        return self.documents_stored == 0 and self.documents_failed == 0

    def as_dict(self):
        return asdict(self)


@dataclass
class DocumentCounts:
    """One document's share of the report, added only once its transaction commits."""

    meetings_created: int = 0
    meetings_joined: int = 0
    people_created: int = 0
    organizations_created: int = 0
    statements_created: int = 0
    records_flagged: int = 0
    ambiguities: list = field(default_factory=list)


def document_paths(paths):
    """Files named, and the .txt files under folders named, in a stable order; missing paths
    come back as (path, "no such file or folder")."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from ((p, None) for p in sorted(path.rglob("*.txt")) if p.is_file())
        elif path.is_file():
            yield path, None
        else:
            yield path, "no such file or folder"


def text_sha256(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def parse_iso_date(value):
    try:
        return datetime.date.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        return None


def country_code(value):
    value = (value or "").strip().upper()
    return value if len(value) == 2 and value.isalpha() else ""


def clip(value, max_length):
    return (value or "").strip()[:max_length]


class Ingester:
    """Stores extractor output. One instance per run: it loads the people and organizations
    known to the archive once and keeps those indexes in step with what it writes."""

    def __init__(self, extractor=None, batch_size=16, progress=None):
        self.extractor = extractor
        self.batch_size = batch_size
        self.progress = progress or (lambda outcome, name, detail="": None)
        self.report = IngestReport()
        self.people = PersonIndex()
        for pk, name, country, curated in Person.objects.values_list("pk", "name", "country", "curated"):
            self.people.add(pk, name, country, curated)
        for pk, name in PersonAlias.objects.values_list("person_id", "name"):
            self.people.add_form(pk, name)
        self.organizations = OrganizationIndex()
        for pk, name, acronym, curated in Organization.objects.values_list(
            "pk", "name", "acronym", "curated"
        ):
            self.organizations.add(pk, name, acronym, curated)
        for pk, name in OrganizationAlias.objects.values_list("organization_id", "name"):
            self.organizations.add_form(pk, name)
        self.people.commit()
        self.organizations.commit()

    # -- runs -----------------------------------------------------------------------------------

    def ingest_paths(self, paths):
        """Ingest the documents at `paths` (files or folders); returns the `IngestReport`."""
        pending = deque()
        seen = set()

        def new_documents():
            for path, problem in document_paths(paths):
                self.report.documents_read += 1
                if problem:
                    self._fail(path.name, problem)
                    continue
                try:
                    text = self._read(path)
                except ValueError as err:
                    self._fail(path.name, str(err))
                    continue
                sha = text_sha256(text)
                if sha in seen or SourceDocument.objects.filter(sha256=sha).exists():
                    self.report.documents_skipped += 1
                    self.progress("skipped", path.name, "already stored")
                    continue
                seen.add(sha)
                pending.append((path.name, text, sha))
                yield path.name, text

        for extraction in self._extractor().extract_many(new_documents(), batch_size=self.batch_size):
            name, text, sha = pending.popleft()
            if extraction.get("error"):
                self._fail(name, extraction["error"])
                continue
            self._store(name, lambda n=name, t=text, s=sha, e=extraction: self._store_new(n, t, s, e))
        return self.report

    def reextract(self, documents=None):
        """Run the current extractor over stored documents (all, or the `documents` queryset) and
        replace the uncurated records made from them."""
        queryset = documents if documents is not None else SourceDocument.objects.all()
        pks = list(queryset.order_by("pk").values_list("pk", flat=True))
        pending = deque()

        def stored_documents():
            for pk in pks:
                name, text = SourceDocument.objects.values_list("file_name", "text").get(pk=pk)
                self.report.documents_read += 1
                pending.append((pk, name))
                yield name, text

        for extraction in self._extractor().extract_many(stored_documents(), batch_size=self.batch_size):
            pk, name = pending.popleft()
            if extraction.get("error"):
                self._fail(name, extraction["error"])
                continue
            self._store(name, lambda p=pk, e=extraction: self._replace(p, e))
        return self.report

    def _extractor(self):
        if self.extractor is None:
            self.extractor = get_extractor()
        return self.extractor

    @staticmethod
    def _read(path):
        from meetings.extraction import DocumentError, read_document

        try:
            return read_document(path)
        except DocumentError as err:
            raise ValueError(str(err)) from err
        except OSError as err:
            raise ValueError(err.strerror or str(err)) from err

    def _fail(self, name, reason):
        self.report.documents_failed += 1
        self.report.failures.append({"file": name, "reason": reason})
        self.progress("failed", name, reason)

    def _store(self, name, write):
        """Run `write` in one transaction; on any error undo it, index changes included."""
        counts = DocumentCounts()
        self.counts = counts
        try:
            with transaction.atomic():
                write()
        except Exception as err:  # noqa: BLE001 - any failure must leave the run going
            self.people.rollback()
            self.organizations.rollback()
            self._fail(name, f"could not be stored: {type(err).__name__}: {err}".strip())
        else:
            self.people.commit()
            self.organizations.commit()
            self.report.documents_stored += 1
            self.report.add(counts)
            self.progress(
                "stored",
                name,
                f"{counts.meetings_created} new meeting(s), {counts.statements_created} statement(s)",
            )
        finally:
            reset_queries()  # DEBUG keeps every query; a long run must not

    # -- one document ---------------------------------------------------------------------------

    def _store_new(self, name, text, sha, extraction):
        document = SourceDocument.objects.create(
            file_name=clip(name, 255),
            sha256=sha,
            text=text,
            title=clip(extraction.get("title"), 500),
            published=parse_iso_date(extraction.get("published")),
            extractor_version=self._version(),
        )
        self._store_extraction(document, extraction)

    def _version(self):
        from meetings.extraction import EXTRACTOR_VERSION

        return EXTRACTOR_VERSION

    def _store_extraction(self, document, extraction, reusable=()):
        """Records for one document's extraction. `reusable`: curated meetings already linked to
        the document (when re-extracting), which stand for its meetings instead of new ones."""
        self.document = document
        self.known_names = {}
        organization_pks = []
        for data in extraction.get("organizations") or []:
            pk = self.resolve_organization(data)
            if pk and pk not in organization_pks:
                organization_pks.append(pk)
        meetings = extraction.get("meetings") or []
        # Participants first: the fullest names, so later short forms ("Lavrov") find them.
        for data in meetings:
            for item in data.get("participants") or []:
                self.resolve_person(item.get("name"), item.get("country"), item.get("mentions"))
        mentioned = []
        for data in extraction.get("people") or []:
            pk = self.resolve_person(data.get("name"), data.get("country"), data.get("mentions"))
            if pk and pk not in mentioned:
                mentioned.append(pk)
        stored = []
        reusable = list(reusable)
        for data in meetings:
            stored.append(
                self._store_meeting(data, mentioned, organization_pks, reusable, len(meetings), stored)
            )
        return stored

    # -- people and organizations ---------------------------------------------------------------

    def resolve_person(self, name, country=None, mentions=()):
        """The Person pk for a name in the current document (created if new), or None."""
        name = clip(name, 200)
        if not name or parse_person_name(name) is None:
            return None  # "The Russian Minister", "Ilham Heydar oglu": not a name to file
        if name in self.known_names:
            return self.known_names[name]
        country = country_code(country)
        # Within a document a short form means someone the document already named.
        match = self.people.match(name, country or None, among=set(self.known_names.values()))
        if match.pk is None:
            match = self.people.match(name, country or None)
        if match.pk is not None:
            pk = match.pk
            self._update_person(pk, name, country)
        else:
            reason = ""
            if match.ambiguous:
                others = ", ".join(self._person_label(pk) for pk in match.candidates)
                reason = clip(f"ambiguous person: “{name}” could be {others}", 300)
                self.counts.ambiguities.append(
                    {"file": self.document.file_name, "name": name, "candidates": others}
                )
                self.counts.records_flagged += 1
            person = Person.objects.create(name=name, country=country, review_reason=reason)
            self.people.add(person.pk, name, country)
            self.counts.people_created += 1
            pk = person.pk
        self._add_person_aliases(pk, [name, *(mentions or [])])
        for form in [name, *(mentions or [])]:
            self.known_names.setdefault(clip(form, 200), pk)
        return pk

    def _person_label(self, pk):
        person = self.people.people[pk]
        return f"{person.name} ({person.country})" if person.country else person.name

    def _update_person(self, pk, name, country):
        """Fill in what an uncurated person lacked: a country, or a full first name when only an
        initial was known (the old slug keeps resolving through a PersonRedirect)."""
        known = self.people.people[pk]
        if known.curated:
            return
        changes = {}
        if country and not known.country:
            changes["country"] = country
        form, current = parse_person_name(name), parse_person_name(known.name)
        if form and form.first and current and not current.first:
            changes["name"] = name
        if not changes:
            return
        person = Person.objects.get(pk=pk)
        for attribute, value in changes.items():
            setattr(person, attribute, value)
        if "name" in changes:
            new_slug = unique_slug(Person, name, exclude_pk=pk)
            if not new_slug.startswith(person.slug):
                PersonRedirect.objects.create(old_slug=person.slug, person=person)
                person.slug = new_slug
            PersonAlias.objects.get_or_create(person=person, name=known.name)
        person.save()
        self.people.update(pk, **changes)

    def _add_person_aliases(self, pk, names):
        known = self.people.people[pk]
        if known.curated:
            return
        main = parse_person_name(known.name)
        aliases = []
        for alias in dict.fromkeys(clip(n, 200) for n in names if n):
            form = parse_person_name(alias)
            if alias == known.name or (form and form in known.forms):
                continue
            # A mention with another surname or another first name is not this person's name.
            if (
                form
                and main
                and (form.surname != main.surname or (form.first and main.first and form.first != main.first))
            ):
                continue
            aliases.append(PersonAlias(person_id=pk, name=alias))
            self.people.add_form(pk, alias)
        PersonAlias.objects.bulk_create(aliases, ignore_conflicts=True)

    def resolve_organization(self, data):
        """The Organization pk for an extracted organization (created if new), or None."""
        if isinstance(data, str):
            data = {"name": data}
        name = clip(data.get("name"), 300)
        acronym = clip(data.get("acronym"), 30)
        if not name and not acronym:
            return None
        name = name or acronym
        if name.lower().startswith("the "):
            name = name[4:]
        found = self.organizations.match(name, acronym)
        if len(found) > 1:
            self.counts.ambiguities.append(
                {"file": self.document.file_name, "name": name, "candidates": f"organizations {found}"}
            )
        if found:
            pk = found[0]
            if not self.organizations.curated.get(pk):
                self._add_organization_aliases(pk, name, acronym)
            return pk
        kind = data.get("kind") if data.get("kind") in ORGANIZATION_KINDS else Organization.Kind.OTHER
        organization = Organization.objects.create(
            name=name, acronym=acronym, kind=kind, country=country_code(data.get("country"))
        )
        self.organizations.add(organization.pk, name, acronym)
        self.counts.organizations_created += 1
        return organization.pk

    def _add_organization_aliases(self, pk, name, acronym):
        organization = None
        if acronym and not Organization.objects.filter(pk=pk).exclude(acronym="").exists():
            organization = Organization.objects.get(pk=pk)
            organization.acronym = acronym
            organization.save(update_fields=["acronym"])
        names = set(Organization.objects.filter(pk=pk).values_list("name", flat=True))
        names |= set(OrganizationAlias.objects.filter(organization_id=pk).values_list("name", flat=True))
        if name not in names and acronym_key(name) is None:
            OrganizationAlias.objects.bulk_create(
                [OrganizationAlias(organization_id=pk, name=name)], ignore_conflicts=True
            )
        self.organizations.add_form(pk, name, acronym)

    # -- meetings -------------------------------------------------------------------------------

    def _store_meeting(self, data, mentioned, organization_pks, reusable, meeting_count, stored):
        participants = []
        for item in data.get("participants") or []:
            pk = self.resolve_person(item.get("name"), item.get("country"), item.get("mentions"))
            if pk and pk not in {p for p, _ in participants}:
                participants.append((pk, item))
        person_pks = [pk for pk, _ in participants]
        date = parse_iso_date(data.get("date"))
        used = {meeting.pk for meeting in stored}
        meeting = self._reuse(reusable, date, meeting_count, used)
        if meeting is not None and not meeting.curated and not meeting.sources.exists():
            self._refresh_meeting(meeting, data, date, person_pks)
        elif meeting is None and (meeting := self.find_same_meeting(date, person_pks, exclude=used)):
            self.counts.meetings_joined += 1
            if not meeting.curated:
                self._complete_meeting(meeting, data)
        if meeting is None:
            meeting = self._create_meeting(data, date, person_pks)
        meeting.sources.add(self.document)
        if not meeting.curated:
            self._add_participants(meeting, participants)
            meeting.people_mentioned.add(*[pk for pk in mentioned if pk not in person_pks])
            meeting.organizations_mentioned.add(*organization_pks)
        self._add_statements(meeting, data.get("statements") or [], person_pks)
        meeting.new_person_pks = person_pks
        meeting.new_mentioned = [pk for pk in mentioned if pk not in person_pks]
        meeting.new_organizations = organization_pks
        return meeting

    @staticmethod
    def _reuse(reusable, date, meeting_count, used):
        """When re-extracting: the meeting this document reported before that the new output
        stands for — the same date, or the only one either way if it is curated or reported by
        this document alone — so its address stays the same."""
        free = [m for m in reusable if m.pk not in used]
        for meeting in free:
            if meeting.date == date:
                return meeting
        if meeting_count == 1 and len(free) == 1:
            meeting = free[0]
            if meeting.curated or not meeting.sources.exists():
                return meeting
        return None

    def _refresh_meeting(self, meeting, data, date, person_pks):
        """A meeting only this document reports takes the re-extracted fields (slug kept)."""
        fresh = self._meeting_fields(data, date, person_pks)
        for attribute, value in fresh.items():
            setattr(meeting, attribute, value)
        meeting.save(update_fields=list(fresh))
        self.counts.records_flagged += bool(meeting.review_reason)

    @staticmethod
    def find_same_meeting(date, person_pks, exclude=()):
        """An existing meeting on `date` sharing at least two of `person_pks` (all of them when
        either side has fewer than two); the one sharing most, then the oldest. Never for an
        undated meeting: without a date two reports cannot be told to be one meeting."""
        if date is None or not person_pks:
            return None
        wanted = set(person_pks)
        by_meeting = {}
        for meeting_pk, person_pk in Participant.objects.filter(meeting__date=date).values_list(
            "meeting_id", "person_id"
        ):
            by_meeting.setdefault(meeting_pk, set()).add(person_pk)
        best = None
        for meeting_pk, people in sorted(by_meeting.items()):
            if meeting_pk in exclude:
                continue
            shared = len(wanted & people)
            enough = shared and shared >= min(2, len(wanted), len(people))
            if enough and (best is None or shared > best[0]):
                best = (shared, meeting_pk)
        return Meeting.objects.get(pk=best[1]) if best else None

    def _meeting_fields(self, data, date, person_pks):
        city = clip(data.get("city"), 120)
        country = country_code(data.get("country"))
        missing = [part for part, value in (("date", date), ("place", city or country)) if not value]
        kind = data.get("kind") if data.get("kind") in MEETING_KINDS else Meeting.Kind.IN_PERSON
        return {
            "title": self.meeting_title(person_pks),
            "date": date,
            "city": city,
            "country": country,
            "kind": kind,
            "review_reason": f"meeting without a {' or '.join(missing)}" if missing else "",
        }

    def _create_meeting(self, data, date, person_pks):
        meeting = Meeting.objects.create(**self._meeting_fields(data, date, person_pks))
        self.counts.meetings_created += 1
        self.counts.records_flagged += bool(meeting.review_reason)
        return meeting

    def meeting_title(self, person_pks):
        """ "Ilham Aliyev – Sergei Lavrov" (up to three names), else the document's title."""
        names = [self.people.people[pk].name for pk in person_pks]
        if not names:
            return clip(self.document.title, 500) or f"Meeting reported in {self.document.file_name}"
        title = " – ".join(names[:3])
        return title + (f" and {len(names) - 3} others" if len(names) > 3 else "")

    @staticmethod
    def _complete_meeting(meeting, data):
        """A second report fills in the place a first one did not give."""
        changed = []
        if not meeting.city and data.get("city"):
            meeting.city = clip(data["city"], 120)
            changed.append("city")
        if not meeting.country and country_code(data.get("country")):
            meeting.country = country_code(data["country"])
            changed.append("country")
        if changed and meeting.date and meeting.review_reason.startswith("meeting without a place"):
            meeting.review_reason = ""
            changed.append("review_reason")
        if changed:
            meeting.save(update_fields=changed)

    def _add_participants(self, meeting, participants):
        present = set(meeting.participants.values_list("person_id", flat=True))
        rows = []
        for pk, item in participants:
            if pk in present:
                continue
            organization = item.get("organization")
            rows.append(
                Participant(
                    meeting=meeting,
                    person_id=pk,
                    name_as_written=clip(item.get("name"), 200),
                    role=clip(item.get("role"), 200),
                    country=country_code(item.get("country")),
                    organization_id=self.resolve_organization(organization) if organization else None,
                )
            )
        Participant.objects.bulk_create(rows)

    def _add_statements(self, meeting, statements, person_pks):
        text = self.document.text
        order = (meeting.statements.aggregate(last=Max("order"))["last"] or 0) + 1
        kept = Statement.objects.filter(source=self.document, curated=True).values_list("start", "text")
        kept_starts = {start for start, _ in kept if start is not None}
        kept_texts = {body for _, body in kept}
        rows = []
        for data in statements:
            kind = data.get("kind")
            body = data.get("text") or ""
            start, end = data.get("start"), data.get("end")
            if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
                start = end = None
            if not body and start is not None:
                body = text[start:end]
            if kind not in Statement.Kind.values or not body.strip():
                continue
            if start in kept_starts or body in kept_texts:
                continue  # an editor's version of this statement stands
            speaker_name = data.get("speaker")
            speaker = self.resolve_person(speaker_name) if speaker_name else None
            reason = ""
            if speaker is None or speaker not in person_pks:
                reason = "speaker is not a participant"
                self.counts.records_flagged += 1
            rows.append(
                Statement(
                    meeting=meeting,
                    speaker_id=speaker,
                    attribution=clip(data.get("attribution") or speaker_name, 300),
                    kind=kind,
                    text=body,
                    order=order,
                    source=self.document,
                    start=start,
                    end=end,
                    review_reason=reason,
                )
            )
            order += 1
        Statement.objects.bulk_create(rows)
        self.counts.statements_created += len(rows)

    # -- re-extraction --------------------------------------------------------------------------

    def _replace(self, pk, extraction):
        """Swap what ingest made from one stored document for the current extractor's output."""
        document = SourceDocument.objects.get(pk=pk)
        old_meetings = list(document.meetings.all())
        people = set(Statement.objects.filter(source=document).values_list("speaker_id", flat=True))
        organizations = set()
        for meeting in old_meetings:
            people |= set(meeting.participants.values_list("person_id", flat=True))
            people |= set(meeting.people_mentioned.values_list("pk", flat=True))
            organizations |= set(meeting.organizations_mentioned.values_list("pk", flat=True))
            organizations |= set(meeting.participants.values_list("organization_id", flat=True))
        Statement.objects.filter(source=document, curated=False).delete()
        for meeting in old_meetings:
            if not meeting.curated:
                meeting.sources.remove(document)
        document.title = clip(extraction.get("title"), 500)
        document.published = parse_iso_date(extraction.get("published"))
        document.extractor_version = self._version()
        document.save(update_fields=["title", "published", "extractor_version"])

        stored = self._store_extraction(document, extraction, old_meetings)
        for meeting in stored:
            if not meeting.curated and set(meeting.sources.values_list("pk", flat=True)) == {pk}:
                meeting.participants.filter(curated=False).exclude(
                    person_id__in=meeting.new_person_pks
                ).delete()
                meeting.people_mentioned.set(meeting.new_mentioned)
                meeting.organizations_mentioned.set(meeting.new_organizations)
        for meeting in old_meetings:
            if meeting.curated or meeting in stored or meeting.sources.exists():
                continue
            if meeting.participants.filter(curated=True).exists() or meeting.statements.exists():
                meeting.review_reason = "no source reports this meeting any more"
                meeting.save(update_fields=["review_reason"])
            else:
                meeting.delete()
        self._delete_orphans(people - {None}, organizations - {None})

    def _delete_orphans(self, person_pks, organization_pks):
        """Uncurated people and organizations nothing refers to any more."""
        orphans = Person.objects.filter(pk__in=person_pks, curated=False).filter(
            participations__isnull=True, statements__isnull=True, mentioned_in__isnull=True
        )
        for pk in list(orphans.values_list("pk", flat=True)):
            Person.objects.filter(pk=pk).delete()
            self.people.forget(pk)
        orphans = Organization.objects.filter(pk__in=organization_pks, curated=False).filter(
            participations__isnull=True, mentioned_in__isnull=True
        )
        for pk in list(orphans.values_list("pk", flat=True)):
            Organization.objects.filter(pk=pk).delete()
            self.organizations.forget(pk)
