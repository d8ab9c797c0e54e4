"""Documents per second for the extractor over folders of documents (default: seeds + dev).

    .venv/bin/python bench/extract_speed.py [--repeat N] [FOLDER ...]

The spaCy model is loaded once (not timed); documents are read and streamed through
Extractor.extract_many, as `manage.py extract` does. With --repeat N the folders are extracted
N times and the median rate is printed beside each run's (the machine may be shared: compare
medians of runs alternated with the version compared against). Not run by the test suite.
"""

import argparse
import statistics
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


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("folders", nargs="*")
    args = parser.parse_args(argv)
    paths = [p for folder in (args.folders or DEFAULT) for p in sorted(Path(folder).glob("*.txt"))]
    texts = [(p.name, read_document(p)) for p in paths]
    extractor = Extractor()
    extractor.extract("Warm-up.", "warm-up")  # load the model outside the timing
    rates = []
    for _ in range(args.repeat):
        started = time.perf_counter()
        count = sum(1 for _ in extractor.extract_many(iter(texts)))
        elapsed = time.perf_counter() - started
        rates.append(count / elapsed)
        chars = sum(len(t) for _, t in texts)
        print(f"{count} documents, {chars} characters in {elapsed:.2f} s: {count / elapsed:.1f} documents/s")
    if len(rates) > 1:
        print(f"median of {len(rates)} runs: {statistics.median(rates):.1f} documents/s")


if __name__ == "__main__":
    main(sys.argv[1:])
