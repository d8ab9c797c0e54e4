"""Records from one document's extraction: people, organizations, meetings, participants and
statements, resolved against what the archive already holds.

`RecordWriter` is used by `meetings.ingest.runner.Ingester`, which wraps each document in a transaction
and rolls the writer's indexes back with it. People and organizations are filed by its base,
`meetings.ingest.named_records.NamedRecordWriter` (identity rules in `meetings.ingest.resolution`); the
rule for meetings is `RecordWriter.find_same_meeting`. Curated records (saved by an editor) are
linked to but never changed: see `meetings.ingest.runner`.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Max

from meetings.ingest.named_records import NamedRecordWriter, clip, country_code
from meetings.ingest.naming import refresh_people
from meetings.ingest.provenance import record_marks
from meetings.ingest.roles import normalize_role, points_at_an_organization
from meetings.ingest.titles import retitle_meetings
from meetings.models import Meeting, Participant, Person, Statement, bump_data_version

MEETING_KINDS = {choice.value for choice in Meeting.Kind}
# Below this `confidence` (0..1, given by the extractor for each meeting, participant and
# statement) a record goes to the review queue. Output without the key is not flagged for it.
LOW_CONFIDENCE = 0.5


def confidence_reason(data):
    """ "low extraction confidence (0.42)" for a record the extractor was unsure of, else ""."""
    value = data.get("confidence")
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value < LOW_CONFIDENCE:
        return ""
    return f"low extraction confidence ({value:.2f})"


def reasons(*parts):
    """Review reasons joined into one, the empty ones left out."""
    return "; ".join(part for part in parts if part)


@dataclass
class DocumentCounts:
    """One document's share of the run's report, added only once its transaction commits."""

    meetings_created: int = 0
    meetings_joined: int = 0
    people_created: int = 0
    organizations_created: int = 0
    statements_created: int = 0
    records_flagged: int = 0
    ambiguities: list = field(default_factory=list)


def parse_iso_date(value):
    try:
        return datetime.date.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        return None


class RecordWriter(NamedRecordWriter):
    """Writes records for one document at a time (`store_extraction`): its people and
    organizations (see `NamedRecordWriter`), then its meetings, participants and statements."""

    def __init__(self):
        self.counts = DocumentCounts()
        # When re-extracting: the document's uncurated statements, each taken back (id kept)
        # when the new output has it again; what is left is deleted by the caller.
        self.reusable_statements = []
        super().__init__()

    def store_extraction(self, document, extraction, reusable=None):
        """Records for one document's extraction; returns its meetings. `reusable` (when
        re-extracting): the meetings the document reported before, which stand for its meetings
        again where they can (see `_reuse`) so their addresses stay the same."""
        bump_data_version()  # bulk_create sends no signals: pages must still change
        self.document = document
        self.created_now = set()
        self.first_time = reusable is None
        reusable = reusable or []
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
                self.resolve_person(item.get("name"), item.get("country"), item.get("mentions"), keep=True)
        mentioned = []
        for data in extraction.get("people") or []:
            pk = self.resolve_person(data.get("name"), data.get("country"), data.get("mentions"), keep=True)
            if pk and pk not in mentioned:
                mentioned.append(pk)
        stored = []
        for data in meetings:
            stored.append(
                self._store_meeting(data, mentioned, organization_pks, reusable, len(meetings), stored)
            )
        # Names and titles last: they depend on every source that reports these records.
        renamed, flagged = refresh_people(self.known_names, self.people)
        self.counts.records_flagged += flagged
        retitle_meetings([*stored, *Meeting.objects.filter(participants__person__in=renamed).distinct()])
        if not meetings:
            self._flag_people_without_meeting(mentioned)
        return stored

    def _flag_people_without_meeting(self, mentioned):
        """People first named by a document in which no meeting was found are kept (nobody the
        extractor names is dropped) and flagged, since no meeting page will show them."""
        new = [pk for pk in mentioned if pk in self.created_now]
        reason = clip(f"named in {self.document.file_name}, where no meeting was found", 300)
        Person.objects.filter(pk__in=new, review_reason="").update(review_reason=reason)
        self.counts.records_flagged += len(new)

    # -- meetings -------------------------------------------------------------------------------

    def _store_meeting(self, data, mentioned, organization_pks, reusable, meeting_count, stored):
        participants = []
        for item in data.get("participants") or []:
            pk = self.resolve_person(item.get("name"), item.get("country"), item.get("mentions"), keep=True)
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
        else:
            meeting.is_new = False
        meeting.sources.add(self.document)
        if not meeting.curated:
            self._add_participants(meeting, participants)
            meeting.people_mentioned.add(*[pk for pk in mentioned if pk not in person_pks])
            meeting.organizations_mentioned.add(*organization_pks)
        record_marks(self.document, meeting, data, participants, replace=not self.first_time)
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
            "review_reason": reasons(
                f"meeting without a {' or '.join(missing)}" if missing else "", confidence_reason(data)
            ),
        }

    def _create_meeting(self, data, date, person_pks):
        meeting = Meeting.objects.create(**self._meeting_fields(data, date, person_pks))
        meeting.is_new = True
        self.counts.meetings_created += 1
        self.counts.records_flagged += bool(meeting.review_reason)
        return meeting

    def meeting_title(self, person_pks):
        """ "Ilham Aliyev – Sergei Lavrov" (up to three names), else the document's title."""
        names = [self.people.people[pk].name for pk in person_pks]
        if not names:
            return clip(self.document.title, 500) or f"Meeting reported in {self.document.file_name}"
        title = " – ".join(names[:3])
        more = len(names) - 3
        return title + (f" and {more} other{'s' if more > 1 else ''}" if more > 0 else "")

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
            others = meeting.review_reason.split("; ")[1:]  # a low confidence, say, still stands
            meeting.review_reason = reasons(*others)
            changed.append("review_reason")
        if changed:
            meeting.save(update_fields=changed)

    def _add_participants(self, meeting, participants):
        present = {} if meeting.is_new else {p.person_id: p for p in meeting.participants.all()}
        rows, changed = [], []
        for pk, item in participants:
            organization = item.get("organization")
            organization_pk = self.resolve_organization(organization) if organization else None
            if organization_pk is None and points_at_an_organization(item.get("role")):
                organization_pk = self._organization_of_delegation(item, participants)
            role = normalize_role(item.get("role"))
            reason = confidence_reason(item)
            self.counts.records_flagged += bool(reason)
            fields = {
                "name_as_written": clip(item.get("name"), 200),
                "role": clip(role.name, 200),
                "role_as_written": clip(role.as_written, 200),
                "country": country_code(item.get("country")),
                "organization_id": organization_pk,
                "review_reason": reason,
            }
            if pk not in present:
                rows.append(Participant(meeting=meeting, person_id=pk, **fields))
            elif not self.first_time and not present[pk].curated and meeting.sources.count() == 1:
                # Re-extracting a meeting this document alone reports: the participant (and its
                # id) stays, with what the extractor now says of it.
                participant = present[pk]
                if any(getattr(participant, name) != value for name, value in fields.items()):
                    for name, value in fields.items():
                        setattr(participant, name, value)
                    changed.append(participant)
        Participant.objects.bulk_create(rows)
        Participant.objects.bulk_update(changed, list(fields) if changed else ["role"])

    def _organization_of_delegation(self, item, participants):
        """For "President of the organization": the one organization the participant's
        delegation (same country) speaks for, or None."""
        named = {
            (other.get("organization") or "").strip()
            for _pk, other in participants
            if other is not item
            and other.get("country") == item.get("country")
            and isinstance(other.get("organization"), str)
        }
        named.discard("")
        return self.resolve_organization(named.pop()) if len(named) == 1 else None

    def _add_statements(self, meeting, statements, person_pks):
        text = self.document.text
        # Queries only where there can be something: a new meeting has no statements yet, a
        # document stored for the first time no curated ones.
        reusable = {}
        for statement in self.reusable_statements:
            reusable.setdefault((statement.kind, statement.text), []).append(statement)
        if meeting.is_new:
            order = 1
        else:
            others = meeting.statements.exclude(pk__in=[s.pk for s in self.reusable_statements])
            order = (others.aggregate(last=Max("order"))["last"] or 0) + 1
        kept = []
        if not self.first_time:
            kept = Statement.objects.filter(source=self.document, curated=True).values_list("start", "text")
        kept_starts = {start for start, _ in kept if start is not None}
        kept_texts = {body for _, body in kept}
        rows, updated = [], []
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
            reason = reasons(
                "speaker is not a participant" if speaker is None or speaker not in person_pks else "",
                confidence_reason(data),
            )
            self.counts.records_flagged += bool(reason)
            fields = {
                "meeting": meeting,
                "speaker_id": speaker,
                "attribution": clip(data.get("attribution") or speaker_name, 300),
                "order": order,
                "start": start,
                "end": end,
                "review_reason": reason,
            }
            order += 1
            again = reusable.get((kind, body))
            if again:
                statement = min(again, key=lambda s: abs((s.start or 0) - (start or 0)))
                again.remove(statement)
                self.reusable_statements.remove(statement)
                if any(getattr(statement, name) != value for name, value in fields.items()):
                    for name, value in fields.items():
                        setattr(statement, name, value)
                    updated.append(statement)
                continue
            rows.append(Statement(kind=kind, text=body, source=self.document, **fields))
        Statement.objects.bulk_create(rows)
        if updated:
            Statement.objects.bulk_update(updated, list(fields))
        self.counts.statements_created += len(rows)
