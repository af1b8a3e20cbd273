"""nesting_spec.py OUT.gsl: writes a specification whose document
`nesting` (LaTeX output) has every element inside every other, and
random chains of elements six deep (seeded, so the same every run):
LaTeX must take each, wherever it stands. The text is plain (raw LaTeX,
`latex` and `lp`, passes it on as it is)."""
import random
import sys

TAGS = """a abbr acronym address area b base bdo big blockquote br button
caption center cite code col col_width colgroup dd del dfn dir div dl dt
em enumerate fieldset font form h1 h2 h3 h4 h5 h6 hr i iframe img input
ins itemize kbd latex legend li link literal_block lp noscript object ol
optgroup option p param pre q s samp script select small span strike
strong style sub sup table tbody td textarea tfoot th thead title tr tt u
ul var""".split()


def words(tag):
    return tag.replace("_", " ")


def main():
    lines = [".document: nesting", "..output: latex"]
    for outer in TAGS:
        for inner in TAGS:
            lines.append("..%s: %s" % (outer, words(outer)))
            lines.append("...%s: in %s" % (inner, words(inner)))
    chooser = random.Random(1)
    for _ in range(500):
        for depth in range(2, 8):
            tag = chooser.choice(TAGS)
            lines.append("." * depth + "%s: %s %d" % (tag, words(tag), depth))
    with open(sys.argv[1], "w", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
