"""The editor's report: one self-contained HTML page with the article, each finding in place, and the charts."""

from __future__ import annotations

import bisect
import itertools
from html import escape

from bakuastana.findings import SEVERITIES, Finding

_RANK = {severity: rank for rank, severity in enumerate(SEVERITIES)}


def write_html(report, out) -> None:
    """Write the report page of a check to `out`, with the store and article the report kept (report.inputs)."""
    store, article = report.inputs or (None, None)
    out.write(html_report(report, store, article))


def html_report(report, store=None, article=None) -> str:
    """The page: a summary, the article with every finding's span marked (or, with no article, the findings
    grouped by fact with the store's quotes), each finding with its fix and the intervals of the values it
    names, and the series charts of the store's topics. Every text from the inputs is escaped."""
    rows, charts = _store_views(store)
    findings = list(report.findings)
    spans = _article_spans(findings, article)
    title = _title(report, store)
    body = [_header(report, title, findings)]
    if article is not None:
        body.append('<div class="layout"><main class="article" id="article">')
        body.append(f'<div class="text" lang="{escape(_language(store))}">{_marked_text(article.text, findings, spans)}'
                    '</div>')
        body.append(_charts_section(charts))
        body.append('</main><aside class="findings"><h2>Findings</h2><ol class="cards">')
        body.extend(_card(index, finding, rows, index in spans) for index, finding in enumerate(findings))
        body.append("</ol></aside></div>")
    else:
        body.append('<div class="single"><main>')
        body.append(_by_fact(findings, rows))
        body.append(_charts_section(charts))
        body.append("</main></div>")
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<meta name="generator" content="bakuastana">'
            f"<title>{escape(title)}</title><script>{_ERROR_HOOK}</script><style>{_CSS}</style></head>"
            f"<body>{''.join(body)}<script>{_SCRIPT}</script></body></html>\n")


# inputs ------------------------------------------------------------------------------------------------


def _store_views(store) -> tuple[dict, list[tuple[str, list[str]]]]:
    """Every stated and implied value of the store by id, as `show` reads them, and the charts of the topics
    that have series."""
    if store is None:
        return {}, []
    from bakuastana.analysis.show import show_topic, topics
    from bakuastana.render.charts import series_charts

    rows: dict = {}
    charts = []
    for summary in topics(store):
        view = show_topic(store, summary.id)
        rows.update((row.id, row) for row in (*view.facts, *view.implied))
        drawn = [svg for series in view.series for svg in series_charts(view.topic, series)]
        if drawn:
            charts.append((view.topic, view.description, drawn))
    return rows, charts


def _article_spans(findings: list[Finding], article) -> dict[int, tuple[int, int]]:
    """Each finding's span as character offsets into the article's text, for the findings that have one there."""
    if article is None:
        return {}
    spans = {}
    for index, finding in enumerate(findings):
        span = finding.span
        if span is None or span.end_line is None or span.path != article.path:
            continue
        start, end = _offset(article, span.line, span.column), _offset(article, span.end_line, span.end_column)
        if start is not None and end is not None and start < end:
            spans[index] = (start, end)
    return spans


def _offset(article, line: int, column: int) -> int | None:
    """The character offset of a 1-based line and column (the inverse of Article.position), or None."""
    offset = bisect.bisect_left(range(len(article.text) + 1), (line, column), key=article.position)
    if offset <= len(article.text) and article.position(offset) == (line, column):
        return offset
    return None


def _title(report, store) -> str:
    name = report.article_path or report.store_path
    source_title = getattr(getattr(store, "source", None), "title", None)
    return f"bakuastana: {source_title or name}"


def _language(store) -> str:
    language = getattr(getattr(store, "source", None), "language", None)
    return language or ""


# the article ---------------------------------------------------------------------------------------------


def _marked_text(text: str, findings: list[Finding], spans: dict[int, tuple[int, int]]) -> str:
    """The text cut at every span's ends; each piece covered by spans is one <mark> naming all its findings
    (data-f), so overlapping spans need no nesting and a finding's text is its marks' text, in order. A note
    after each span's end links to its card."""
    cuts = sorted({0, len(text), *(end for span in spans.values() for end in span)})
    starts: dict[int, list[int]] = {}
    ends: dict[int, list[int]] = {}
    for index, (start, end) in spans.items():
        starts.setdefault(start, []).append(index)
        ends.setdefault(end, []).append(index)
    parts = []
    active: set[int] = set()  # the spans over the piece at hand: a sweep, each span added and removed once
    for left, right in itertools.pairwise(cuts):
        active.difference_update(ends.get(left, ()))
        active.update(starts.get(left, ()))
        parts.extend(_note(index, findings[index]) for index in _worst_first(ends.get(left, []), findings))
        parts.extend(f'<span class="anchor" id="at-{index}"></span>' for index in starts.get(left, []))
        covering = _worst_first(list(active), findings)
        piece = escape(text[left:right], quote=False)
        if not covering:
            parts.append(piece)
            continue
        severity = findings[covering[0]].severity
        tip = "\n".join(f"{findings[i].code} ({findings[i].severity}): {findings[i].message}"
                        + (f"\nfix: {findings[i].fix}" if findings[i].fix else "") for i in covering)
        parts.append(f'<mark class="hl sev-{escape(severity)}" tabindex="0" data-f="{" ".join(map(str, covering))}" '
                     f'title="{escape(tip)}">{piece}</mark>')
    parts.extend(_note(index, findings[index]) for index in _worst_first(ends.get(len(text), []), findings))
    return "".join(parts)


def _worst_first(indices: list[int], findings: list[Finding]) -> list[int]:
    return sorted(indices, key=lambda i: (_RANK.get(findings[i].severity, 3), i))


def _note(index: int, finding: Finding) -> str:
    return (f'<sup class="note sev-{escape(finding.severity)}"><a href="#card-{index}" data-goto="{index}" '
            f'title="{escape(finding.message)}">{escape(finding.code)}</a></sup>')


# findings ------------------------------------------------------------------------------------------------


def _header(report, title: str, findings: list[Finding]) -> str:
    counts = {severity: sum(1 for f in findings if f.severity == severity) for severity in SEVERITIES}
    plural = {"error": "errors", "warning": "warnings", "info": "infos"}
    first = {}
    for index, finding in enumerate(findings):
        first.setdefault(finding.severity, index)
    chips = "".join(f'<a class="chip sev-{severity}"{_chip_link(severity, first)}>{counts[severity]} '
                    f'{severity if counts[severity] == 1 else plural[severity]}</a>' for severity in SEVERITIES)
    sources = f"store <code>{escape(report.store_path)}</code>"
    if report.article_path:
        sources = f"article <code>{escape(report.article_path)}</code> · " + sources
    coverage = "" if report.coverage is None else f" · figures covered {report.coverage:.0%}"
    toggle = ""
    if counts["info"]:
        toggle = (f'<label class="toggle"><input type="checkbox" id="show-infos"> show the {counts["info"]} '
                  f"info{'' if counts['info'] == 1 else 's'} (relations that hold, implied values)</label>")
    return (f'<header><h1>{escape(title)}</h1><p class="meta">{sources} · {report.facts} facts · '
            f"{report.relations} relations{coverage}</p><p class=\"summary\">{chips}{toggle}</p></header>")


def _chip_link(severity: str, first: dict[str, int]) -> str:
    """A summary chip links to the first finding of its severity (an info's card shows once infos are on)."""
    if severity not in first:
        return ""
    return f' href="#card-{first[severity]}" data-goto="{first[severity]}" data-severity="{severity}"'


def _card(index: int, finding: Finding, rows: dict, in_article: bool, shown: str | None = None) -> str:
    """A finding's card; the values it names in a table, but `shown` (the fact its group already shows)."""
    severity = escape(finding.severity)
    where = ""
    if in_article and finding.span is not None:
        where = (f'<a class="where" href="#at-{index}" data-goto="{index}">line {finding.span.line}, '
                 f"col {finding.span.column}</a>")
    parts = [f'<li class="card sev-{severity}" id="card-{index}" data-f="{index}">',
             f'<div class="card-head"><span class="badge sev-{severity}">{severity}</span> '
             f'<b class="code">{escape(finding.code)}</b> <span class="rule">{escape(finding.rule)}</span>'
             f"{where}</div>",
             f'<p class="message">{escape(finding.message)}</p>']
    if finding.span is not None and finding.span.text:
        parts.append(f'<p class="span-text">“{escape(finding.span.text)}”</p>')
    if finding.fix:
        parts.append(f'<p class="fix"><span>fix</span> {escape(finding.fix)}</p>')
    span_text = finding.span.text if finding.span is not None else None
    stated = None if finding.stated == span_text else finding.stated  # a grammar finding's "stated" is its span
    numbers = [(name, value) for name, value in (("stated", stated), ("computed", finding.computed),
                                                 ("interval", finding.interval), ("verdict", finding.verdict))
               if value]
    if numbers:
        parts.append('<dl class="numbers">' + "".join(f"<dt>{name}</dt><dd>{escape(value)}</dd>"
                                                      for name, value in numbers) + "</dl>")
    named = [rows[fact] for fact in finding.facts if fact in rows and fact != shown and _has_value(rows[fact])]
    if named:
        parts.append(_facts_table(named))
    if finding.location is not None:
        place = finding.location
        parts.append(f'<p class="store-place">{escape(place.path)}:{place.line}:{place.column}</p>')
    parts.append("</li>")
    return "".join(parts)


def _has_value(row) -> bool:
    return bool(row.figure or row.value_text or row.implied)


def _facts_table(rows) -> str:
    lines = ['<table class="facts"><thead><tr><th>value</th><th>as written</th><th>reads as</th><th>interval</th>'
             "</tr></thead><tbody>"]
    for row in rows:
        written = escape(row.figure) if row.figure else ("<i>implied</i>" if row.implied else "")
        if row.implied and row.expr:
            written += f'<br><code class="expr">= {escape(row.expr)}</code>'
        period = f'<br><span class="period">{escape(row.period)}</span>' if row.period else ""
        lines.append(f'<tr><td><code>{escape(row.id)}</code>{period}</td><td>{written}</td>'
                     f"<td>{escape(row.value_text or '')}</td><td>{escape(row.interval_text or '')}</td></tr>")
    lines.append("</tbody></table>")
    return "".join(lines)


def _by_fact(findings: list[Finding], rows: dict) -> str:
    """With no article: the findings grouped under the fact each is mainly about, with that fact's quote."""
    groups: dict[str, list[int]] = {}
    for index, finding in enumerate(findings):
        groups.setdefault(finding.facts[0] if finding.facts else "", []).append(index)
    parts = ['<h2>Findings by fact</h2>']
    if not findings:
        parts.append('<p class="clean">No findings.</p>')
    for fact, indices in sorted(groups.items(), key=lambda item: (item[0] == "", _worst(findings, item[1]))):
        row = rows.get(fact)
        heading = escape(row.label) if row is not None else escape(fact or "Not about one fact")
        hidden = " only-infos" if all(findings[i].severity == "info" for i in indices) else ""
        parts.append(f'<section class="fact{hidden}" id="fact-{escape(fact)}"><h3>{heading}'
                     + (f" <code>{escape(fact)}</code>" if fact else "") + "</h3>")
        quote = next((findings[i].quote for i in indices if findings[i].quote), None)
        if quote:
            parts.append(f'<blockquote>{escape(quote)}</blockquote>')
        if row is not None and _has_value(row):
            parts.append(_facts_table([row]))
        parts.append('<ol class="cards">')
        parts.extend(_card(i, findings[i], rows, False, fact) for i in indices)
        parts.append("</ol></section>")
    return "".join(parts)


def _worst(findings: list[Finding], indices: list[int]) -> tuple[int, int]:
    return min(_RANK.get(findings[i].severity, 3) for i in indices), indices[0]


def _charts_section(charts) -> str:
    if not charts:
        return ""
    parts = ['<section class="charts" id="charts"><h2>Series</h2><p class="legend"><span class="key stated"></span> '
             'stated value <span class="key implied"></span> implied value <span class="key band"></span> the '
             "interval its rounding or hedge allows (an arrow: no upper end)</p>"]
    for topic, description, svgs in charts:
        heading = escape(topic) + (f" <small>{escape(description)}</small>" if description else "")
        parts.append(f'<div class="topic"><h3>{heading}</h3>{"".join(svgs)}</div>')
    parts.append("</section>")
    return "".join(parts)


# page assets ---------------------------------------------------------------------------------------------

# Runs first: any script error or console.error lands in <html data-js-errors>, where a test reads it.
_ERROR_HOOK = """(function(){var seen=[];function note(m){seen.push(String(m));
document.documentElement.setAttribute('data-js-errors',JSON.stringify(seen));}
window.addEventListener('error',function(e){note(e.message||'error');});
window.addEventListener('unhandledrejection',function(e){note('unhandled rejection: '+e.reason);});
var original=console.error;console.error=function(){note(Array.prototype.join.call(arguments,' '));
return original.apply(console,arguments);};})();"""

_SCRIPT = """(function(){
function marks(id){return document.querySelectorAll('mark.hl[data-f~="'+id+'"]');}
function flash(nodes){nodes.forEach(function(n){n.classList.remove('flash');void n.offsetWidth;
n.classList.add('flash');});}
var box=document.getElementById('show-infos');
if(box){box.addEventListener('change',function(){document.body.classList.toggle('show-infos',box.checked);});}
document.addEventListener('click',function(ev){
var mark=ev.target.closest('mark.hl');
if(mark){var id=mark.getAttribute('data-f').split(' ')[0];var card=document.getElementById('card-'+id);
if(card){if(card.classList.contains('sev-info')&&box&&!box.checked){box.checked=true;
document.body.classList.add('show-infos');}
card.scrollIntoView({block:'nearest',behavior:'smooth'});flash([card]);}return;}
var link=ev.target.closest('[data-goto]');
if(link&&link.getAttribute('data-severity')==='info'&&box&&!box.checked){box.checked=true;
document.body.classList.add('show-infos');}
if(link){flash(Array.prototype.slice.call(marks(link.getAttribute('data-goto'))));}});
document.addEventListener('keydown',function(ev){if(ev.key==='Enter'&&ev.target.matches&&
ev.target.matches('mark.hl')){ev.target.click();}});
document.querySelectorAll('li.card').forEach(function(card){var id=card.getAttribute('data-f');
card.addEventListener('mouseenter',function(){marks(id).forEach(function(m){m.classList.add('active');});});
card.addEventListener('mouseleave',function(){marks(id).forEach(function(m){m.classList.remove('active');});});});
})();"""

_CSS = """
:root{--error:#c62828;--error-bg:#fde3e1;--warning:#9a5b00;--warning-bg:#ffefc2;--info:#1e5fae;--info-bg:#e2edfb;
--ink:#1d1d1f;--muted:#66666e;--rule:#e2e2e6;--paper:#fcfcfa}
*{box-sizing:border-box}
body{margin:0;color:var(--ink);background:var(--paper);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,
"Helvetica Neue",Arial,sans-serif}
header{padding:14px 28px 10px;border-bottom:1px solid var(--rule);background:#fff;position:sticky;top:0;z-index:2}
h1{font-size:19px;margin:0 0 2px}h2{font-size:16px;margin:0 0 10px}h3{font-size:15px;margin:18px 0 6px}
.meta{margin:0;color:var(--muted);font-size:13px}.summary{margin:8px 0 0;display:flex;gap:8px;align-items:center;
flex-wrap:wrap}
.chip{font-size:13px;font-weight:600;padding:2px 10px;border-radius:12px;text-decoration:none}
.chip.sev-error{background:var(--error-bg);color:var(--error)}.chip.sev-warning{background:var(--warning-bg);
color:var(--warning)}.chip.sev-info{background:var(--info-bg);color:var(--info)}
.toggle{font-size:13px;color:var(--muted);margin-left:8px;cursor:pointer}
.layout{display:grid;grid-template-columns:minmax(0,46em) minmax(320px,560px);gap:28px;padding:20px 28px;
align-items:start;justify-content:center}
.single{max-width:980px;padding:20px 28px}
.article .text{max-width:44em;font:17px/1.65 Georgia,"Times New Roman",serif;white-space:pre-wrap;
overflow-wrap:anywhere;background:#fff;border:1px solid var(--rule);border-radius:6px;padding:22px 28px}
.anchor,li.card{scroll-margin-top:120px}
mark.hl{color:inherit;border-radius:2px;padding:0 1px;cursor:pointer;border-bottom:2px solid transparent}
mark.sev-error{background:var(--error-bg);border-bottom-color:var(--error)}
mark.sev-warning{background:var(--warning-bg);border-bottom-color:var(--warning)}
mark.sev-info{background:transparent}
body.show-infos mark.sev-info{background:var(--info-bg);border-bottom-color:var(--info)}
mark.hl.active,mark.hl:focus{outline:2px solid #333;outline-offset:1px}
.flash{animation:flash 1.2s ease-out}@keyframes flash{0%{box-shadow:0 0 0 4px #ffd54f}100%{box-shadow:none}}
sup.note{font:600 10px/1 system-ui,sans-serif;margin-left:1px}sup.note a{text-decoration:none;padding:1px 3px;
border-radius:3px;color:#fff}
sup.note.sev-error a{background:var(--error)}sup.note.sev-warning a{background:var(--warning)}
sup.note.sev-info a{background:var(--info)}
body:not(.show-infos) sup.note.sev-info,body:not(.show-infos) li.card.sev-info,
body:not(.show-infos) section.fact.only-infos{display:none}
aside.findings{position:sticky;top:96px;max-height:calc(100vh - 110px);overflow:auto;padding-right:4px}
ol.cards{list-style:none;margin:0;padding:0}
li.card{background:#fff;border:1px solid var(--rule);border-left:4px solid var(--muted);border-radius:6px;
padding:10px 12px;margin:0 0 10px}
li.card.sev-error{border-left-color:var(--error)}li.card.sev-warning{border-left-color:var(--warning)}
li.card.sev-info{border-left-color:var(--info)}
.card-head{display:flex;gap:6px;align-items:baseline;flex-wrap:wrap}
.badge{font-size:11px;font-weight:700;text-transform:uppercase;letter-spacing:.04em;padding:1px 6px;border-radius:3px}
.badge.sev-error{background:var(--error-bg);color:var(--error)}.badge.sev-warning{background:var(--warning-bg);
color:var(--warning)}.badge.sev-info{background:var(--info-bg);color:var(--info)}
.rule{color:var(--muted);font-size:13px}.where{margin-left:auto;font-size:13px}
.message{margin:6px 0}.span-text{margin:4px 0;font-family:Georgia,serif;color:#333}
.fix{margin:6px 0;padding:4px 8px;background:#e7f5e9;border-radius:4px}.fix span{font-weight:700;color:#1b5e20;
margin-right:4px;text-transform:uppercase;font-size:11px}
dl.numbers{display:grid;grid-template-columns:auto 1fr;gap:2px 10px;margin:6px 0;font-size:13px}
dl.numbers dt{color:var(--muted)}dl.numbers dd{margin:0;font-variant-numeric:tabular-nums}
table.facts{border-collapse:collapse;width:100%;font-size:12.5px;margin:6px 0}
table.facts th{text-align:left;color:var(--muted);font-weight:600;border-bottom:1px solid var(--rule);padding:2px 4px}
table.facts td{border-bottom:1px solid #f0f0f2;padding:3px 4px;vertical-align:top;font-variant-numeric:tabular-nums}
code{font:12px/1.3 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;overflow-wrap:anywhere}
.period{color:var(--muted)}
.store-place{margin:4px 0 0;color:var(--muted);font:12px ui-monospace,monospace}
blockquote{margin:6px 0;padding:6px 12px;border-left:3px solid var(--rule);font-family:Georgia,serif;background:#fff}
section.fact{border-top:1px solid var(--rule);padding-top:4px}
section.charts{margin-top:26px;max-width:44em}.topic small{color:var(--muted);font-weight:400}
svg.chart{max-width:100%;height:auto;background:#fff;border:1px solid var(--rule);border-radius:6px;margin:4px 0 10px}
svg .chart-title{font:600 13px system-ui,sans-serif}svg .tick,svg .axis-unit,svg .period{font:11px system-ui,sans-serif;
fill:#555}svg .value-label{font:11px system-ui,sans-serif;fill:#222}
svg .interval{font-size:10px;fill:#666}svg .grid{stroke:#eee}svg .axis{stroke:#999}
svg .band{fill:#1e5fae;fill-opacity:.18;stroke:#1e5fae;stroke-opacity:.5}svg .cap{stroke:#1e5fae;stroke-width:1.5}
svg .implied .band{fill:#888;stroke:#888;stroke-dasharray:3 2}svg .implied .cap{stroke:#888}
svg .open-end{fill:#1e5fae;fill-opacity:.6}svg .implied .open-end{fill:#888}
svg .value{fill:#1e5fae;stroke:#fff;stroke-width:1.5}svg .implied .value{fill:#fff;stroke:#555;stroke-width:1.5}
.legend{font-size:13px;color:var(--muted)}.key{display:inline-block;width:11px;height:11px;margin:0 3px 0 10px;
vertical-align:-1px;border-radius:6px}.key.stated{background:#1e5fae}.key.implied{border:1.5px solid #555;
background:#fff}.key.band{border-radius:1px;background:rgba(30,95,174,.18);border:1px solid rgba(30,95,174,.5)}
@media (max-width:900px){.layout{grid-template-columns:1fr}aside.findings{position:static;max-height:none}
header{position:static}}
"""
