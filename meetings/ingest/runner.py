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

import contextlib
import functools
import hashlib
import itertools
import signal
import threading
from collections import deque
from dataclasses import asdict, dataclass, field, fields

from django.conf import settings
from django.db import IntegrityError, OperationalError, connection, reset_queries, transaction

from meetings.ingest.records import DocumentCounts, RecordWriter, clip, parse_iso_date
from meetings.ingest.sources import web_url
from meetings.ingest.workers import WorkerFailed, extract_in_workers
from meetings.models import SourceDocument, Statement

# The PostgreSQL advisory lock every run holds while it resolves and writes one document.
WRITE_LOCK = 0x6D656574  # "meet"


class AlreadyStored(Exception):
    """Another run stored this document while this one was extracting it."""


@functools.cache
def get_extractor(model_name=None):
    """The extractor with its spaCy model, loaded once per process."""
    from meetings.extraction import Extractor

    return Extractor(model_name or settings.SPACY_MODEL)


@contextlib.contextmanager
def stop_on_sigterm():
    """SIGTERM ends the run as Ctrl-C does (KeyboardInterrupt): the document being written is
    rolled back, extraction workers are stopped, and the process exits."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum, frame):
        raise KeyboardInterrupt(f"signal {signum}")

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


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
        return self.documents_stored == 0 and self.documents_failed == 0 and not self.failures

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
        """Ingest the documents that command-line `paths` name (files, folders, http(s) URLs;
        see `meetings.ingest.sources.source_items`); returns the `IngestReport`."""
        from meetings.ingest.sources import source_items

        return self.ingest_items(source_items(paths))

    def ingest_items(self, items):
        """Ingest `SourceItem`s (see `meetings.ingest.sources`): each is read (or fetched) in
        turn, skipped when already stored (same text, or same URL), extracted and stored."""
        from meetings.ingest.sources import SourceError

        pending = deque()
        seen = set()

        def new_documents():
            for item in items:
                self.report.documents_read += 1
                if item.url and SourceDocument.objects.filter(url=item.url).exists():
                    self._skip(item.name)
                    continue
                try:
                    source = item.load()
                except SourceError as err:
                    self._fail(item.name, str(err))
                    continue
                sha = text_sha256(source.text)
                if sha in seen or SourceDocument.objects.filter(sha256=sha).exists():
                    self._skip(source.name)
                    continue
                seen.add(sha)
                pending.append((source, sha))
                yield source.name, source.text

        documents = new_documents()
        first = next(documents, None)
        if first is None:
            return self.report  # nothing new: don't even load the model
        documents = itertools.chain([first], documents)
        try:
            for extraction in self._extractions(documents):
                source, sha = pending.popleft()
                if extraction.get("error"):
                    self._fail(source.name, extraction["error"])
                    continue
                self._store(source.name, lambda s=source, h=sha, e=extraction: self._store_new(s, h, e))
        except Exception as err:  # noqa: BLE001 - the extractor broke down: say so, keep what is stored
            self._stop_early([source.name for source, _ in pending], err)
        return self.report

    def _skip(self, name):
        self.report.documents_skipped += 1
        self.progress("skipped", name, "already stored")

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
            for extraction in self._extractions(stored_documents()):
                pk, name = pending.popleft()
                if extraction.get("error"):
                    self._fail(name, extraction["error"])
                    continue
                self._store(name, lambda p=pk, e=extraction: self._replace(p, e))
        except Exception as err:  # noqa: BLE001 - the extractor broke down: say so, keep what is stored
            self._stop_early([name for _, name in pending], err)
        return self.report

    def _extractions(self, items):
        """The extractor's output for `items`, in order; worker processes (if any) are stopped
        when this ends, however it ends (an interrupt included)."""
        extractions = self._extract(items)
        try:
            yield from extractions
        finally:
            if hasattr(extractions, "close"):
                extractions.close()

    def _extract(self, items):
        if self.extractor is None and self.workers > 0:
            return extract_in_workers(items, settings.SPACY_MODEL, self.batch_size, self.workers)
        if self.extractor is None:
            self.extractor = get_extractor()
        return self.extractor.extract_many(items, batch_size=self.batch_size)

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
        """Run `write` in one transaction; on any error undo it, index changes included. A
        conflict with another run writing at the same time (a record it deleted, say) is retried
        once with the indexes read afresh."""
        for attempt in (1, 2):
            counts = DocumentCounts()
            self.records.counts = counts
            self.records.reusable_statements = []  # only `_replace` sets them, for its document
            try:
                with transaction.atomic():
                    self._lock_for_writing()
                    write()
            except AlreadyStored:
                self.records.rollback()
                self._skip(name)
            except IntegrityError as err:
                self.records.rollback()
                if attempt == 1:
                    self.records.reload()
                    continue
                self._fail(name, f"could not be stored: {type(err).__name__}: {err}".strip())
            except OperationalError as err:
                self.records.rollback()
                if "locked" in str(err):  # SQLite: another writer held the database past the timeout
                    err = "the database stayed locked by another writer (another ingest?): run it again later"
                    self._fail(name, f"could not be stored: {err}")
                else:
                    self._fail(name, f"could not be stored: {type(err).__name__}: {err}".strip())
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
            return

    def _lock_for_writing(self):
        """Inside the document's transaction: wait for any other run's document to be written,
        then learn what other runs stored meanwhile. Resolution and writing of one document at a
        time across every process is what keeps concurrent runs from making the same person,
        organization, meeting or document twice (extraction, the slow part, still runs in
        parallel). On SQLite the transaction itself takes the write lock (BEGIN IMMEDIATE)."""
        if connection.vendor == "postgresql":
            # With it, in the same round trip, SET LOCAL synchronous_commit TO OFF: don't wait for
            # the disk at each document's commit (the biggest single cost per document): a crash
            # can lose only the last few documents, never half of one, and the next run —
            # idempotent by sha256 — stores them again.
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT pg_advisory_xact_lock(%s), set_config('synchronous_commit', 'off', true)",
                    [WRITE_LOCK],
                )
        self.records.refresh()

    # -- one document ---------------------------------------------------------------------------

    def _store_new(self, source, sha, extraction):
        # Checked again under the write lock: another run may have stored it since it was read.
        if SourceDocument.objects.filter(sha256=sha).exists() or (
            source.url and SourceDocument.objects.filter(url=source.url).exists()
        ):
            raise AlreadyStored
        fields = self._fields_from(extraction)
        document = SourceDocument.objects.create(
            file_name=clip(source.name, 255),
            sha256=sha,
            text=source.text,
            format=source.format,
            url=clip(web_url(source.url), 1000) if len(source.url or "") <= 1000 else "",
            publisher=clip(source.publisher or source.extra.get("hostname"), 200),
            title=clip(source.title, 500) or fields["title"],
            published=source.published or fields["published"],
            extractor_version=fields["extractor_version"],
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
        # Statements found again keep their ids (and #statement-<id> links); the rest go below.
        self.records.reusable_statements = list(Statement.objects.filter(source=document, curated=False))
        for meeting in old_meetings:
            if not meeting.curated:
                meeting.sources.remove(document)
        fields = self._fields_from(extraction)
        if document.format != SourceDocument.Format.TEXT:
            # A page's or PDF's own title and date stand; the extractor's fill in what is missing.
            fields["title"] = document.title or fields["title"]
            fields["published"] = document.published or fields["published"]
        for name, value in fields.items():
            setattr(document, name, value)
        document.save(update_fields=list(fields))

        stored = self.records.store_extraction(document, extraction, old_meetings)
        Statement.objects.filter(pk__in=[s.pk for s in self.records.reusable_statements]).delete()
        self.records.reusable_statements = []
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
