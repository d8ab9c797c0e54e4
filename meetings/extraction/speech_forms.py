"""Speech laid out by the page rather than introduced by a lead-in: a person's remarks published
under a heading that names them, and social-media posts quoted with their sign-off line."""

from __future__ import annotations

import re

from .document import Paragraph, SpeechBlock, _block_head, _reads_as_speech

_REMARKS_HEADING = re.compile(  # "Foreign Minister X’s opening remarks at ...", "Remarks by X at ..."
    r"^(?:(?P<owner>[^.\n]{3,120}?)[’']s?\s+(?:(?:opening|closing|introductory|welcoming|keynote)\s+)?"
    r"(?:remarks|speech|statement|address)\b"
    r"|(?:(?:opening|closing|keynote)\s+)?(?:remarks|speech|statement|address)\s+by\s+(?P<by>[^,\n]{3,120}?)"
    r"(?:\s+(?:at|to|on|before|during)\b|,|$))",
    re.IGNORECASE,
)
_SALUTATION = re.compile(
    r"^(?:Your\s+(?:Excellenc|Majest|Highness|Royal|Holiness)|Excellenc|Dear\b|Ladies\s+and\s+gentlemen"
    r"|Distinguished\b|Honou?rable\b|Mr\.?\s+(?:President|Chairman|Chair|Secretary|Minister|Prime)"
    r"|Madam\b|Friends\b|Colleagues\b|Good\s+(?:morning|afternoon|evening)\b)",
    re.IGNORECASE,
)
_POST_SIGN_OFF = re.compile(  # "— Jane Doe 🇵🇭 (@JaneDoe) March 6, 2023", as embedded posts end
    r"^[—–-]\s*(?P<who>[^(@\n]{3,80}?)\s*\(@\w{1,30}\)\s*(?:[A-Z][a-z]+\.? \d{1,2}, \d{4}|\d{1,2} [A-Z][a-z]+ \d{4})?\s*$"
)
_POST_LINKS = re.compile(r"(?:\s+(?:pic\.twitter\.com/\S+|https?://\S+))+\s*$")


def addressed_remarks(text: str, paras: list[Paragraph]):
    """The published text of someone's remarks: a heading naming whose remarks they are ("Foreign
    Minister X’s opening remarks at ...", "Remarks by X at ...") and, within the next lines, a
    salutation ("Your Excellency, Friends,", "Ladies and gentlemen,") where the speech begins."""
    for index, para in enumerate(paras[:6]):
        match = _REMARKS_HEADING.match(para.text)
        group = match and ("owner" if match.group("owner") else "by")
        if not match or not match.group(group).strip():
            continue
        lead_start, lead_end = para.start + match.start(group), para.start + match.end(group)
        for first in range(index + 1, min(index + 6, len(paras))):
            if _SALUTATION.match(paras[first].text) and len(paras[first].text.split()) <= 12:
                members = [first]
                for later in range(first + 1, len(paras)):
                    if _block_head(paras[later]) or not _reads_as_speech(paras[later].text):
                        break
                    members.append(later)
                end = paras[members[-1]].end
                yield SpeechBlock(
                    text[lead_start:lead_end], lead_start, lead_end, paras[first].start, end, members
                )
                return
        return


def social_posts(text: str, paras: list[Paragraph]):
    """Posts quoted as embedded on a page: the paragraph before a sign-off line naming its author
    and handle ("— Jane Doe (@JaneDoe) March 6, 2023"), without the links that end it."""
    for index, para in enumerate(paras[1:], start=1):
        match = _POST_SIGN_OFF.match(para.text)
        if not match:
            continue
        post = paras[index - 1]
        links = _POST_LINKS.search(post.text)
        end = post.start + (links.start() if links else len(post.text))
        lead_start, lead_end = para.start + match.start("who"), para.start + match.end("who")
        if end > post.start:
            yield SpeechBlock(text[lead_start:lead_end], lead_start, lead_end, post.start, end, [index - 1])
