"""The HTML report (check --format html): self-contained, escaped, and in headless Chromium each highlight sits on
its finding's words, with no console errors; a screenshot of the run is kept in a temporary folder."""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from bakuastana.analysis.engine import Report
from bakuastana.findings import Finding, Location
from bakuastana.render.html import html_report
from bakuastana.text.article import Article

ROOT = Path(__file__).resolve().parents[1]
SEED = Path(os.environ.get("BAKUASTANA_ARTICLE", ROOT.parent / "shared/corpus/kazinform-aliyev-interview.ru.txt"))
NOTE = ("Товарооборот <b>между</b> странами в 2024 году составил 470 млн. долларов, увеличившись по сравнению в "
        "предыдущим годом на 50 процентов. \"Цитата\" & <script>alert(1)</script>\n\n"
        "За январь-август 2025 года он достиг 547 млн. долларов, что более чем в 4 раза больше, чем годом ранее. "
        "Казахский лидер прибыл на высшим уровне.\n")
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--enable-logging=stderr", "--v=0", "--host-resolver-rules=MAP * ~NOTFOUND")  # no network
# Added to a copy of the page: reads from the rendered DOM what each finding's marks hold and whether they are
# laid out, whether the infos toggle shows the info cards, and which resources the page requested.
PROBE = """<script>(function(){var marks={};
document.querySelectorAll('mark.hl').forEach(function(m){var r=m.getBoundingClientRect();
m.getAttribute('data-f').split(' ').forEach(function(id){var e=marks[id]||(marks[id]={text:'',boxes:0,anchor:false});
e.text+=m.textContent;if(r.width>0&&r.height>0){e.boxes+=1;}});});
Object.keys(marks).forEach(function(id){marks[id].anchor=!!document.getElementById('at-'+id);});
var info=document.querySelector('li.card.sev-info');var hidden=info?getComputedStyle(info).display:null;
var box=document.getElementById('show-infos');if(box){box.click();}
var shown=info?getComputedStyle(info).display:null;
var out=document.createElement('pre');out.id='probe';out.textContent=JSON.stringify({marks:marks,
cards:document.querySelectorAll('li.card').length,charts:document.querySelectorAll('svg.chart').length,
bands:document.querySelectorAll('svg.chart rect.band').length,infoHidden:hidden,infoShown:shown,
resources:performance.getEntriesByType('resource').map(function(e){return e.name;})});
document.body.appendChild(out);})();</script>"""


def chromium() -> str:
    """The system's Chromium; the browser tests skip without it, except in CI where it must be there."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    if os.environ.get("CI", "").lower() in ("true", "1", "yes"):
        pytest.fail("CI is set but Chromium is missing: .ci/run installs it (apt-get install -y chromium)")
    pytest.skip("Chromium is not installed (apt-get install -y chromium): the HTML report's browser test needs it")


def run_browser(page: Path, *args: str) -> subprocess.CompletedProcess:
    with tempfile.TemporaryDirectory(prefix="bakuastana-chromium-") as profile:
        return subprocess.run([chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args, page.as_uri()],
                              capture_output=True, text=True, timeout=120, check=False)


def rendered(page_html: str, folder: Path) -> dict:
    """Open the page with the probe in headless Chromium; what the probe read, after asserting no script error
    and no console message."""
    page = folder / "probed.html"
    page.write_text(page_html.replace("</body>", PROBE + "</body>"), encoding="utf-8")
    result = run_browser(page, "--dump-dom")
    assert result.returncode == 0, result.stderr[-2000:]
    console = [line for line in result.stderr.splitlines() if ":CONSOLE" in line]
    assert console == [], console
    errors = re.search(r'<html[^>]*\bdata-js-errors="([^"]*)"', result.stdout)
    assert errors is None, html.unescape(errors.group(1))
    probe = re.search(r'<pre id="probe">(.*?)</pre>', result.stdout, re.S)
    assert probe is not None, "the page's scripts did not run"
    read = json.loads(html.unescape(probe.group(1)))
    assert read["resources"] == []  # self-contained: the page asked for no file, font or script
    return read


def screenshot(page_html: str, name: str, capsys) -> Path:
    """A screenshot of the page, kept as the test run's artifact in a temporary folder (its path is printed)."""
    folder = Path(tempfile.mkdtemp(prefix="bakuastana-html-"))
    page = folder / f"{name}.html"
    page.write_text(page_html, encoding="utf-8")
    shot = folder / f"{name}.png"
    result = run_browser(page, "--window-size=1400,1800", f"--screenshot={shot}")
    assert result.returncode == 0 and shot.exists(), result.stderr[-2000:]
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG") and len(data) > 20_000  # a page with text on it, not a blank one
    with capsys.disabled():
        print(f"\nHTML report screenshot: {shot}")
    return shot


def assert_highlights(report: Report, probe: dict) -> int:
    """Every finding with a span in the article has marks whose text, read from the DOM, is its span's text."""
    checked = 0
    for index, finding in enumerate(report.findings):
        if finding.span is None or finding.span.path != report.article_path:
            continue
        marks = probe["marks"].get(str(index))
        assert marks is not None, f"{finding.code} {finding.span.text!r} has no highlight"
        assert marks["text"] == finding.span.text, (finding.code, marks["text"], finding.span.text)
        assert marks["boxes"] >= 1 and marks["anchor"], (finding.code, marks)
        checked += 1
    return checked


def _place(text: str, start: int, end: int, path: str) -> Location:
    article = Article(path, text)
    (line, column), (end_line, end_column) = article.position(start), article.position(end)
    return Location(path, line, column, end_line, end_column, article.text[start:end])  # as the rules quote it


def overlapping_report() -> tuple[Report, Article]:
    """A hand-made report on a short text: spans that nest, cross and coincide, over markup-like text."""
    text = 'The <b>deal</b> & "470 M USD" rose 50 %\nto <script>alert(1)</script> in 2024.\n'
    path = "note.txt"

    def finding(code: str, severity: str, words: str, occurrence: int = 0) -> Finding:
        start = -1
        for _ in range(occurrence + 1):
            start = text.index(words, start + 1)
        return Finding(code, "rule", severity, f"{code} about <{words}>", span=_place(text, start,
                                                                                     start + len(words), path),
                       fix=f"fix <{words}>")

    findings = [finding("T101", "error", '"470 M USD" rose'), finding("C101", "warning", "470 M USD"),
                finding("G104", "warning", "rose 50 %\nto <script>"), finding("N101", "info", "470 M USD"),
                finding("S101", "warning", "<script>alert(1)</script>"), finding("P101", "error", "2024")]
    return Report(findings, 0, 0, article_path=path), Article(path, text)


# the page itself ---------------------------------------------------------------------------------------------


def test_the_page_escapes_the_article_and_needs_no_network():
    report, article = overlapping_report()
    page = html_report(report, None, article)
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<b>deal</b>" not in page and "fix &lt;470 M USD&gt;" in page
    assert not re.search(r"<link\b|\bsrc=|@import|url\(|https?://(?!www\.w3\.org/2000/svg)", page)
    assert page.count('<li class="card') == len(report.findings)


def test_without_an_article_the_findings_are_listed_by_fact_with_the_quotes():
    from bakuastana.cli.inputs import check_files

    report = check_files(ROOT / "facts.yaml", None, keep_inputs=True)
    store, article = report.inputs
    page = html_report(report, store, article)
    assert article is None and "Findings by fact" in page and '<mark class="hl' not in page
    about = next(f for f in report.findings if f.facts and f.quote)
    assert f'id="fact-{about.facts[0]}"' in page and html.escape(about.quote, quote=False) in page
    assert '<svg class="chart"' in page  # the seed store's topics have series


def test_the_charts_draw_each_value_as_its_interval_and_keep_part_years_apart():
    import math

    from bakuastana.analysis.show import show_topic
    from bakuastana.cli.inputs import read_store
    from bakuastana.numbers.quantity import format_interval
    from bakuastana.render.charts import series_charts

    store = read_store(ROOT / "facts.yaml")
    drawn = 0
    for topic in ("trade", "transit", "oil"):
        for series in show_topic(store, topic).series:
            for svg in series_charts(topic, series):
                tips = re.findall(r'<g class="point (?:stated|implied)"><title>([^<]*)</title>', svg)
                points = [p for p in series.points if f"({html.escape(p.id)})" in " ".join(tips)]
                assert len(points) == len(tips) == svg.count('<rect class="band"') >= 2
                assert all(html.escape(format_interval(p.quantity)) in " ".join(tips) for p in points)
                open_tops = sum(1 for p in points if not math.isfinite(p.quantity.interval.hi))
                assert svg.count('class="open-end"') == open_tops
                assert len({(p.end.month - p.start.month) % 12 for p in points}) == 1  # 8 months never beside 12
                drawn += 1
    assert drawn >= 4


def test_check_writes_the_report_with_o_and_prints_it_without(tmp_path):
    (tmp_path / "note.txt").write_text(NOTE, encoding="utf-8")
    bakuastana = [sys.executable, "-m", "bakuastana"]
    subprocess.run([*bakuastana, "init", "note.txt", "-o", "note.facts.yaml"], cwd=tmp_path, check=True,
                   capture_output=True)
    command = [*bakuastana, "check", "-f", "note.facts.yaml", "-a", "note.txt", "--format", "html"]
    written = subprocess.run([*command, "-o", "report.html"], cwd=tmp_path, capture_output=True, text=True)
    assert written.returncode in (0, 1) and written.stdout == "", written.stderr
    printed = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True)
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert page == printed.stdout and page.startswith("<!DOCTYPE html>")
    assert "<script>alert" not in page and "&lt;script&gt;alert(" in page and "по сравнению в" in page
    again = subprocess.run([*command, "-o", "report.html"], cwd=tmp_path, capture_output=True, text=True)
    assert again.returncode == written.returncode  # a report is rewritten on each run
    assert list(tmp_path.glob(".report.html.*")) == []  # written atomically: no temporary file left


ABOUT_STORE = """\
schema: bakuastana.facts/1
facts:
  - id: planned
    topic: trade
    label: Planned trade
    value: 200 million USD
    hedge: about
    quote: около 200 млн долларов
  - id: actual
    topic: trade
    label: Actual trade
    value: 230 million USD
    quote: 230 млн долларов
relations:
  - id: as_planned
    label: Trade came in about as planned
    check: actual == planned
"""


def test_the_intervals_shown_are_the_checks_own_with_the_configured_tolerance(tmp_path):
    (tmp_path / "facts.yaml").write_text(ABOUT_STORE, encoding="utf-8")
    command = [sys.executable, "-m", "bakuastana", "check", "--facts", "facts.yaml", "--format", "html"]
    default = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True).stdout
    assert "[180, 220] million USD" in default  # "about" within 10 % by default
    (tmp_path / "bakuastana.toml").write_text('about-tolerance = "5 %"\n', encoding="utf-8")
    configured = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True).stdout
    assert "[190, 210] million USD" in configured and "[180, 220]" not in configured


# in the browser ----------------------------------------------------------------------------------------------


def test_overlapping_highlights_sit_on_their_words_in_chromium(tmp_path):
    report, article = overlapping_report()
    probe = rendered(html_report(report, None, article), tmp_path)
    assert assert_highlights(report, probe) == len(report.findings)
    assert probe["cards"] == len(report.findings)
    assert (probe["infoHidden"], probe["infoShown"]) == ("none", "list-item")  # the infos toggle works


def test_a_drafted_store_on_a_short_text_in_chromium(tmp_path):
    from bakuastana.cli.inputs import check_files

    (tmp_path / "note.txt").write_text(NOTE, encoding="utf-8")
    subprocess.run([sys.executable, "-m", "bakuastana", "init", "note.txt", "-o", "note.facts.yaml"], cwd=tmp_path,
                   check=True, capture_output=True)
    report = check_files(tmp_path / "note.facts.yaml", tmp_path / "note.txt", keep_inputs=True)
    probe = rendered(html_report(report, *report.inputs), tmp_path)
    assert assert_highlights(report, probe) >= 3  # G104, G106 and G101 at least
    assert {"G104", "G101"} <= {f.code for f in report.findings}


def test_the_seed_article_report_in_chromium(tmp_path, capsys):
    if not SEED.exists():
        pytest.skip(f"the seed article is not at {SEED} (set BAKUASTANA_ARTICLE)")
    from bakuastana.cli.inputs import check_files

    report = check_files(ROOT / "facts.yaml", SEED, keep_inputs=True)
    page = html_report(report, *report.inputs)
    probe = rendered(page, tmp_path)
    assert assert_highlights(report, probe) >= 10
    assert probe["cards"] == len(report.findings)
    assert probe["charts"] >= 3 and probe["bands"] >= 6  # each value of a series drawn as its interval
    screenshot(page, "seed-report", capsys)
