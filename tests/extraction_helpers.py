"""Small readers shared by the extraction test modules (the `extractor` fixture is in conftest.py)."""


def only_meeting(result):
    """The one meeting a text yields; fails, showing what came out, when there is not exactly one."""
    assert len(result["meetings"]) == 1, result["meetings"]
    return result["meetings"][0]


def by_name(meeting):
    """A meeting's participants keyed by name."""
    return {p["name"]: p for p in meeting["participants"]}
