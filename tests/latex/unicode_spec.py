"""unicode_spec.py OUT.gsl: writes a specification whose document
`unicode` (LaTeX output) holds every character from U+0001 to U+2FFF
(but line ends) and a few beyond, 64 to a paragraph, each paragraph
headed by its first code point."""
import sys

LAST = 0x2FFF
BEYOND = [0xFB01, 0xFEFF, 0xFFFD, 0x10000, 0x1F600, 0x10FFFF]


def main():
    codes = [c for c in range(1, LAST + 1) if c not in (0x0A, 0x0D)] + BEYOND
    lines = [".document: unicode", "..output: latex", "..document_title: Unicode"]
    for i in range(0, len(codes), 64):
        chunk = codes[i:i + 64]
        lines.append("..p: U+%04X: %s" % (chunk[0], "".join(map(chr, chunk))))
    with open(sys.argv[1], "w", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
