"""Merging duplicate people and duplicate organizations into the one an editor keeps.

The extractor sometimes makes two records for one person ("Sergey Lavrov" and "S. Lavrov") or one
organization. An editor picks the record to keep in the admin; `merge_people` and
`merge_organizations` fold the others into it, each in one transaction, after the manner of
YourNextRepresentative's PersonMerger. The policy is in their docstrings.
"""

from contextlib import contextmanager
from dataclasses import dataclass, field

from django.db import IntegrityError, models, transaction

from meetings.models import (
    Meeting,
    Organization,
    OrganizationAlias,
    OrganizationRedirect,
    Participant,
    Person,
    PersonAlias,
    PersonRedirect,
    Statement,
)


class MergeError(Exception):
    """A merge refused because it would create invalid data; str(error) is one line for the editor."""


@dataclass
class MergeReport:
    """What a merge did, for the admin's message and history."""

    kept: models.Model
    merged: list[str]
    counts: dict[str, int] = field(default_factory=dict)

    def add(self, what, number=1):
        self.counts[what] = self.counts.get(what, 0) + number

    def summary(self):
        moved = ", ".join(f"{what}: {number}" for what, number in self.counts.items() if number)
        return f"Merged {', '.join(self.merged)} into {self.kept}" + (f" ({moved})." if moved else ".")


def merge_people(keep, others):
    """Merge the people `others` into `keep`, atomically, and return a MergeReport.

    Policy:
    - `keep` survives with its name, slug and country (its country is filled from the others when
      empty); the others are deleted. The kept person becomes curated: a merge is an editor's call.
    - The others' names and aliases become aliases of `keep` (never one equal to its own name).
    - Participations, statements and "mentioned in" links move to `keep`. Where `keep` and another
      both took part in the same meeting, the two participations are folded into the kept one:
      its empty fields (name as written, role, country, organization) are filled from the other,
      and the other's name as written becomes an alias, so no role or country is lost.
    - Each other's slug becomes a PersonRedirect to `keep`, and redirects that pointed to the
      others now point to `keep`: old links answer with a permanent redirect to the kept page.
    - Refused with MergeError (nothing changed): an unsaved or missing record, no others, `keep`
      among the others, people representing different countries, or two participations in the
      same meeting for different countries. Correct the wrong record first, then merge.
    """
    with _merge_transaction():
        keep, others = _lock_selection(Person, keep, others, noun="person")
        _refuse_different_countries(keep, others, verb="represents")
        _refuse_conflicting_participations(keep, others)
        report = MergeReport(kept=keep, merged=[str(other) for other in others])
        folded_into = {p.meeting_id: p for p in keep.participations.all()}
        for other in others:
            _move_participations(keep, other, folded_into, report)
            report.add("statements", Statement.objects.filter(speaker=other).update(speaker=keep))
            report.add("mentions", _move_mentions(Meeting.people_mentioned.through, "person", keep, other))
            _move_aliases(PersonAlias, "person", keep, other, [other.name], report)
            _move_redirects(PersonRedirect, "person", keep, other, report)
            handled = {"participations", "statements", "mentioned_in", "aliases", "redirects"}
            _move_other_references(keep, other, handled)
            keep.country = keep.country or other.country
            other.delete()
        keep.curated = True
        keep.save()
        return report


def merge_organizations(keep, others):
    """Merge the organizations `others` into `keep`, atomically, and return a MergeReport.

    Policy:
    - `keep` survives with its name, slug, acronym, country and kind; empty ones (and the kind
      "other") are filled from the others, which are deleted. The kept one becomes curated.
    - The others' names, acronyms and aliases become aliases of `keep` (never one equal to its name
      or acronym).
    - Participants' organization and "mentioned in" links move to `keep`.
    - Each other's slug becomes an OrganizationRedirect to `keep`, and redirects that pointed to
      the others now point to `keep`.
    - Refused with MergeError (nothing changed): an unsaved or missing record, no others, `keep`
      among the others, or organizations of different countries (two ministries of foreign
      affairs are not one). Correct the wrong record first, then merge.
    """
    with _merge_transaction():
        keep, others = _lock_selection(Organization, keep, others, noun="organization")
        _refuse_different_countries(keep, others, verb="belongs to")
        report = MergeReport(kept=keep, merged=[str(other) for other in others])
        for other in others:
            moved = Participant.objects.filter(organization=other).update(organization=keep)
            report.add("participations", moved)
            through = Meeting.organizations_mentioned.through
            report.add("mentions", _move_mentions(through, "organization", keep, other))
            if other.acronym and not keep.acronym:
                keep.acronym = other.acronym
            names = [other.name, other.acronym]
            _move_aliases(OrganizationAlias, "organization", keep, other, names, report)
            _move_redirects(OrganizationRedirect, "organization", keep, other, report)
            _move_other_references(keep, other, {"participations", "mentioned_in", "aliases", "redirects"})
            keep.country = keep.country or other.country
            if keep.kind == Organization.Kind.OTHER:
                keep.kind = other.kind
            other.delete()
        keep.curated = True
        keep.save()
        return report


@contextmanager
def _merge_transaction():
    """transaction.atomic(), turning a broken database rule into a MergeError after the rollback."""
    try:
        with transaction.atomic():
            yield
    except IntegrityError as error:
        raise MergeError(f"The merge would break a database rule, nothing was changed: {error}") from error


def _lock_selection(model, keep, others, noun):
    """Re-read `keep` and `others` inside the transaction, locked, after checking the selection."""
    others = list(others)
    for record in [keep, *others]:
        if not isinstance(record, model):
            raise MergeError(f"Only {model._meta.verbose_name_plural} can be merged here, not {record!r}.")
        if record.pk is None:
            raise MergeError(f"{record} has not been saved yet.")
    other_pks = [other.pk for other in others]
    if keep.pk in other_pks:
        raise MergeError(f"{keep} cannot be merged into itself.")
    if not other_pks:
        raise MergeError(f"Choose at least one other {noun} to merge into {keep}.")
    if len(set(other_pks)) != len(other_pks):
        raise MergeError(f"The same {noun} was chosen twice.")
    found = model.objects.select_for_update().in_bulk([keep.pk, *other_pks])
    missing = [str(record) for record in [keep, *others] if record.pk not in found]
    if missing:
        raise MergeError(f"No longer in the archive (deleted meanwhile?): {', '.join(missing)}.")
    return found[keep.pk], [found[pk] for pk in other_pks]


def _refuse_different_countries(keep, others, verb):
    for other in others:
        if keep.country and other.country and keep.country != other.country:
            raise MergeError(
                f"{keep} {verb} {keep.country.name} and {other} {verb} {other.country.name}: "
                "they look like two different records. Correct the wrong country first."
            )


def _refuse_conflicting_participations(keep, others):
    """Two of the people at one meeting for different countries are two people, not one."""
    seen = {}
    people = {person.pk: person for person in [keep, *others]}
    rows = Participant.objects.filter(person__in=people).exclude(country="").select_related("meeting")
    for participant in rows.order_by("pk"):
        earlier = seen.setdefault(participant.meeting_id, participant)
        if earlier.country != participant.country:
            raise MergeError(
                f"{people[earlier.person_id]} and {people[participant.person_id]} both took part in "
                f"{participant.meeting} for different countries ({earlier.country.code}, "
                f"{participant.country.code}): they look like two people."
            )


def _move_participations(keep, other, folded_into, report):
    """Move `other`'s participations to `keep`, folding any in a meeting `keep` already attended."""
    for participant in Participant.objects.filter(person=other).order_by("pk"):
        kept = folded_into.get(participant.meeting_id)
        if kept is None:
            participant.person = keep
            participant.save()
            folded_into[participant.meeting_id] = participant
            report.add("participations")
            continue
        for name in ("name_as_written", "role", "role_as_written", "country", "organization_id"):
            if not getattr(kept, name) and getattr(participant, name):
                setattr(kept, name, getattr(participant, name))
        kept.is_principal = kept.is_principal or participant.is_principal
        # The sentences that named the folded participation now name the kept one.
        participant.source_marks.update(participant=kept)
        kept.curated = kept.curated or participant.curated
        reasons = dict.fromkeys(r for r in (kept.review_reason, participant.review_reason) if r)
        kept.review_reason = "; ".join(reasons)[:300]
        if participant.name_as_written and participant.name_as_written != kept.name_as_written:
            _add_alias(PersonAlias, "person", keep, participant.name_as_written, report)
        participant.delete()
        kept.save()
        report.add("participations folded")


def _move_mentions(through, column, keep, other):
    """Repoint `other`'s "mentioned in" rows to `keep`, dropping those `keep` already has."""
    already = through.objects.filter(**{column: keep}).values("meeting_id")
    moved = through.objects.filter(**{column: other}).exclude(meeting_id__in=already).update(**{column: keep})
    through.objects.filter(**{column: other}).delete()
    return moved


def _move_aliases(alias_model, column, keep, other, other_names, report):
    for alias in alias_model.objects.filter(**{column: other}).order_by("pk"):
        _add_alias(alias_model, column, keep, alias.name, report)
        alias.delete()
    for name in other_names:
        _add_alias(alias_model, column, keep, name, report)


def _add_alias(alias_model, column, keep, name, report):
    own_names = {keep.name, getattr(keep, "acronym", "")}
    if name and name not in own_names:
        _, created = alias_model.objects.get_or_create(**{column: keep, "name": name})
        report.add("aliases", int(created))


def _move_redirects(redirect_model, column, keep, other, report):
    report.add("redirects", redirect_model.objects.filter(**{column: other}).update(**{column: keep}))
    redirect_model.objects.update_or_create(old_slug=other.slug, defaults={column: keep})
    report.add("redirects")
    # A redirect from the kept record's own slug could only ever loop.
    redirect_model.objects.filter(old_slug=keep.slug).delete()


def _move_other_references(keep, other, handled):
    """Repoint references the merge does not know by name (a model added later), so deleting
    `other` never silently cascades to them."""
    for relation in type(other)._meta.related_objects:
        accessor = relation.get_accessor_name()
        if accessor in handled:
            continue
        if relation.many_to_many:
            getattr(keep, accessor).add(*getattr(other, accessor).all())
        elif relation.one_to_many:
            relation.related_model._base_manager.filter(**{relation.field.name: other}).update(
                **{relation.field.name: keep}
            )
        elif (
            relation.one_to_one
            and relation.related_model._base_manager.filter(**{relation.field.name: other}).exists()
        ):
            raise MergeError(f"{other} has a {relation.related_model._meta.verbose_name}; merge it by hand.")
