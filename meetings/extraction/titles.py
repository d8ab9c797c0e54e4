"""Title, honorific and speech-verb data: the one place where the extractor's word lists live.

Written from how diplomatic press releases and wire stories name people ("Foreign Minister of the
Russian Federation Sergei Lavrov", "Russian FM", "Deputy Crown Prince Muqrin bin Abdulaziz") and
report what they said ("S.Lavrov noted that ...").
"""

# Head words of a title: the noun that says what a person is. Lower-case for matching.
TITLE_HEADS = {
    "president", "vice-president", "vice president", "prime minister", "premier", "minister",
    "secretary", "secretary-general", "secretary general", "under-secretary", "undersecretary",
    "ambassador", "chancellor", "king", "queen", "emir", "amir", "crown prince", "sultan", "shah",
    "chairman", "chairwoman", "chair", "chairperson", "speaker", "governor", "mayor", "director",
    "director-general", "director general", "commissioner", "envoy", "representative",
    "deputy", "adviser", "advisor", "assistant", "aide", "counselor", "counsellor", "head",
    "co-chair", "co-chairman", "congressman", "congresswoman", "senator", "mp", "member",
    "spokesman", "spokeswoman", "spokesperson", "consul", "consul general", "chargé d'affaires",
    "charge d'affaires", "attaché", "attache", "general", "admiral", "commander", "chief",
    "state counselor", "state councilor", "state councillor", "taoiseach", "chief executive",
    "ceo", "founder", "editor", "professor", "rector", "patriarch", "pope", "cardinal",
    "archbishop", "nuncio", "ombudsman", "leader", "delegate", "official", "diplomat", "coordinator",
    "lawmaker", "legislator", "parliamentarian", "deputy minister", "vice minister", "prince",
    "princess", "monarch", "regent", "viceroy", "governor-general", "lieutenant", "colonel",
    "officer", "captain", "major", "marshal", "tánaiste", "president-elect",
}  # fmt: skip

# Title heads that are also given names or parts of names ("Amir Abdollahian", "Major Garrett").
TITLES_ALSO_NAMES = {"amir", "emir", "king", "major", "prince", "sultan", "shah", "general"}

# Capitalised title words that start a person's description, so they end an organization's name
# before them ("... Committee President Anna Berg"); as written, not lower case.
WORDS_ENDING_AN_ORGANIZATION_NAME = {
    "President", "Vice-President", "Minister", "Ambassador", "Chairman", "Chair", "Chairwoman",
    "Chairperson", "Secretary", "Secretary-General", "Director", "Head", "Deputy", "Speaker", "Member",
    "Prime", "Mr", "Mrs", "Ms", "Dr", "General", "Governor", "Mayor", "King", "Queen", "Prince",
}  # fmt: skip

# Words that may stand inside or before a title ("First Deputy Foreign Minister", "Acting ...").
TITLE_MODIFIERS = {
    "deputy", "vice", "first", "second", "acting", "former", "special", "chief", "senior",
    "executive", "general", "permanent", "extraordinary", "plenipotentiary", "state", "federal",
    "foreign", "defence", "defense", "interior", "finance", "economy", "economic", "energy",
    "agriculture", "external", "affairs", "cabinet", "personal", "high", "top", "principal",
    "parliamentary", "presidential", "national", "security", "trade", "justice", "health",
    "education", "culture", "labour", "labor", "transport", "home", "prime", "associate", "honorary", "incoming", "outgoing", "new", "then", "crown",
}  # fmt: skip

# Abbreviated titles as they appear in headlines and copy.
TITLE_ABBREVIATIONS = {
    "FM": "Foreign Minister",
    "PM": "Prime Minister",
    "EAM": "External Affairs Minister",
    "DPM": "Deputy Prime Minister",
    "UNSG": "Secretary-General",
    "SG": "Secretary-General",
    "MP": "Member of Parliament",
    "MFA": None,  # a ministry, not a person's title
}

# Titles that only one state uses, so they name the country on their own.
TITLE_COUNTRIES = {
    "secretary of state": "US",
    # "Secretary Blinken": the bare title before a name is how the US addresses its cabinet
    # members (British secretaries are always "Foreign/Home Secretary")
    "secretary": "US",
    "foreign secretary": "GB",
    "external affairs minister": "IN",
    "minister of external affairs": "IN",
    "chief cabinet secretary": "JP",
    # the German ministry's own style ("Federal Foreign Minister X"); Austria's minister is "for
    # European and International Affairs"
    "federal foreign minister": "DE",
    "federal minister for foreign affairs": "DE",
    "taoiseach": "IE",
    "tánaiste": "IE",
    "state councilor": "CN",
    "state councillor": "CN",
    # the Holy See's envoys and head
    "apostolic nuncio": "VA",
    "nuncio": "VA",
    "pope": "VA",
}

# Of those, titles other countries use too ("Foreign Secretary" in India and Mexico): they give
# way to the dateline's or the venue's country.
SHARED_TITLES = {"secretary", "foreign secretary"}

# Titles that make a person a head of state or government ("the head of state" refers to them).
HEAD_OF_STATE = {"president", "king", "queen", "emir", "amir", "sultan", "monarch", "shah"}
HEAD_OF_GOVERNMENT = {"prime minister", "premier", "chancellor", "taoiseach"}

# Words that make a title a lower rank of the office it names ("Deputy Foreign Minister").
RANK_WORDS = (
    "deputy",
    "vice",
    "assistant",
    "acting",
    "first",
    "state",
    "junior",
    "under",
    "special",
    "chief",
)

# Titles of those who serve another person ("assistant to the Ambassador") and share their country.
ASSISTANT_TITLES = {"assistant", "adviser", "advisor", "aide", "counselor", "counsellor"}

# Offices only international bodies have: their holder speaks for no state.
INTERNATIONAL_OFFICES = ("secretary-general", "secretary general", "high representative")

# Courtesy words before a name that are not part of it ("Mr. Ilham Aliyev", "Dato' Lim Jock Hoi").
HONORIFICS = {
    "mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "prince", "princess", "sheikh",
    "sheikha", "dato", "datuk", "datin", "tan sri", "tun", "haji", "hajji", "h.e", "he",
    "his excellency", "her excellency", "excellency", "madam", "madame", "mme", "lord", "lady",
    "mister", "senor", "señor", "herr", "monsieur", "hon", "honourable", "honorable", "rev",
    "father", "imam", "ayatollah", "hrh", "his royal highness", "her royal highness", "dear",
    "shri", "sri", "smt", "shrimati", "h.h", "h.r.h", "his highness", "her highness",
    "monsignor", "msgr", "mgr", "bishop", "archbishop", "cardinal", "rabbi", "sayyid", "sayed",
}  # fmt: skip

# Party labels written before a name like a title ("Democrat Jim McDermott").
# Nouns that end the name of a building named like a town ("the Shangri-La Hotel"); a town's
# name before other venue nouns ("the official London residence") is still the town.
NAMED_BUILDING_NOUNS = {"hotel", "resort", "arena", "stadium", "plaza", "mall", "tower", "towers"}

PARTY_LABELS = {"democrat", "republican", "independent", "conservative", "liberal", "socialist", "labour"}

# Name particles that belong inside a name ("Muqrin bin Abdulaziz", "Marcelo Rebelo de Sousa").
NAME_PARTICLES = {"bin", "bint", "ibn", "al", "el", "de", "da", "do", "dos", "das", "van", "von",
                  "der", "den", "la", "le", "du", "di", "del", "della", "ben", "abu", "ter"}  # fmt: skip

# Russian/Turkic patronymics and forms of address: "Sergey Viktorovich", "Ilham Heydar oglu".
PATRONYMIC_SUFFIXES = ("ovich", "evich", "ovna", "evna", "ovych", "yevych")
PATRONYMIC_WORDS = {"oglu", "ogly", "qizi", "kyzy", "uulu", "ugli"}

# Subjects that are groups, never one named speaker.
GROUP_SUBJECTS = {
    "sides", "parties", "ministers", "leaders", "officials", "delegations", "they", "both",
    "interlocutors", "presidents", "heads", "participants", "congressmen", "we", "two",
}  # fmt: skip

# Verbs and nouns that say a meeting took place.
MEETING_VERBS = {
    "meet", "receive", "host", "welcome", "visit", "hold", "call", "talk", "confer", "greet",
    "accept", "present", "sit", "join", "attend", "converse", "phone", "telephone", "speak",
}  # fmt: skip
MEETING_NOUNS = {
    "meeting", "talks", "talk", "conversation", "call", "visit", "audience", "reception",
    "negotiations", "consultations", "discussion", "discussions", "dinner", "lunch", "breakfast",
    "ceremony", "session", "summit", "encounter", "interview", "credentials", "credential", "credence", "conference", "videoconference", "teleconference",
}  # fmt: skip

# Words that say someone else was there too.
ATTENDANCE_WORDS = (
    "attended",
    "attending",
    "accompanied",
    "accompanying",
    "also present",
    "were present",
    "was present",
    "took part",
    "taking part",
    "participated",
    "represented in the delegation",
    "were also represented",
    "joined",
    "present at",
)
