"""Synthetic press releases (`python manage.py generate_corpus --documents N --out DIR [--seed S]`).

For benchmarks and load tests. People, topics, organizations and sentence templates come from
`meetings/ingest/data/synthetic/*.json`, country names, demonyms and cities from the extractor's country
data. Six outlet formats imitate the seed documents: a presidential website (date line, "X said:"
and "- ..." speech blocks), a ministry press release (reported speech with "S.Surname"), a news
agency (“quote” – X said), an interview transcript ("Name: ..."), an NGO note with no date line,
and a phone call. About one meeting in ten is reported twice, by two outlets. The same seed gives
the same files, byte for byte; documents are written one at a time, never held together.
"""

import datetime
import json
import random
from collections import deque
from pathlib import Path

from meetings.extraction.countries import country_by_code

DATA_DIR = Path(__file__).resolve().parent / "data" / "synthetic"
FIRST_DAY = datetime.date(2012, 1, 1)
DAYS = 365 * 12


def load_corpus_data():
    people = json.loads((DATA_DIR / "people.json").read_text(encoding="utf-8"))["people"]
    topics = json.loads((DATA_DIR / "topics.json").read_text(encoding="utf-8"))
    return [p for p in people if not p.get("historic")], topics


class CorpusWriter:
    """Writes one synthetic document per call to `document()`; `rng` decides everything."""

    def __init__(self, rng):
        self.rng = rng
        self.people, self.data = load_corpus_data()
        self.recent = deque(maxlen=20)  # meetings another outlet may report again
        self.formats = [
            self.presidential,
            self.press_release,
            self.news_agency,
            self.transcript,
            self.ngo_note,
            self.phone_call,
        ]

    # -- the meeting behind a document ---------------------------------------------------------

    def meeting(self):
        if self.recent and self.rng.random() < 0.1:
            return self.recent[self.rng.randrange(len(self.recent))]
        host = self.rng.choice([p for p in self.people if p["country"]])
        guest = self.rng.choice([p for p in self.people if p["country"] != host["country"]])
        home = country_by_code(host["country"])
        city = home.capital if self.rng.random() < 0.8 or not home.cities else self.rng.choice(home.cities)
        meeting = {
            "host": host,
            "guest": guest,
            "date": FIRST_DAY + datetime.timedelta(days=self.rng.randrange(DAYS)),
            "city": city,
            "topics": self.rng.sample(self.data["topics"], 3),
        }
        self.recent.append(meeting)
        return meeting

    def context(self, meeting):
        """Names and phrases one document uses (each outlet picks its own spellings)."""
        host, guest = meeting["host"], meeting["guest"]
        a = country_by_code(host["country"])
        b = country_by_code(guest["country"]) if guest["country"] else None
        org = self.rng.choice(self.data["organizations"])
        return {
            "host": self.rng.choice(host["names"]),
            "guest": self.rng.choice(guest["names"]),
            "host_role": self.rng.choice(host["roles"]),
            "guest_role": self.rng.choice(guest["roles"]),
            "host_address": host.get("address") or "Mr. President",
            "guest_address": guest.get("address") or "dear friend",
            "a": a.name,
            "b": b.name if b else guest.get("organization", "the organization"),
            "a_adj": a.demonyms[0],
            "b_adj": b.demonyms[0] if b else "international",
            "guest_adj": b.demonyms[0] if b else "",
            "city": meeting["city"],
            "topic": meeting["topics"][0],
            "topic2": meeting["topics"][1],
            "org": org["name"],
        }

    def fill(self, template, ctx, **extra):
        return " ".join(template.format(**{**ctx, **extra}).split())

    def sentences(self, kind, ctx, count, **extra):
        """`count` sentences of a kind, none repeated within the document."""
        unused = [t for t in self.data[kind] if t not in self.used]
        chosen = self.rng.sample(unused, min(count, len(unused)))
        self.used.update(chosen)
        return [self.fill(t, ctx, **extra) for t in chosen]

    @staticmethod
    def salutation(address):
        return address[0].upper() + address[1:] if address.startswith("dear") else f"Dear {address}"

    @staticmethod
    def initial_form(name):
        parts = name.split()
        return f"{parts[0][0]}.{parts[-1]}" if len(parts) > 1 else name

    @staticmethod
    def long_date(day):
        return f"{day.strftime('%B')} {day.day}, {day.year}"

    # -- outlet formats ------------------------------------------------------------------------

    def headline(self, ctx):
        return self.fill(
            self.rng.choice(
                [
                    "{host_role} {host} met with {guest_adj} {guest_role} {guest}",
                    "{host} received {guest_role} of {b}",
                    "{a} and {b} discuss {topic}",
                ]
            ),
            ctx,
        )

    def speech(self, ctx, opening, count):
        paragraphs = self.sentences("speech", ctx, count)
        paragraphs[0] = f"- {opening} {paragraphs[0]}"
        return paragraphs

    def presidential(self, meeting, ctx):
        day = meeting["date"]
        time = f"{self.rng.randrange(9, 24):02d}:{self.rng.randrange(60):02d}"
        month = day.strftime("%B") if self.rng.random() < 0.7 else day.strftime("%B").lower()
        headline = self.headline(ctx)
        return [
            headline,
            f"{day.day:02d} {month} {day.year}, {time}",
            headline,
            self.fill(self.rng.choice(self.data["opening"]), ctx).replace(" has ", " has today ", 1),
            f"{ctx['host_role']} {ctx['host']} said:",
            *self.speech(ctx, f"{self.salutation(ctx['guest_address'])}, welcome to {ctx['city']}.", 4),
            " ".join(self.sentences("narration", ctx, 2)),
            "",
            f"{ctx['guest_adj']} {ctx['guest_role']} {ctx['guest']} said:".strip(),
            *self.speech(ctx, f"Thank you, {ctx['host_address']}.", 3),
            " ".join(self.sentences("narration", ctx, 2)),
        ]

    def press_release(self, meeting, ctx):
        day = meeting["date"]
        published = day + datetime.timedelta(days=self.rng.choice([0, 1]))
        guest_short = self.initial_form(ctx["guest"])
        host_short = self.initial_form(ctx["host"])
        return [
            f"Press release {published.day:02d} {published.strftime('%B')} {published.year}",
            f"No:{self.rng.randrange(1, 500)}/{published.year % 100:02d}, {self.headline(ctx)}",
            f"On {self.long_date(day)}, a bilateral meeting was held in {ctx['city']} between "
            f"{ctx['a_adj']} {ctx['host_role']} {ctx['host']} and {ctx['guest_adj']} {ctx['guest_role']} {ctx['guest']}.",
            " ".join(self.sentences("narration", ctx, 3)),
            " ".join(self.sentences("reported", ctx, 2, speaker=guest_short)),
            " ".join(self.sentences("reported", ctx, 1, speaker=host_short)),
            " ".join(self.sentences("narration", ctx, 2)),
            "Share this page",
        ]

    def news_agency(self, meeting, ctx):
        day = meeting["date"]
        outlet = self.rng.choice(self.data["outlets"])
        quote_a, quote_b, quote_c = self.sentences("speech", ctx, 3)
        return [
            self.headline(ctx),
            f"# {day.day} {day.strftime('%B')} {day.year} {self.rng.randrange(8, 24):02d}:"
            f"{self.rng.randrange(60):02d} (UTC +04:00)",
            f"According to {outlet}, {self.fill(self.rng.choice(self.data['opening']), ctx)}",
            f"“{quote_a}” – {ctx['host']} said.",
            " ".join(self.sentences("narration", ctx, 2)),
            f"“{quote_b}” - {ctx['guest']} said.",
            self.sentences("reported", ctx, 1, speaker=ctx["guest"].split()[-1])[0],
            " ".join(self.sentences("narration", ctx, 2)),
            f"“{quote_c}” – {ctx['host']} added.",
        ]

    def transcript(self, meeting, ctx):
        day = meeting["date"]
        host_label, guest_label = ctx["host"].split()[-1], ctx["guest"].split()[-1]
        lines = self.sentences("speech", ctx, 5)
        return [
            f"Transcript: {ctx['host']} and {ctx['guest']} speak to the press in {ctx['city']}",
            day.isoformat(),
            f"{ctx['a_adj']} {ctx['host_role']} {ctx['host']} and {ctx['guest_adj']} {ctx['guest_role']} "
            f"{ctx['guest']} spoke to "
            f"journalists after their talks in {ctx['city']} today.",
            f"{host_label}: {lines[0]} {lines[1]}",
            f"{guest_label}: {lines[2]}",
            f"{host_label}: {lines[3]}",
            f"{guest_label}: {lines[4]}",
        ]

    def ngo_note(self, meeting, ctx):
        day = meeting["date"]
        quote = self.sentences("speech", ctx, 1)[0]
        return [
            f"On {self.long_date(day)}, {ctx['guest_role']} of {ctx['b']} {ctx['guest']} paid a visit to "
            f"{ctx['city']} where {ctx['guest'].split()[-1]} met with {ctx['host_role']} of {ctx['a']} "
            f"{ctx['host']}.",
            " ".join(self.sentences("narration", ctx, 3)),
            self.sentences("reported", ctx, 1, speaker=ctx["host"])[0],
            f"“{quote}” – {ctx['guest']} said.",
            " ".join(self.sentences("narration", ctx, 2)),
            "The sides agreed to continue their cooperation.",
        ]

    def phone_call(self, meeting, ctx):
        day = meeting["date"]
        return [
            f"{ctx['host']} had a phone conversation with {ctx['guest']}",
            f"{day.day:02d} {day.strftime('%B')} {day.year}",
            f"On {day.strftime('%A')}, {ctx['a_adj']} {ctx['host_role']} {ctx['host']} had a telephone conversation "
            f"with {ctx['guest_role']} of {ctx['b']} {ctx['guest']}.",
            " ".join(self.sentences("reported", ctx, 2, speaker=ctx["host"])),
            " ".join(self.sentences("narration", ctx, 3)),
        ]

    def document(self):
        meeting = self.meeting()
        ctx = self.context(meeting)
        self.used = set()
        paragraphs = self.rng.choice(self.formats)(meeting, ctx)
        return "\n\n".join(paragraphs) + "\n"


def write_corpus(folder, documents, seed):
    """Write `documents` synthetic press releases into `folder` (created if missing); the same
    seed gives the same files, byte for byte. Returns the folder as a Path."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    writer = CorpusWriter(rng)
    for number in range(documents):
        name = f"{number:05d}_{rng.getrandbits(64):016x}.txt"
        (folder / name).write_text(writer.document(), encoding="utf-8")
    return folder
