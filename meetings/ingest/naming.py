"""People as the archive shows them: the display name most sources use, and a review reason for
a person the sources describe too thinly (a surname only, or no country).

Display name: each source that names a person as a participant votes once for the spelling it
used (`SourceMark.written`); the spelling with the most sources becomes the name when it has
strictly more votes than the current one ("Sergey Lavrov" in three sources beats "Sergei Lavrov"
in one). The old name stays an alias and the old slug redirects, so every link keeps working.
An editor's choice stands: a curated person (saved in the admin) is never renamed, so to
override the name, edit it there.
"""

from collections import Counter

from django.db.models import Count
from django.utils.text import slugify

from meetings.ingest.resolution import parse_person_name
from meetings.models import Person, PersonAlias, PersonRedirect, SourceMark, unique_slug

SURNAME_ONLY = "surname only: add the first name"
NO_COUNTRY = "no country: add the state this person represents"
OWN_REASONS = (SURNAME_ONLY, NO_COUNTRY)


def thin_record_reason(name, country):
    """The review reason for a person known by surname only or without a country, else ""."""
    form = parse_person_name(name)
    reasons = []
    if form is not None and not form.first and not form.initial:
        reasons.append(SURNAME_ONLY)
    if not country:
        reasons.append(NO_COUNTRY)
    return "; ".join(reasons)


def spelling_votes(person_pks):
    """{person pk: Counter(spelling → number of sources)} from the participant marks."""
    rows = (
        SourceMark.objects.filter(field=SourceMark.Field.PARTICIPANT, participant__person__in=person_pks)
        .exclude(written="")
        .order_by()
        .values_list("participant__person", "written")
        .annotate(sources=Count("source", distinct=True))
    )
    votes = {}
    for person_pk, written, sources in rows:
        votes.setdefault(person_pk, Counter())[written] += sources
    return votes


def preferred_name(current, votes):
    """The spelling most sources use when it beats `current` outright, else `current`. Only full
    names of the same person's shape qualify (a bare "Lavrov" never replaces "Sergey Lavrov")."""
    if not votes:
        return current
    current_form = parse_person_name(current)
    best, best_votes = current, votes.get(current, 0)
    for spelling, count in sorted(votes.items(), key=lambda item: (-item[1], item[0])):
        form = parse_person_name(spelling)
        if form is None or not form.first or (current_form and form.surname != current_form.surname):
            continue
        if count > best_votes:
            best, best_votes = spelling, count
        break
    return best


def _full(name):
    """Whether a written name has a first name (only those can become the display name)."""
    form = parse_person_name(name) if name else None
    return bool(form and form.first)


def rename(person, name):
    """Rename an uncurated person: the old name stays an alias, the old slug redirects."""
    old_name, old_slug = person.name, person.slug
    person.name = name
    # Renamed back to an earlier spelling: that slug is this person's again.
    PersonRedirect.objects.filter(person=person, old_slug=slugify(name)).delete()
    person.slug = unique_slug(Person, name, exclude_pk=person.pk)
    if person.slug != old_slug:
        PersonRedirect.objects.get_or_create(old_slug=old_slug, defaults={"person": person})
    PersonAlias.objects.get_or_create(person=person, name=old_name)
    PersonAlias.objects.get_or_create(person=person, name=name)


def refresh_people(names, index=None):
    """Display names and thin-record reasons for these people (curated ones are left alone).

    names: {name as written: person pk} (a document's), or just the person pks; the votes are
    counted only for someone written otherwise than their current name. index: the ingest run's
    PersonIndex, kept in step with renames. Returns (renamed pks, number of people newly flagged)."""
    written = {}
    for name, pk in names.items() if isinstance(names, dict) else ((None, pk) for pk in names):
        written.setdefault(pk, set()).add(name)
    people = list(Person.objects.filter(pk__in=written, curated=False))
    voters = [
        p.pk for p in people if None in written[p.pk] or any(_full(n) for n in written[p.pk] - {p.name})
    ]
    votes = spelling_votes(voters) if voters else {}
    renamed, flagged = [], 0
    for person in people:
        changed = []
        name = preferred_name(person.name, votes.get(person.pk))
        if name != person.name:
            rename(person, name)
            changed += ["name", "slug"]
            renamed.append(person.pk)
            if index is not None and person.pk in index.people:
                index.update(person.pk, name=name)
                index.add_form(person.pk, name)
        if not person.review_reason or person.review_reason.startswith(OWN_REASONS):
            reason = thin_record_reason(person.name, person.country)
            if reason != person.review_reason:
                flagged += bool(reason) and not person.review_reason
                person.review_reason = reason
                changed.append("review_reason")
        if changed:
            person.save(update_fields=changed)
    return renamed, flagged
