"""Documents per second for the extractor over folders of documents (default: seeds + dev).

    .venv/bin/python bench/extract_speed.py [FOLDER ...]

The spaCy model is loaded once (not timed); documents are read and streamed through
Extractor.extract_many, as `manage.py extract` does. Not run by the test suite.
"""

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from meetings.extraction import Extractor, read_document  # noqa: E402

DEFAULT = [
    ROOT.parent / "shared" / "corpus" / "seeds" / "docs",
    ROOT.parent / "shared" / "corpus" / "dev" / "docs",
]


def main(folders):
    paths = [p for folder in folders for p in sorted(Path(folder).glob("*.txt"))]
    extractor = Extractor()
    extractor.extract("Warm-up.", "warm-up")  # load the model outside the timing
    started = time.perf_counter()
    count = sum(1 for _ in extractor.extract_many((p.name, read_document(p)) for p in paths))
    elapsed = time.perf_counter() - started
    chars = sum(len(read_document(p)) for p in paths)
    print(f"{count} documents, {chars} characters in {elapsed:.2f} s: {count / elapsed:.1f} documents/s")


if __name__ == "__main__":
    main(sys.argv[1:] or DEFAULT)
