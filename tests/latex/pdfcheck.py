"""pdfcheck.py MODEL.json DIR: checks that the text of each PDF manual
(DIR/NAME.txt, from pdftotext) names every kind that its document has a
man page of, and every attribute, method and condition of those kinds,
as the model (gslc --dump=model) has them. Exits 1 with the names that
are missing."""
import json
import os
import re
import sys


def expected_names(model, doc):
    """The names the man pages of document doc must show."""
    package = next(p for p in model["packages"] if p["file"] == doc["file"])
    by_name = {d["name"]: d for d in package["definitions"]}
    names = []
    for node in doc["content"].get("children", []):
        if node["tag"] != "man_page_of":
            continue
        for kind in node.get("names", []):
            names.append(kind["name"])
            definition = by_name.get(kind["name"], {})
            for aspect in definition.get("aspects", []):
                if aspect["node"]["tag"] in ("attribute", "method", "condition"):
                    names += [n["name"] for n in aspect["node"].get("names", [])]
    return names


def normalized(text):
    """Text with words broken at line ends joined, blanks collapsed."""
    text = re.sub(r"-\n", "", text)
    return re.sub(r"\s+", " ", text)


def main():
    model = json.load(open(sys.argv[1], encoding="utf-8"))
    missing = 0
    for doc in model["documents"]:
        if "latex" not in doc["formats"]:
            continue
        path = os.path.join(sys.argv[2], doc["name"] + ".txt")
        text = normalized(open(path, encoding="utf-8").read())
        names = expected_names(model, doc)
        absent = [n for n in names if n not in text]
        print("%s: %d names, %d missing" % (doc["name"], len(names), len(absent)))
        for name in absent:
            print("  missing: %r" % name)
        missing += len(absent)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
