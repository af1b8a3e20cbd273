"""browser.py: pages as a browser shows them. Headless Chromium renders the
home page (specs/index.gsl), the guide and a man page (golden/kinds.gsl)
at the widths of a phone (390 px) and of a desktop (1280 px); the page
must not be blank and nothing may stick out sideways. The screenshots
are kept in tests/html/screenshots/ of the build to be looked at.
Skipped without Chromium (Debian's chromium; CHROMIUM names another)."""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zlib

import htmltest

TOP_SRCDIR = os.environ.get("top_srcdir", os.path.join(htmltest.HERE, "..", ".."))
SHOTS = os.path.join(htmltest.TOP_BUILDDIR, "tests", "html", "screenshots")
WIDTHS = (390, 1280)
PAGES = ("index.html", "guide.html", "kinds.html")

# A page showing another in a frame of a given width (a headless window
# is at least 500 px wide), and writing what the test measures of it
# into its own body, for --dump-dom to show.
FRAME = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>probe</title></head>
<body style="margin:0"><iframe id="page" src="%s"
style="border:0;width:%dpx;height:900px"></iframe>
<script>
var frame = document.getElementById("page");
frame.onload = function () {
  var doc = frame.contentDocument;
  document.body.setAttribute("data-probe", [doc.documentElement.scrollWidth,
    frame.contentWindow.innerWidth, doc.body.innerText.length].join(" "));
};
</script></body></html>
"""


def chromium():
    browser = os.environ.get("CHROMIUM") or shutil.which("chromium")
    if not browser:
        htmltest.skip("no chromium")
    return browser


def run(browser, profile, width, *args):
    cmd = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
           "--no-first-run", "--disable-background-networking", "--disable-component-update",
           "--disable-sync", "--hide-scrollbars", "--allow-file-access-from-files",
           "--user-data-dir=" + profile, "--window-size=%d,900" % max(width, 500)] + list(args)
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                          timeout=120).stdout


def png_values(path):
    """How many different byte values the image data of a PNG holds: a
    blank page has a handful, a page with text many."""
    with open(path, "rb") as f:
        data = f.read()
    pos, idat = 8, b""
    while pos < len(data):
        n = int.from_bytes(data[pos:pos + 4], "big")
        if data[pos + 4:pos + 8] == b"IDAT":
            idat += data[pos + 8:pos + 8 + n]
        pos += 12 + n
    return len(set(zlib.decompress(idat)))


def main():
    browser = chromium()
    os.makedirs(SHOTS, exist_ok=True)
    failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "out")
        specs = os.path.join(TOP_SRCDIR, "specs")
        htmltest.gslc(out, os.path.join(specs, "index.gsl"), os.path.join(specs, "guide.gsl"),
                      os.path.join(htmltest.HERE, "golden", "kinds.gsl"))
        for page in PAGES:
            for width in WIDTHS:
                probe = os.path.join(out, "probe-%d-%s" % (width, page))
                with open(probe, "w", encoding="utf-8") as f:
                    f.write(FRAME % (page, width))
                profile = os.path.join(tmp, "profile")
                dom = run(browser, profile, width, "--dump-dom", "file://" + probe)
                m = re.search(r'data-probe="(\d+) (\d+) (\d+)"', dom)
                shot = os.path.join(SHOTS, "%s-%d.png" % (page[:-len(".html")], width))
                run(browser, profile, width, "--screenshot=" + shot, "file://" + probe)
                if not m:
                    print("%s at %d px: the page did not load" % (page, width))
                    failed += 1
                    continue
                scroll, viewport, chars = map(int, m.groups())
                values = png_values(shot) if os.path.exists(shot) else 0
                ok = viewport == width and scroll <= viewport and chars > 200 and values > 32
                print("%s at %d px: %d px wide, %d characters, %d colour values: %s"
                      % (page, width, scroll, chars, values, "ok" if ok else "FAIL"))
                failed += not ok
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
