"""Extracted data → records: the only code besides the admin that writes the archive.

`Ingester.ingest_paths` reads documents, skips those already stored (same sha256 of the text as
read), extracts the rest in batches with one loaded model (here, or in worker processes: see
`meetings.ingest.workers`), and stores each document in its own transaction: a document that
fails leaves nothing behind and the run goes on. `Ingester.reextract` runs the current
extractor again over stored documents and replaces what ingest made from them.

The records themselves are written by `meetings.ingest.records.RecordWriter`; who is who is
decided by `meetings.ingest.resolution` (its docstring states the rules). Meetings: two reports of one
meeting — the same date and at least two shared participants (all of them when a side has fewer
than two) — are one Meeting with both sources.

Editors' work is safe: a record with `curated=True` is never changed or deleted here. Ingest
links new documents to a curated meeting and adds their statements (each statement belongs to
its source), but leaves its fields, participants and mentions as the editor left them, and adds
no aliases to curated people or organizations.
"""

import functools
import hashlib
import itertools
from collections import deque
from dataclasses import asdict, dataclass, field, fields

from django.conf import settings
from django.db import connection, reset_queries, transaction

from meetings.ingest.records import DocumentCounts, RecordWriter, clip, parse_iso_date
from meetings.ingest.workers import WorkerFailed, extract_in_workers
from meetings.models import SourceDocument, Statement


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
        """Adds one document's `DocumentCounts`: every count it has is one of the report's."""
        for count in fields(counts):
            if count.name == "ambiguities":
                self.ambiguities.extend(counts.ambiguities)
            else:
                setattr(self, count.name, getattr(self, count.name) + getattr(counts, count.name))

    @property
    def changed_nothing(self):
        return self.documents_stored == 0 and self.documents_failed == 0

    def as_dict(self):
        return asdict(self)


def text_sha256(text):
    """The `SourceDocument.sha256` of a text as read: how a document already stored is known."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Ingester:
    """Stores extractor output. One instance per run: it loads the people and organizations
    known to the archive once and keeps those indexes in step with what it writes."""

    def __init__(self, extractor=None, batch_size=16, progress=None, workers=0):
        """`extractor`: an object with `extract_many` (default: the real one, loaded once here);
        `workers`: extract in that many separate processes while this one stores (0: here)."""
        self.extractor = extractor
        self.batch_size = batch_size
        self.workers = workers
        self.progress = progress or (lambda outcome, name, detail="": None)
        self.report = IngestReport()
        self.records = RecordWriter()

    # -- runs -----------------------------------------------------------------------------------

    def ingest_paths(self, paths):
        """Ingest the documents at `paths` (files or folders); returns the `IngestReport`."""
        from meetings.extraction.document import document_paths  # late: the package brings spaCy

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

        items = new_documents()
        first = next(items, None)
        if first is None:
            return self.report  # nothing new: don't even load the model
        items = itertools.chain([first], items)
        try:
            for extraction in self._extract(items):
                name, text, sha = pending.popleft()
                if extraction.get("error"):
                    self._fail(name, extraction["error"])
                    continue
                self._store(name, lambda n=name, t=text, s=sha, e=extraction: self._store_new(n, t, s, e))
        except Exception as err:  # noqa: BLE001 - the extractor broke down: say so, keep what is stored
            self._stop_early([name for name, _, _ in pending], err)
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

        try:
            for extraction in self._extract(stored_documents()):
                pk, name = pending.popleft()
                if extraction.get("error"):
                    self._fail(name, extraction["error"])
                    continue
                self._store(name, lambda p=pk, e=extraction: self._replace(p, e))
        except Exception as err:  # noqa: BLE001 - the extractor broke down: say so, keep what is stored
            self._stop_early([name for _, name in pending], err)
        return self.report

    def _extract(self, items):
        if self.extractor is None and self.workers > 0:
            return extract_in_workers(items, settings.SPACY_MODEL, self.batch_size, self.workers)
        if self.extractor is None:
            self.extractor = get_extractor()
        return self.extractor.extract_many(items, batch_size=self.batch_size)

    @staticmethod
    def _read(path):
        from meetings.extraction import DocumentError, read_document

        try:
            return read_document(path)
        except DocumentError as err:
            raise ValueError(str(err)) from err
        except OSError as err:
            raise ValueError(err.strerror or str(err)) from err

    def _stop_early(self, names, err):
        """The extractor itself failed (not one document): the documents handed to it are
        reported failed, what was stored stays, and the run stops (its report says so)."""
        reason = (
            str(err) if isinstance(err, WorkerFailed) else f"extraction failed: {type(err).__name__}: {err}"
        )
        for name in names:
            self._fail(name, reason)
        self.report.failures.append({"file": "(the run)", "reason": f"stopped early: {reason}"})

    def _fail(self, name, reason):
        reason = reason.removeprefix(f"{name}: ")  # the report already names the file
        self.report.documents_failed += 1
        self.report.failures.append({"file": name, "reason": reason})
        self.progress("failed", name, reason)

    def _store(self, name, write):
        """Run `write` in one transaction; on any error undo it, index changes included."""
        counts = DocumentCounts()
        self.records.counts = counts
        try:
            with transaction.atomic():
                if connection.vendor == "postgresql":
                    # Don't wait for the disk at each document's commit (the biggest single cost
                    # per document): a crash can lose only the last few documents, never half of
                    # one, and the next run — idempotent by sha256 — stores them again.
                    with connection.cursor() as cursor:
                        cursor.execute("SET LOCAL synchronous_commit TO OFF")
                write()
        except Exception as err:  # noqa: BLE001 - any failure must leave the run going
            self.records.rollback()
            self._fail(name, f"could not be stored: {type(err).__name__}: {err}".strip())
        else:
            self.records.commit()
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
            **self._fields_from(extraction),
        )
        self.records.store_extraction(document, extraction)

    @staticmethod
    def _fields_from(extraction):
        """What a SourceDocument takes from its extraction, whether new or re-extracted."""
        from meetings.extraction import EXTRACTOR_VERSION

        return {
            "title": clip(extraction.get("title"), 500),
            "published": parse_iso_date(extraction.get("published")),
            "extractor_version": EXTRACTOR_VERSION,
        }

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
        fields = self._fields_from(extraction)
        for name, value in fields.items():
            setattr(document, name, value)
        document.save(update_fields=list(fields))

        stored = self.records.store_extraction(document, extraction, old_meetings)
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
        self.records.delete_orphans(people - {None}, organizations - {None})
