"""Organizations F1 of meetings.extraction.organizations against the gold files.

    .venv/bin/python bench/organizations_f1.py [--per-doc] [GOLD_DIR ...]

Uses the scorer's own ``same_org`` and ``prf`` (../shared/eval/score.py), runs spaCy once per
document as the extractor does, and prints precision, recall and F1 per set (averaged per
document, as the scorer does). Defaults to the seeds and the development set.
"""

import argparse
import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"
DEFAULT_SETS = [SHARED / "corpus" / "seeds" / "gold", SHARED / "corpus" / "dev" / "gold"]


def load_scorer():
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main():
    import json

    import spacy

    from meetings.extraction.organizations import find_organizations
    from meetings.extraction.pipeline import DEFAULT_MODEL

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold_dirs", nargs="*", type=Path, default=DEFAULT_SETS)
    parser.add_argument("--per-doc", action="store_true", help="print each document's misses and extras")
    parser.add_argument("--model", default=DEFAULT_MODEL)
    args = parser.parse_args()
    score = load_scorer()
    nlp = spacy.load(args.model)
    for gold_dir in args.gold_dirs:
        totals = [0.0, 0.0, 0.0]
        golds = sorted(gold_dir.glob("*.json"))
        for path in golds:
            gold = json.loads(path.read_text(encoding="utf-8"))
            text = (gold_dir.parent / "docs" / gold["document"]).read_text(encoding="utf-8")
            predicted = find_organizations(text, nlp(text))
            expected = gold.get("organizations") or []
            pairs = score.match(expected, predicted, score.same_org)
            p, r, f = score.prf(len(pairs), len(expected), len(predicted))
            totals = [t + x for t, x in zip(totals, (p, r, f), strict=True)]
            if args.per_doc and f < 1:
                matched_gold = [id(g) for g, _ in pairs]
                matched_pred = [id(q) for _, q in pairs]
                print(f"{gold['document']}: F1={f:.2f}")
                print("   missed:", [g["name"] for g in expected if id(g) not in matched_gold])
                print(
                    "   extra: ", [(q["name"], q["acronym"]) for q in predicted if id(q) not in matched_pred]
                )
        n = len(golds) or 1
        p, r, f = (t / n for t in totals)
        print(
            f"{gold_dir.parent.name}: {len(golds)} documents  precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}"
        )


if __name__ == "__main__":
    main()
