"""schema.org structured data (JSON-LD) for meeting, person and organization pages, and the
<script> element that carries it safely in a page head.

A meeting is an `Event` with its date, location and attendees (each `Person` or `Organization`
with its page and, when an editor entered one, its Wikidata item as `sameAs`); the sources that
report it are `subjectOf`. `script_tag` escapes `<`, `>` and `&` inside the JSON (as Django's
`json_script` does), so no text in a record, `</script>` included, can end the element early.
"""

import json

from django.utils.safestring import mark_safe

CONTEXT = "https://schema.org"
WIKIDATA_ITEM = "https://www.wikidata.org/wiki/"

# The characters that could end a <script> element or start markup inside it, as JSON escapes.
_SCRIPT_SAFE = str.maketrans({"<": "\\u003C", ">": "\\u003E", "&": "\\u0026"})


def script_tag(data):
    """`<script type="application/ld+json">` holding `data`, safe for any text inside it."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=False).translate(_SCRIPT_SAFE)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308 (escaped above)


def same_as(record):
    return [WIKIDATA_ITEM + record.wikidata_id] if record.wikidata_id else []


def _with_same_as(node, record):
    links = same_as(record)
    if links:
        node["sameAs"] = links
    return node


def person_node(person, url):
    node = {"@type": "Person", "name": person.name, "url": url}
    if person.country:
        node["nationality"] = {"@type": "Country", "name": person.country.name}
    return _with_same_as(node, person)


def organization_node(organization, url):
    node = {"@type": "Organization", "name": organization.name, "url": url}
    if organization.acronym:
        node["alternateName"] = organization.acronym
    return _with_same_as(node, organization)


def meeting_event(meeting, participants, sources, urls):
    """An Event for `meeting`. `participants`: with person and organization loaded; `sources`:
    its SourceDocuments; `urls`: a meetings.opendata.record_urls.UrlBuilder."""
    event = {
        "@context": CONTEXT,
        "@type": "Event",
        "name": meeting.title,
        "url": urls.meeting(meeting.slug),
        "eventAttendanceMode": "https://schema.org/"
        + ("OfflineEventAttendanceMode" if meeting.kind == "in_person" else "OnlineEventAttendanceMode"),
    }
    if meeting.date:
        event["startDate"] = meeting.date.isoformat()
    if meeting.summary:
        event["description"] = meeting.summary
    if meeting.city or meeting.country:
        address = {"@type": "PostalAddress"}
        if meeting.city:
            address["addressLocality"] = meeting.city
        if meeting.country:
            address["addressCountry"] = meeting.country.code
        name = ", ".join(
            part for part in (meeting.city, meeting.country.name if meeting.country else "") if part
        )
        event["location"] = {"@type": "Place", "name": name, "address": address}
    attendees, organizations = [], {}
    for participant in participants:
        node = person_node(participant.person, urls.person(participant.person.slug))
        if participant.role:
            node["jobTitle"] = participant.role
        organization = participant.organization
        if organization is not None:
            node["affiliation"] = organization_node(organization, urls.organization(organization.slug))
            organizations.setdefault(organization.pk, node["affiliation"])
        attendees.append(node)
    attendees.extend(organizations.values())
    if attendees:
        event["attendee"] = attendees
    reports = [source_node(source, urls) for source in sources]
    if reports:
        event["subjectOf"] = reports
    return event


def source_node(source, urls):
    node = {"@type": "CreativeWork", "name": str(source), "url": urls.source(source.pk)}
    if source.publisher:
        node["publisher"] = {"@type": "Organization", "name": source.publisher}
    if source.published:
        node["datePublished"] = source.published.isoformat()
    if source.url.lower().startswith(("https://", "http://")):  # only web addresses, never javascript:
        node["sameAs"] = source.url
    return node


def person_data(person, aliases, urls):
    """A Person for a person's page; `aliases`: other spellings of the name."""
    data = {"@context": CONTEXT, **person_node(person, urls.person(person.slug))}
    if aliases:
        data["alternateName"] = list(aliases)
    return data


def organization_data(organization, aliases, urls):
    data = {"@context": CONTEXT, **organization_node(organization, urls.organization(organization.slug))}
    names = [*([organization.acronym] if organization.acronym else []), *aliases]
    if names:
        data["alternateName"] = names
    return data
