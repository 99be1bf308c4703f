#!/usr/bin/env python3
"""A report of the bundled data, opened page by page in headless Chromium.

Usage: check_report.py KEXPORT_BINARY DATA_DIR WORK_DIR [SCREENSHOT_DIR]

Writes `kexport report --province all --month 2026-01` into WORK_DIR, then drives Chromium through
its DevTools protocol (over a pipe: no port, no network) and checks, for every page:
  - no request leaves the page (the page's own file is the only one it loads);
  - every link resolves to a file the report wrote;
  - the text holds the headline figure, rounded here from summary --format json, and every paragraph
    of the press release exactly as summary --format text writes it;
  - on a phone's width (390 px) the page itself never scrolls sideways;
  - printed, it is an A4 PDF of one or two pages.
With SCREENSHOT_DIR it also saves the index and Kayseri's page there (the README's pictures).
Exit 77 (skipped) without Chromium, unless KEXPORT_REQUIRE_BROWSER=1 says it must be there.
"""

import base64
import decimal
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.parse
import urllib.request

MONTH = "2026-01"


def fail(message):
    print(f"check_report: {message}", file=sys.stderr)
    sys.exit(1)


class Browser:
    """Chromium's DevTools protocol over --remote-debugging-pipe: JSON messages ended by a NUL
    byte, read from the browser's descriptor 4 and written to its descriptor 3."""

    def __init__(self, chromium, profile):
        to_browser_r, self._to_browser = os.pipe()
        self._from_browser, from_browser_w = os.pipe()

        def wire():
            # Out of the way first, so that 3 and 4 can be taken whatever numbers the pipes got.
            os.dup2(to_browser_r, 100)
            os.dup2(from_browser_w, 101)
            os.dup2(100, 3)
            os.dup2(101, 4)

        self._log = open(os.path.join(profile, "chromium.log"), "wb")
        self.process = subprocess.Popen(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--hide-scrollbars", f"--user-data-dir={profile}", "--remote-debugging-pipe", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=self._log, stderr=self._log, pass_fds=(3, 4), preexec_fn=wire)
        os.close(to_browser_r)
        os.close(from_browser_w)
        self._buffer = b""
        self._next_id = 0
        self.events = []
        self._metrics = None
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Network", "Runtime"):
            self.call(f"{domain}.enable", session=True)

    def _read(self):
        while b"\0" not in self._buffer:
            chunk = os.read(self._from_browser, 1 << 16)
            if not chunk:
                fail("Chromium closed its pipe")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def call(self, method, params=None, session=False):
        self._next_id += 1
        message = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = self.session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        while True:
            reply = self._read()
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    fail(f"{method}: {reply['error']}")
                return reply["result"]
            if "method" in reply:
                self.events.append(reply)

    def wait_for(self, event):
        while True:
            for i, e in enumerate(self.events):
                if e["method"] == event:
                    del self.events[i]
                    return e
            self.events.append(self._read())

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True}, session=True)
        return result["result"].get("value")

    def open(self, url, width, mobile=False):
        if self._metrics != (width, mobile):
            self.call("Emulation.setDeviceMetricsOverride",
                      {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": mobile}, session=True)
            self._metrics = (width, mobile)
        self.events.clear()
        self.call("Page.navigate", {"url": url}, session=True)
        self.wait_for("Page.loadEventFired")
        return [e["params"]["request"]["url"] for e in self.events if e["method"] == "Network.requestWillBeSent"]

    def close(self):
        try:
            self.call("Browser.close")
        except SystemExit:
            pass
        self.process.wait(timeout=30)
        self._log.close()


def run(binary, *args):
    done = subprocess.run([binary, *args], capture_output=True, text=True)
    if done.returncode != 0:
        fail(f"kexport {' '.join(args)} exited {done.returncode}: {done.stderr}")
    return done.stdout


def whole_dollars(value, language):
    """Dollars rounded half away from zero and grouped: 291.804.236 (tr), 291,804,236 (en)."""
    rounded = int(decimal.Decimal(str(value)).quantize(decimal.Decimal(1), rounding=decimal.ROUND_HALF_UP))
    grouped = f"{abs(rounded):,}"
    if language == "tr":
        grouped = grouped.replace(",", ".")
    return ("-" if rounded < 0 else "") + grouped


def pdf_pages(pdf):
    """The page count of the page tree's root, and the first page's size in points."""
    counts = [int(n) for n in re.findall(rb"/Count (\d+)", pdf)]
    box = re.search(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf)
    return (max(counts) if counts else 0), (float(box.group(1)), float(box.group(2))) if box else None


def file_url(path):
    return "file://" + urllib.request.pathname2url(path)


def check_page(browser, path, report_dir, expected_text):
    """On a desktop's width: nothing requested beyond the page, every link a file of the report,
    the expected text present."""
    url = file_url(path)
    requests = browser.open(url, 1200)
    outside = [r for r in requests if r != url]
    if outside:
        fail(f"{path}: requests leave the page: {outside[:3]}")
    text = browser.evaluate("document.body.innerText")
    for piece in expected_text:
        if piece not in text:
            fail(f"{path}: the page's text lacks {piece!r}")
    overflowing = browser.evaluate(
        "Array.from(document.querySelectorAll('.card, h1, h2, p'), e => e.scrollWidth - e.clientWidth)"
        ".filter(d => d > 1).length")
    if overflowing:
        fail(f"{path}: {overflowing} cards, headings or paragraphs overflow their boxes")
    check_tables_and_chart(browser, path, 1200)
    for href in browser.evaluate("Array.from(document.querySelectorAll('a[href]'), a => a.href)"):
        parsed = urllib.parse.urlparse(href)
        target = urllib.request.url2pathname(parsed.path)
        if parsed.scheme != "file" or not target.startswith(report_dir + os.sep) or not os.path.isfile(target):
            fail(f"{path}: the link {href} is not a file of the report")


def check_tables_and_chart(browser, path, width):
    """At a laptop's or a wide screen's width no table needs its scrollbar, and no two labels of the
    chart overlap or leave it."""
    scrolling = browser.evaluate(
        "Array.from(document.querySelectorAll('.scroll'), e => e.scrollWidth - e.clientWidth)"
        ".filter(d => d > 1).length")
    if scrolling:
        fail(f"{path}: at {width} px {scrolling} tables overflow their place and scroll")
    clashes = browser.evaluate("""(() => {
        let found = 0;
        for (const svg of document.querySelectorAll('figure svg')) {
          const edge = svg.getBoundingClientRect();
          const boxes = Array.from(svg.querySelectorAll('text'), t => t.getBoundingClientRect())
            .filter(b => b.width > 0);
          for (const b of boxes) if (b.left < edge.left - 1 || b.right > edge.right + 1) ++found;
          for (let i = 0; i < boxes.length; ++i)
            for (let j = i + 1; j < boxes.length; ++j) {
              const a = boxes[i], b = boxes[j];
              if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) ++found;
            }
        }
        return found;
      })()""")
    if clashes:
        fail(f"{path}: at {width} px {clashes} labels of the chart overlap or leave it")


def check_widths(browser, path):
    """The same at a laptop's and a wide screen's widths."""
    for width in (1366, 1920):
        browser.open(file_url(path), width)
        check_tables_and_chart(browser, path, width)


def check_print(browser, path):
    """Printed (the page just opened): an A4 PDF of one or two pages."""
    pdf = base64.b64decode(browser.call("Page.printToPDF", {"preferCSSPageSize": True}, session=True)["data"])
    pages, size = pdf_pages(pdf)
    if pages not in (1, 2):
        fail(f"{path}: prints on {pages} pages, not one or two")
    if size is None or abs(size[0] - 595.3) > 2 or abs(size[1] - 841.9) > 2:
        fail(f"{path}: prints on {size}, not A4 (595 x 842 points)")


def check_phone(browser, path):
    """On a phone's width the page itself never scrolls sideways (wide tables scroll in place)."""
    browser.open(file_url(path), 390, mobile=True)
    overflow = browser.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    if overflow > 1:
        fail(f"{path}: on a phone the page scrolls sideways by {overflow} px")
    overflowing = browser.evaluate(
        "Array.from(document.querySelectorAll('.card, h1, h2, p'), e => e.scrollWidth - e.clientWidth)"
        ".filter(d => d > 1).length")
    if overflowing:
        fail(f"{path}: on a phone {overflowing} cards, headings or paragraphs overflow their boxes")


def screenshot(browser, path, picture, width, height):
    browser.open("file://" + urllib.request.pathname2url(path), width)
    shot = browser.call("Page.captureScreenshot",
                        {"format": "png", "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1},
                         "captureBeyondViewport": True}, session=True)
    with open(picture, "wb") as out:
        out.write(base64.b64decode(shot["data"]))


def main():
    if len(sys.argv) < 4:
        fail("usage: check_report.py KEXPORT_BINARY DATA_DIR WORK_DIR [SCREENSHOT_DIR]")
    binary, data, work = sys.argv[1], sys.argv[2], os.path.abspath(sys.argv[3])
    shots = sys.argv[4] if len(sys.argv) > 4 else None
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        if os.environ.get("KEXPORT_REQUIRE_BROWSER") == "1":
            fail("Chromium is not installed, and KEXPORT_REQUIRE_BROWSER says it must be")
        print("check_report: skipped, Chromium is not installed")
        sys.exit(77)

    report = os.path.join(work, "report")
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    run(binary, "--data", data, "report", "--province", "all", "--month", MONTH, "--dir", report)
    manifest = json.load(open(os.path.join(report, "manifest.json")))

    profile = tempfile.mkdtemp(prefix="kexport-chromium-")
    browser = Browser(chromium, profile)
    pages = []
    printed = 2  # the index pages
    try:
        turkey = json.loads(run(binary, "--data", data, "summary", "-p", "Türkiye", "-m", MONTH, "-f", "json"))
        figures = {}
        for language, suffix in (("tr", ""), ("en", ".en")):
            # The index: Türkiye's month, with the figure summary gives for Türkiye.
            index = os.path.join(report, f"index{suffix}.html")
            check_page(browser, index, report, [whole_dollars(turkey["value"], language)])
            pages.append(index)
            check_print(browser, index)
            for province in manifest["provinces"]:
                code = str(province["province_code"])
                if code not in figures:
                    figures[code] = json.loads(run(binary, "--data", data, "summary", "-p", code, "-m", MONTH, "-f", "json"))
                prose = run(binary, "--data", data, "summary", "-p", code, "-m", MONTH, "-f", "text", "--lang", language)
                paragraphs = [p.strip() for p in prose.split("\n\n") if p.strip()]
                page = os.path.join(report, province["directory"], f"index{suffix}.html")
                check_page(browser, page, report, [whole_dollars(figures[code]["value"], language)] + paragraphs)
                # Printing is the slow check: every page of the first language, and in the second
                # the longest page (Kayseri's, with imports); the pages differ in words, not in parts.
                if language == "tr" or code == "38":
                    check_print(browser, page)
                    printed += 1
                pages.append(page)
        for page in pages:
            check_phone(browser, page)
        # Laptop and wide screens: the indexes and the longest province page in each language.
        for page in pages:
            if os.path.basename(os.path.dirname(page)) in ("report", "38-kayseri"):
                check_widths(browser, page)
        if shots:
            os.makedirs(shots, exist_ok=True)
            screenshot(browser, os.path.join(report, "index.html"), os.path.join(shots, "report-index.png"), 1100, 1400)
            screenshot(browser, os.path.join(report, "38-kayseri", "index.html"),
                       os.path.join(shots, "report-kayseri.png"), 1100, 1700)
    finally:
        browser.close()
        shutil.rmtree(profile, ignore_errors=True)
    print(f"check_report: {len(pages)} pages opened and checked, {printed} printed to PDF")


if __name__ == "__main__":
    main()
