"""Draft a store from an article: a loadable fact per figure and trend claim, with quotes, ids, names and TODOs."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import PurePath
from typing import NamedTuple

from bakuastana.draft.claims import claim_items, computable, find_claims
from bakuastana.draft.facts import Entry, date_entry, trend_entries, value_entry
from bakuastana.draft.ids import UniqueIds, fact_id_base
from bakuastana.draft.measures import title
from bakuastana.draft.names import learn_names, names_in
from bakuastana.draft.reading import Reading, read
from bakuastana.draft.repeats import bind_once, repeats
from bakuastana.draft.spans import squash
from bakuastana.draft.subjects import subjects_of
from bakuastana.draft.writer import store_data
from bakuastana.errors import BadInput
from bakuastana.lang import lexicon
from bakuastana.store.load import store_of
from bakuastana.store.model import Store
from bakuastana.text.article import Article


@dataclass(frozen=True)
class Draft:
    """A drafted store as data; `writer.draft_yaml` turns it into the store's text, `writer.store_data` into what
    that text holds."""

    article: str  # the article's path
    source: dict
    topics: dict
    names: list[dict]
    facts: list[dict]
    todos: int  # how many facts carry a TODO
    derived: list[dict] = field(default_factory=list)  # values the claims imply (draft/claims.py)
    relations: list[dict] = field(default_factory=list)  # what the claims' figures must satisfy


class Drafted(NamedTuple):
    """A draft and the Store it loads as: the one the text `init` writes of it loads as, but read from no file
    (its items have no line or column)."""

    draft: Draft
    store: Store


def draft_store(article: Article, published: date | None = None) -> Draft:
    """Draft a store for an article that loads and checks as it stands; `published` resolves "в прошлом году"."""
    return drafted(article, published).draft


def drafted(article: Article, published: date | None = None, path: str = "draft") -> Drafted:
    """`draft_store`'s draft and the Store it loads as (named `path`), loaded once. A fact the loader refuses
    loses its period, then its value, with a TODO saying so; a draft that does not load even then is a bug
    (BadInput)."""
    reading = read(article, published)
    names = learn_names(reading.text, lexicon(reading.language).drafting, reading.words, article.acronyms())
    entries = _entries(reading)
    source = _source(reading)
    _finish(reading, entries, names)
    as_finished = [dict(entry.data) for entry in entries]  # the claims below may change a fact's fields
    try:  # every fact loads as it is, most often: then the draft is the one load
        draft = _assembled(article, reading, entries, names, source)
        store = store_of(store_data(draft), path)
    except BadInput:
        store = None
    if store is not None and _proven(entries, as_finished, draft, names, source):
        return Drafted(draft, store)
    for entry, data in zip(entries, as_finished, strict=True):  # as the facts were before the first assembly
        entry.data.clear()
        entry.data.update(data)
    # the facts all in one store first (then each would load alone): one load, not one per fact (1 ms each: most
    # of a long text's time)
    if not _loads(source, names, [entry.data for entry in entries]):
        for entry in entries:
            _make_loadable(entry, names, source, reading.article.path)
    draft = _assembled(article, reading, entries, names, source)
    return Drafted(draft, store_of(store_data(draft), path))  # the draft must load as it stands


def _assembled(article: Article, reading: Reading, entries: list[Entry], names: list[dict], source: dict) -> Draft:
    """The draft of the finished entries: a figure written twice made one fact, the claims' derived values and
    relations that evaluate, a topic per measure."""
    kept = bind_once(entries, repeats(entries))  # a figure written twice makes one fact; a repeat takes
    # its fact's id, for the claims read around it
    derived, relations = claim_items(reading, find_claims(reading, entries), entries)
    topics: dict[str, str] = {}
    for entry in kept:
        topic = entry.data["topic"]
        topics.setdefault(topic, title(topic) if topic != "general" else "Figures with no measure")
    draft = Draft(article.path, source, topics, names, [entry.data for entry in kept],
                  sum(1 for entry in kept if entry.todos))
    draft.derived[:], draft.relations[:] = computable(source, draft.facts, derived, relations)
    return draft


def _proven(entries: list[Entry], as_finished: list[dict], draft: Draft, names: list[dict], source: dict) -> bool:
    """Whether every fact as finished loads, given that the draft loaded: a fact the draft holds unchanged did;
    the rest (a repeat the draft left out, a fact a claim changed) are loaded here, together."""
    written = {id(fact) for fact in draft.facts}
    unproven = [data for entry, data in zip(entries, as_finished, strict=True)
                if id(entry.data) not in written or entry.data != data]
    return not unproven or _loads(source, names, unproven)


def _entries(reading: Reading) -> list[Entry]:
    """A fact per value figure, per year or date no fact's period took, and per trend claim, in text order."""
    inside_mention = {}  # the last mention (in their order) that holds each figure; figures are in text order
    figure_starts = [figure.start for figure in reading.figures]
    for mention in reading.mentions:
        if mention.kind == "day":
            continue
        for index in range(bisect.bisect_left(figure_starts, mention.start),
                           bisect.bisect_right(figure_starts, mention.end)):
            if reading.figures[index].end <= mention.end:
                inside_mention[index] = mention
    entries: list[Entry] = []
    deferred = []
    for index, figure in enumerate(reading.figures):
        if index in inside_mention or figure.kind in ("year", "date"):
            deferred.append((index, figure))
            continue
        entries.append(value_entry(reading, index, figure))
    quoted_periods = {entry.mention for entry in entries if entry.mention is not None}
    for index, figure in deferred:
        if inside_mention.get(index) in quoted_periods:
            continue  # the period of a fact whose quote holds it
        if figure.kind in ("year", "date"):
            entries.append(date_entry(reading, figure))
            continue
        entry = value_entry(reading, index, figure)  # "девять месяцев" of a period phrase no fact took
        entries.append(entry)
        if entry.mention is not None:
            quoted_periods.add(entry.mention)
    entries.extend(trend_entries(reading))
    entries.sort(key=lambda entry: entry.quote_span[0] if entry.quote_span else 0)
    return entries


def _finish(reading: Reading, entries: list[Entry], names: list[dict]) -> None:
    """Ids, quotes, names and TODOs, once every entry is known."""
    text = reading.text
    ids = UniqueIds()
    figure_spans = sorted((entry.figure.start, entry.figure.end) for entry in entries if entry.figure is not None)
    for entry in entries:
        start, end = entry.quote_span
        quote = squash(text[start:end])
        entry.data["quote"] = quote
        _figure_as_quoted(entry, quote)
        found = names_in(names, quote)
        if found:
            entry.data["names"] = found
        subjects = subjects_of(quote)
        if subjects:
            entry.data["subjects"] = subjects
        within = figure_spans[bisect.bisect_left(figure_spans, (start,)):bisect.bisect_right(figure_spans, (end, end))]
        others = [span for span in within if span[1] <= end
                  and (entry.figure is None or span != (entry.figure.start, entry.figure.end))]
        if entry.figure is not None and others:
            entry.todos.append(f"the quote holds {len(others) + 1} figures: check this one's period and measure")
        entry.data["id"] = ids.take(fact_id_base(entry.data, reading.words))
        if entry.todos:
            entry.data["todo"] = "; ".join(dict.fromkeys(entry.todos))


def _figure_as_quoted(entry: Entry, quote: str) -> None:
    """Leave `figure` out, with a TODO, where its quote reads it otherwise than the article does: a quote is one
    line, and a line break the article kept ("в 1,5" at a line's end, "раза" on the next) no longer parts them."""
    from bakuastana.text.binding import differences, stored_figure_in_quote

    written = entry.data.get("figure")
    if written is None or entry.figure is None:
        return
    quoted = stored_figure_in_quote(quote, written)
    if quoted is None or differences(quoted, entry.figure):
        del entry.data["figure"]
        entry.todos.append(f'"{written}" reads otherwise in its quote than where the article writes it (a line '
                           "break between), so `figure` is left out and check cannot compare it: review by hand")


def _loads(source: dict, names: list[dict], facts: list[dict]) -> bool:
    """Whether a store of these source, names and facts loads."""
    try:
        store_of({"source": source, "names": names, "facts": facts}, "draft")
    except BadInput:
        return False
    return True


def _make_loadable(entry: Entry, names: list[dict], source: dict, article_path: str) -> None:
    """Drop what the loader refuses (the period, then the value), with a TODO saying so."""
    for attempt in ("as is", "period", "value"):
        if attempt == "period" and "period" in entry.data:
            entry.todos.append(f'period "{entry.data.pop("period")}" did not load: set it by hand')
        if attempt == "value" and "value" in entry.data:
            entry.todos.append(f'value "{entry.data.pop("value")}" did not load: set it by hand')
            entry.data.pop("hedge", None)
            entry.data["kind"] = "claim"
        if entry.todos:
            entry.data["todo"] = "; ".join(dict.fromkeys(entry.todos))
        cited = set(entry.data.get("names", ()))  # only the names it cites: a dump of all is quadratic
        if _loads(source, [name for name in names if name["id"] in cited], [entry.data]):
            return
    raise BadInput(f"cannot draft a loadable fact for {entry.data.get('figure')!r}", article_path)


def _source(reading: Reading) -> dict:
    """The draft's source: language, article file name, author and title as the text's head gives them."""
    text = reading.text
    author_re = re.compile(rf"^\s*(?:{reading.words.words('AUTHOR')})\s*:?\s+(.{{3,80}}?)\s*$",
                           re.IGNORECASE | re.MULTILINE)
    source = {"language": reading.language, "article": PurePath(reading.article.path).name}
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    author = author_re.search("\n".join(text.splitlines()[:5]))
    if author:
        source["author"] = author.group(1)
    heading = next((line for line in lines if not author_re.match(line)), None)
    if heading and len(heading) <= 160 and not heading.endswith((".", "!", "?")):
        source["title"] = heading
    if reading.published is not None:
        source["published"] = reading.published.isoformat()
    return source
