"""Meeting titles: the heads of the sides, principals first, and the place (then the month) when
several meetings would otherwise share a title.

A side is the organization a participant speaks for (an NGO, an international body), else the
state they represent, else the participant alone. The head of a side is its best-ranked
participant (`meetings.ingest.roles`: a president before a minister before an ambassador before
an assistant); heads are listed best rank first, at most three, then "and N others":

    "Ilham Aliyev – Sergey Lavrov"
    "Ilham Aliyev – Sergey Lavrov in Baku, May 2021"   (when several meetings share the names)

Curated meetings keep the title an editor gave them; their titles still count as taken.
"""

from django.db.models import Q
from django_countries import countries

from meetings.ingest.roles import role_rank
from meetings.models import Meeting, Organization, Participant, unique_slug

MAX_HEADS = 3
SEPARATOR = " – "


def side_of(participant):
    """The side a participant belongs to: their organization (unless a government body), else
    their country, else themselves."""
    organization = participant.organization
    if organization is not None and organization.kind != Organization.Kind.GOVERNMENT:
        return ("organization", organization.pk)
    if participant.country:
        return ("country", participant.country.code)
    return ("person", participant.person_id)


def represents_organization(participant):
    return side_of(participant)[0] == "organization"


def heads_of_sides(participants):
    """The head of each side, best rank first (ties: the order the source named them)."""
    heads = {}
    for order, participant in enumerate(participants):
        rank = role_rank(participant.role, represents_organization(participant))
        side = side_of(participant)
        if side not in heads or (rank, order) < heads[side][:2]:
            heads[side] = (rank, order, participant)
    return [participant for _rank, _order, participant in sorted(heads.values(), key=lambda h: h[:2])]


def names_title(participants):
    """ "A – B – C and 2 others" from the heads of the sides; "" without participants."""
    heads = heads_of_sides(participants)
    names = [participant.person.name for participant in heads[:MAX_HEADS]]
    more = len(heads) - MAX_HEADS
    title = SEPARATOR.join(names)
    return title + (f" and {more} other{'s' if more > 1 else ''}" if more > 0 else "")


def place_of(meeting):
    return meeting.city or (countries.name(meeting.country.code) if meeting.country else "")


def _with_place(base, meeting, month):
    place = place_of(meeting)
    title = f"{base} in {place}" if place else base
    if month and meeting.date:
        title += f", {meeting.date:%B %Y}" if place else f", {meeting.date:%-d %B %Y}"
    return title


def participants_of(meeting_pks):
    """{meeting pk: [Participant, ...]} in the order the source named them (one query)."""
    rows = {pk: [] for pk in meeting_pks}
    for participant in (
        Participant.objects.filter(meeting__in=meeting_pks)
        .select_related("person", "organization")
        .order_by("pk")
    ):
        rows[participant.meeting_id].append(participant)
    return rows


def mark_principals(participants):
    """Flag the heads of the sides (`Participant.is_principal`) among one meeting's participants."""
    heads = {participant.pk for participant in heads_of_sides(participants)}
    changed = []
    for participant in participants:
        if participant.is_principal != (participant.pk in heads):
            participant.is_principal = participant.pk in heads
            changed.append(participant)
    Participant.objects.bulk_update(changed, ["is_principal"])


def retitle_meetings(meetings):
    """Give each uncurated meeting (and those sharing its names) its title by the module's rule,
    and flag the principals of each."""
    unique = {}
    for meeting in meetings:  # the first of each: the writer's own instance knows `is_new`
        unique.setdefault(meeting.pk, meeting)
    meetings = list(unique.values())
    participants = participants_of([meeting.pk for meeting in meetings])
    for meeting in meetings:
        mark_principals(participants[meeting.pk])
    meetings = [meeting for meeting in meetings if not meeting.curated]
    bases = {meeting.pk: names_title(participants[meeting.pk]) for meeting in meetings}
    # A meeting keeps a title made from its current names (bare or with place and month); only
    # a new meeting, or one whose names changed, can make titles collide.
    settled = set()
    for meeting in meetings:  # first drop titles made from names that have changed since
        base = bases[meeting.pk]
        if not base or meeting.title == base or meeting.title.startswith((f"{base} in ", f"{base}, ")):
            if not getattr(meeting, "is_new", False):
                settled.add(meeting.pk)
        else:
            meeting.title = base
            changed = ["title"]
            if getattr(meeting, "is_new", False):  # made by this document: no link to it exists yet
                prefix = f"{meeting.date:%Y-%m-%d}-" if meeting.date else ""
                meeting.slug = unique_slug(Meeting, prefix + base, max_length=120, exclude_pk=meeting.pk)
                changed.append("slug")
            meeting.save(update_fields=changed)
    done = set(settled)
    for meeting in meetings:
        base = bases[meeting.pk]
        if meeting.pk in done or not base:
            continue
        group = _sharing_names(meeting, base, participants[meeting.pk])
        titles = _distinct_titles(base, group)
        for other in group:
            done.add(other.pk)
            if not other.curated and other.title != titles[other.pk]:
                other.title = titles[other.pk]
                other.save(update_fields=["title"])


def _sharing_names(meeting, base, participants):
    """The meetings whose title is (or starts with) `base` and whose heads still give it."""
    # Only the meetings of the same people can share the names (an index, not a scan of titles).
    people = [participant.person_id for participant in participants]
    theirs = Participant.objects.filter(person__in=people).values("meeting_id")
    named = Q(title=base) | Q(title__startswith=f"{base} in ") | Q(title__startswith=f"{base}, ")
    others = list(Meeting.objects.filter(pk__in=theirs).filter(named).exclude(pk=meeting.pk))
    current = participants_of([other.pk for other in others if not other.curated])
    # Others found by their title may have changed participants since: keep those that still match.
    group = [meeting, *(m for m in others if m.curated or names_title(current[m.pk]) == base)]
    return sorted(group, key=lambda m: (m.date is None, m.date or 0, m.pk))


def _distinct_titles(base, group):
    """{pk: title}: the bare names for a meeting alone, the place added when names repeat, the
    month as well when the place repeats too."""
    if len(group) == 1:
        return {group[0].pk: base}
    titles = {}
    for month in (False, True):
        titles = {m.pk: (m.title if m.curated else _with_place(base, m, month)) for m in group}
        if len(set(titles.values())) == len(titles):
            break
    return titles
