"""People and organizations from a document's extraction: each name resolved to a record the
archive already holds, or a new one, with the other spellings kept as aliases.

`NamedRecordWriter` is the half of `meetings.ingest.records.RecordWriter` that files names; who
is who is decided by `meetings.ingest.resolution` (its docstring states the rules). It loads the people
and organizations known to the archive once and keeps those indexes in step with its writes;
`commit` and `rollback` follow each document's transaction. A name that could be several people
is not guessed: it gets a Person of its own, flagged for review. Curated records (saved by an
editor) are linked to but never changed.
"""

from django.db import connection

from meetings.ingest.resolution import (
    OrganizationIndex,
    PersonIndex,
    acronym_key,
    organization_key,
    parse_person_name,
)
from meetings.models import (
    Organization,
    OrganizationAlias,
    Person,
    PersonAlias,
    PersonRedirect,
    unique_slug,
)

AMBIGUOUS = "ambiguous person"
UNPARSED = "name without a surname"
ORGANIZATION_KINDS = {choice.value for choice in Organization.Kind}


def country_code(value):
    value = (value or "").strip().upper()
    return value if len(value) == 2 and value.isalpha() else ""


def clip(value, max_length):
    return (value or "").strip()[:max_length]


class NamedRecordWriter:
    """Files the people and organizations of one document at a time. The subclass sets
    `counts` (a `DocumentCounts`), `document`, `known_names` (the names the current document has
    filed, to their Person pk) and `created_now` (the people it created) for each document."""

    def __init__(self):
        self.reload()

    def reload(self):
        """Load every person and organization the archive knows (and forget what was known)."""
        self.people = PersonIndex()
        self.organizations = OrganizationIndex()
        # Names already filed as ambiguous: a later document with the same name joins them
        # instead of making one more flagged person each time.
        self.ambiguous = {}
        self.unparsed = {}  # (name, country) of people whose name has no comparable surname
        self.last_seen = dict.fromkeys(("person", "person_alias", "organization", "organization_alias"), 0)
        self.refresh()

    def refresh(self):
        """Learn the people, organizations and aliases stored since the last look (by other
        runs working at the same time): one query for the highest ids, and one more for each
        table that has new rows."""
        last = self.last_seen
        models = {
            "person": Person,
            "person_alias": PersonAlias,
            "organization": Organization,
            "organization_alias": OrganizationAlias,
        }
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT "
                + ", ".join(f"(SELECT MAX(id) FROM {model._meta.db_table})" for model in models.values())
            )
            newest = dict(zip(models, (value or 0 for value in cursor.fetchone()), strict=True))
        if all(newest[table] <= last[table] for table in models):
            return
        new = {
            table: models[table].objects.filter(pk__gt=last[table])
            for table in models
            if newest[table] > last[table]
        }
        for pk, name, country, curated, reason in new.get("person", Person.objects.none()).values_list(
            "pk", "name", "country", "curated", "review_reason"
        ):
            if pk not in self.people.people:
                self.people.add(pk, name, country, curated)
                if not curated and reason.startswith(AMBIGUOUS):
                    self.ambiguous.setdefault((name, country), pk)
                if parse_person_name(name) is None:
                    self.unparsed.setdefault((name, country), pk)
            last["person"] = max(last["person"], pk)
        for pk, person_pk, name in new.get("person_alias", PersonAlias.objects.none()).values_list(
            "pk", "person_id", "name"
        ):
            self.people.add_form(person_pk, name)
            last["person_alias"] = max(last["person_alias"], pk)
        for pk, name, acronym, curated in new.get("organization", Organization.objects.none()).values_list(
            "pk", "name", "acronym", "curated"
        ):
            if pk not in self.organizations.curated:
                self.organizations.add(pk, name, acronym, curated)
            last["organization"] = max(last["organization"], pk)
        for pk, organization_pk, name in new.get(
            "organization_alias", OrganizationAlias.objects.none()
        ).values_list("pk", "organization_id", "name"):
            if organization_pk in self.organizations.curated:
                self.organizations.add_form(organization_pk, name)
            last["organization_alias"] = max(last["organization_alias"], pk)
        self.commit()

    def commit(self):
        """The document's records are committed: keep the index changes."""
        self.people.commit()
        self.organizations.commit()

    def rollback(self):
        """The document's transaction failed: forget its index changes too."""
        self.people.rollback()
        self.organizations.rollback()

    def resolve_person(self, name, country=None, mentions=(), keep=False):
        """The Person pk for a name in the current document (created if new), or None.
        `keep`: the extractor named this person (a participant, a person mentioned), so a name
        the identity rules cannot read ("Ilham Heydar oglu") is still filed, flagged for review;
        a speaker's attribution that is not a name ("the Minister") is not."""
        name = clip(name, 200)
        if not name:
            return None
        if name in self.known_names:
            return self.known_names[name]
        country = country_code(country)
        if parse_person_name(name) is None:
            return self._file_unparsed(name, country) if keep else None
        # Within a document a short form means someone the document already named.
        match = self.people.match(name, country or None, among=set(self.known_names.values()))
        if match.pk is None:
            match = self.people.match(name, country or None)
        if match.pk is not None:
            pk = match.pk
            self._update_person(pk, name, country)
        elif match.ambiguous:
            pk = self._file_ambiguous(name, country, match.candidates)
        else:
            pk = self._create_person(name, country)
        self._add_person_aliases(pk, [name, *(mentions or [])])
        for form in [name, *(mentions or [])]:
            self.known_names.setdefault(clip(form, 200), pk)
        return pk

    def _file_unparsed(self, name, country):
        """A name the rules cannot compare: one Person per spelling and country, flagged."""
        key = (name, country)
        pk = self.unparsed.get(key)
        if pk is None or pk not in self.people.people:
            pk = self._create_person(name, country, clip(f"{UNPARSED}: check who “{name}” is", 300))
            self.unparsed[key] = pk
            self.people.record(lambda: self.unparsed.pop(key, None))
            self.counts.records_flagged += 1
        self.known_names[name] = pk
        return pk

    def _create_person(self, name, country, reason=""):
        person = Person.objects.create(name=name, country=country, review_reason=reason)
        self.people.add(person.pk, name, country)
        self.created_now.add(person.pk)
        self.counts.people_created += 1
        return person.pk

    def _file_ambiguous(self, name, country, candidates):
        """Not a guess: the name gets a Person of its own, flagged for an editor (the same one
        for every document with this name while it stays ambiguous), and the run reports it."""
        others = ", ".join(
            self._person_label(pk)
            for pk in candidates
            if (name, country) != (self.people.people[pk].name, self.people.people[pk].country)
        )
        self.counts.ambiguities.append({"file": self.document.file_name, "name": name, "candidates": others})
        key = (name, country)
        if key in self.ambiguous and self.ambiguous[key] in self.people.people:
            return self.ambiguous[key]
        pk = self._create_person(name, country, clip(f"{AMBIGUOUS}: “{name}” could be {others}", 300))
        self.ambiguous[key] = pk
        self.people.record(lambda: self.ambiguous.pop(key, None))
        self.counts.records_flagged += 1
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
            if alias == known.name or alias in known.written:
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
        index = self.organizations
        name_known = pk in index.by_name.get(organization_key(name), ()) or acronym_key(name)
        if name_known and (not acronym or pk in index.by_acronym.get(acronym_key(acronym) or "", ())):
            return  # nothing new to record (the common case: no query)
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

    # -- re-extraction --------------------------------------------------------------------------

    def delete_orphans(self, person_pks, organization_pks):
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
