"""`init`: a draft fact store for a new article, every figure bound to a unique quote, with guesses and TODOs."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction
from functools import cache
from itertools import pairwise
from pathlib import Path

from bakuastana.errors import BadInput
from bakuastana.text.article import Article, fold_with_map
from bakuastana.text.figures import Figure, month_number

INIT_SCHEMA = "bakuastana.init/1"

# What a figure measures, from the words around it: (measure, pattern, tier). The nearest match in the figure's
# clause wins, then the nearest in its sentence; tier 1 (generic) only where no tier-0 stem matches. Measures are
# what `check` infers relations over, so every figure of one series must get the same one.
MEASURES: tuple[tuple[str, str, int], ...] = (
    ("trade_turnover", r"товарооборот\w*|торгов\w*\s+оборот\w*|trade\s+turnover|bilateral\s+trade", 0),
    ("oil_transit", r"транзит\w*(?:\s+\w+){0,2}\s+нефт\w*|oil\s+transit|transit\s+of\s+(?:\w+\s+)?oil", 0),
    ("cargo", r"грузоперевоз\w*|перевоз(?:к|ок)\w*|перевалк\w*|грузооборот\w*|грузопоток\w*"
              r"|груз(?:ы|ов|а|ам|ами|ах)?(?![\w-])|cargo|freight", 0),
    ("investment", r"инвестиц\w*|вложени\w*|investment\w*", 0),
    ("exports", r"экспорт\w*|exports?(?![\w-])", 0),
    ("imports", r"импорт\w*|imports?(?![\w-])", 0),
    ("production", r"добыч\w*|производств\w*|production|output", 0),
    ("supplies", r"поставк\w*|поставок|поставлен\w*|supplies|deliveries|supplied|delivered", 0),
    ("capacity", r"мощност\w*|пропускн\w*\s+способност\w*|capacity", 0),
    ("length", r"протяженност\w*|длин\w*|length", 0),
    ("oil", r"нефт\w*|(?<![\w-])oil(?![\w-])", 1),
    ("trade_turnover", r"(?<![\w-])trade(?![\w-])", 1),
)
MEASURE_TITLES = {
    "trade_turnover": "Trade turnover", "oil_transit": "Oil transit", "cargo": "Cargo volume",
    "investment": "Investment", "exports": "Exports", "imports": "Imports", "production": "Production",
    "supplies": "Supplies", "capacity": "Capacity", "length": "Length", "oil": "Oil volume",
}
STATIC_MEASURES = ("capacity", "length")  # properties, not flows: a year in their sentence is rarely their period

_WORD = r"[A-Za-zА-Яа-яЁё]"
_MONTH = (r"(?:январ[а-яё]*|феврал[а-яё]*|март[а-яё]*|апрел[а-яё]*|ма[йяею]|июн[а-яё]*|июл[а-яё]*|август[а-яё]*"
          r"|сентябр[а-яё]*|октябр[а-яё]*|ноябр[а-яё]*|декабр[а-яё]*|January|February|March|April|May|June|July"
          r"|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?")
_YEAR_WORD = r"(?:\s*(?:год[а-яё]*|гг?\.|г(?![\w])))?"
_YEAR = r"(?:19|20)\d{2}(?![\d])"
_REL = r"(?:текущего|этого|нынешнего|прошлого|минувшего|прошедшего|следующего)\s+года|this\s+year|last\s+year"
_YEARISH = rf"(?P<y>{_YEAR}){_YEAR_WORD}|(?P<rel>{_REL})"
_RU_NUMBERS = {"два": 2, "двух": 2, "три": 3, "трех": 3, "трёх": 3, "четыре": 4, "четырех": 4, "четырёх": 4,
               "пять": 5, "пяти": 5, "шесть": 6, "шести": 6, "семь": 7, "семи": 7, "восемь": 8, "восьми": 8,
               "девять": 9, "девяти": 9, "десять": 10, "десяти": 10, "одиннадцать": 11, "одиннадцати": 11,
               "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
               "eleven": 11}
_NUMBER_WORDS = "|".join(sorted(_RU_NUMBERS, key=len, reverse=True))
_PARTS = {"перв": 1, "втор": 2, "трет": 3, "четв": 4, "first": 1, "second": 2, "third": 3, "fourth": 4}

# Period phrases, most specific first; each builds a period string of the store's syntax from its groups.
_PERIOD_PATTERNS: tuple[tuple[str, str], ...] = (
    ("months", rf"(?:(?:с|со|from|between|в|во|за|in|for)\s+)?(?P<m1>{_MONTH})\s*"
               rf"(?:[-–—]|\s(?:по|до|to|through|until|and)\s)\s*(?P<m2>{_MONTH})(?:,?\s+(?:{_YEARISH}))"),
    ("first_months", rf"(?:(?:за|в)\s+)?(?:(?:первые|first)\s+)?(?P<n>\d{{1,2}}|{_NUMBER_WORDS})\s+"
                     rf"(?:месяц[а-яё]*|months\s+of)\s+(?:{_YEARISH})"),
    ("part", rf"(?:(?:в|во|за|in|for)\s+)?(?:the\s+)?(?P<part>перв|втор|трет|четв[её]рт|first|second|third"
             rf"|fourth)\w*\s+(?P<unit>полугоди|квартал|half|quarter)\w*(?:\s+of)?\s+(?:{_YEARISH})"),
    ("part_short", rf"(?<![\w])(?P<unit>H|Q)(?P<part>[1-4])\s+(?P<y>{_YEAR})"),
    ("since_now", rf"(?:с|со)\s+(?P<y>{_YEAR}){_YEAR_WORD}\s+(?:по|до)\s+(?:настоящ\w+\s+врем\w+"
                  rf"|сегодняшн\w+\s+д\w+|сей\s+день)|(?<![\w])since\s+(?P<y2>{_YEAR})"),
    ("years", rf"(?:(?:с|со|from|between)\s+)?(?P<y1>{_YEAR}){_YEAR_WORD}\s*(?:[-–—]|\s(?:по|до|to|and|through)\s)"
              rf"\s*(?P<y2>{_YEAR}){_YEAR_WORD}"),
    ("by", rf"(?<![\w])(?:к|ко|до|by|until)\s+(?:(?:концу|конца|the\s+end\s+of)\s+)?(?P<y>{_YEAR}){_YEAR_WORD}"
           rf"|(?<![\w])на\s+конец\s+(?P<y2>{_YEAR}){_YEAR_WORD}"),
    ("day", rf"(?<![\d])\d{{1,2}}\s+{_MONTH}(?:,?\s+{_YEAR}{_YEAR_WORD})?|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?"
            rf"(?:,\s*{_YEAR})?(?![\d])"),
    ("month", rf"(?:(?:в|во|за|in|for)\s+)?(?P<m1>{_MONTH})\s+(?:{_YEARISH})"),
    ("prev", r"годом\s+(?:ранее|раньше)|в\s+предыдущем\s+году|a\s+year\s+(?:earlier|before)"
             r"|in\s+the\s+previous\s+year"),
    ("relative", r"(?<![\w])(?:в|во|in)\s+(?:прошлом|минувшем|прошедшем|текущем|этом|нынешнем|следующем)\s+году"
                 rf"|(?<![\w])(?:{_REL})|(?<![\w])(?:last|this|next)\s+year"),
    ("bare_month", rf"(?<![\w])(?:в|во|in)\s+(?P<m1>{_MONTH})(?![\w])"),
)
_PERIOD_RE = re.compile("|".join(f"(?P<p_{name}>{pattern.replace('(?P<', f'(?P<{name}_')})"
                                 for name, pattern in _PERIOD_PATTERNS), re.IGNORECASE)
_REL_WORDS = {"прошл": "last_year", "минувш": "last_year", "прошедш": "last_year", "текущ": "this_year",
              "эт": "this_year", "нынешн": "this_year", "следующ": "next_year", "last": "last_year",
              "this": "this_year", "next": "next_year"}

_TREND_RE = re.compile(
    r"(?P<rising>(?:устойчив|стабильн|постоянн|неуклонн|уверенн)\w*\s+(?:рост(?:а|ом|е)?|увеличени[ея])(?![\w])"
    r"|раст[её]т\s+из\s+года\s+в\s+год|ежегодно\s+(?:раст|увелич)\w*|steady\s+(?:growth|increase|rise)"
    r"|grow\w*\s+(?:steadily|year\s+(?:after|on)\s+year|every\s+year))"
    r"|(?P<falling>(?:устойчив|стабильн|постоянн|неуклонн)\w*\s+(?:снижени|сокращени|падени)[ея](?![\w])"
    r"|steady\s+(?:decline|decrease|fall))", re.IGNORECASE)
_SHARE_RE = re.compile(r"(?<![\w])(?:дол[яиюеёй]\w*|приход\w*|пришл\w*|share\w*|accounted\s+for|accounts\s+for)",
                       re.IGNORECASE)
_CHANGE_RE = re.compile(
    r"(?<![\w])(?:вырос\w*|выросл\w*|увелич\w*|рост\w*|прирост\w*|превыш\w*|больше|выше|снизи\w*|снижен\w*|сократ\w*"
    r"|сокращ\w*|уменьш\w*|меньше|ниже|упал\w*|падени\w*|нарасти\w*|нарастил\w*|довести|довед\w*|поднят\w*"
    r"|increas\w*|grew|grow\w*|rose|rise\w*|higher|up|down|decreas\w*|declin\w*|fell|drop\w*|lower|reduc\w*"
    r"|rais\w*)(?![\w])",
    re.IGNORECASE)
_DECLINE_RE = re.compile(r"(?<![\w])(?:снизи\w*|снижен\w*|сократ\w*|сокращ\w*|уменьш\w*|меньше|ниже|упал\w*"
                         r"|падени\w*|decreas\w*|declin\w*|fell|drop\w*|lower|less|down)(?![\w])", re.IGNORECASE)
_SAME_PERIOD_BEFORE_RE = re.compile(r"(?:период\w*|сравнению\s+с)\s+$", re.IGNORECASE)
_FROM_RE = re.compile(r"(?<![\w])(?:с|со|from)\s+[\d]", re.IGNORECASE)
_CLAUSE_BREAK_RE = re.compile(r"[,;:](?=\s)|\s[-–—]\s")
_PARAGRAPH_RE = re.compile(r"\n[ \t\u00a0]*\n")
_ABBREVIATED_RE = re.compile(r"(?<![\w])(?:г|гг|т|им|ул|св|Mr|Dr|St|vs|[A-ZА-ЯЁ])\.$")
_SCALE_WORDS = {1000: "thousand", 10**6: "million", 10**9: "billion", 10**12: "trillion"}
_UNIT_SPELLING = {"m3": "m^3", "m3/year": "m^3/year", "m3/day": "m^3/day"}
_ADJECTIVE_END = re.compile(r"(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|ых|их|ого|его|ому|ему|ую|юю|ым|им|ыми|ими)$")
_VERB_END = re.compile(r"(?:ть|ться|ет|ют|ит|ят|ется|ются|ится|ятся|л|ла|ло|ли|лся|лась|лось|лись)$")
_GENERIC_NOUNS = frozenset(("объем", "объемы", "объема", "объемов", "показатель", "показатели", "итоги", "итогам",
                            "уровень", "величина", "сумма", "рост", "доля", "долю", "данным", "словам", "оценкам",
                            "период", "году", "года", "число", "количество"))
_STOPWORDS = frozenset(("в", "во", "на", "и", "из", "по", "с", "со", "к", "ко", "до", "от", "за", "для", "что",
                        "как", "а", "но", "или", "же", "ли", "бы", "не", "ни", "уже", "еще", "ещё", "также", "тоже",
                        "при", "без", "под", "над", "о", "об", "у", "через", "между", "после", "перед", "это",
                        "этот", "эта", "эти", "его", "ее", "её", "их", "он", "она", "оно", "они", "так", "там",
                        "тут", "где", "когда", "если", "то", "все", "всё", "всего", "лишь", "только", "был", "была",
                        "было", "были", "будет", "the", "a", "an", "of", "in", "on", "at", "to", "for", "by", "with",
                        "from", "and", "or", "as", "is", "are", "was", "were"))
_TRANSLIT = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
                     ("a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s",
                      "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "_", "y", "_", "e", "yu", "ya"),
                     strict=True))
_LATIN_NAME_RE = re.compile(r"(?<![\w-])(?:[A-Z][A-Za-z0-9&'.-]*)(?:[ \u00a0](?:[A-Z][A-Za-z0-9&'.-]*))*")
_ROMAN_RE = re.compile(r"^[IVXLCDM]+$")
_AUTHOR_RE = re.compile(r"^\s*(?:Автор|Author|By)\s*:?\s+(.{3,80}?)\s*$", re.IGNORECASE | re.MULTILINE)


@dataclass
class Draft:
    """The YAML text of a draft store and what it holds."""

    text: str
    facts: int
    todos: int
    names: int
    article: str

    def to_dict(self, path: str | None) -> dict:
        data = {"schema": INIT_SCHEMA, "article": self.article, "path": path, "facts": self.facts,
                "todos": self.todos, "names": self.names}
        if path is None:
            data["text"] = self.text
        return data


@dataclass
class _Sentence:
    start: int
    end: int
    paragraph: int
    clauses: list[tuple[int, int]]

    def clause_of(self, position: int) -> int:
        for index, (start, end) in enumerate(self.clauses):
            if start <= position < end:
                return index
        return len(self.clauses) - 1


@dataclass
class _Mention:
    """A phrase naming a period: "в 2024 году", "с января по август 2025 года", "к 2027 году"."""

    start: int
    end: int
    kind: str
    period: str | None  # the store's syntax; None for "годом ранее" until resolved
    relative: bool = False  # needs source.published
    bound: int | None = None  # the figure right before it, which alone may take it
    used: bool = False


@dataclass
class _Entry:
    """One fact of the draft, before it is written out."""

    data: dict
    figure: Figure | None = None
    quote_span: tuple[int, int] | None = None
    figure_span: tuple[int, int] | None = None  # the text stored as `figure` (the figure, perhaps with a word)
    todos: list[str] = field(default_factory=list)


# ---------------------------------------------------------------------------------------------------------
# Entry points
# ---------------------------------------------------------------------------------------------------------


def init_store(article_path: str | Path, output: str | Path | None, *, force: bool = False,
               published: date | str | None = None) -> Draft:
    """Draft a store for the article and write it atomically to `output` (None or "-" writes nothing)."""
    from bakuastana.cli.files import write_atomic

    draft = draft_store(article_path, published)
    if output not in (None, "-"):
        write_atomic(output, draft.text, force=force)
    return draft


def draft_store(article_path: str | Path, published: date | str | None = None) -> Draft:
    """Read an article and return the YAML text of a draft store that loads and checks as it stands."""
    from bakuastana.text.article import read_article

    if isinstance(published, str):
        try:
            published = date.fromisoformat(published)
        except ValueError:
            raise BadInput(f'--published must be a date YYYY-MM-DD, got "{published}"') from None
    article = read_article(article_path)
    return _Drafter(article, published).run()


# ---------------------------------------------------------------------------------------------------------
# The drafter
# ---------------------------------------------------------------------------------------------------------


class _Drafter:
    def __init__(self, article: Article, published: date | None) -> None:
        from bakuastana.text.figures import extract_figures
        from bakuastana.text.names import mostly_cyrillic

        self.article = article
        self.text = article.text
        self.published = published
        self.language = "ru" if mostly_cyrillic(self.text) else "en"
        self.figures = extract_figures(self.text)
        self.sentences = _sentences(self.text)
        self.sentence_starts = [sentence.start for sentence in self.sentences]
        self.mentions = _mentions(self.text, self.figures)
        self.stems = _stems(self.text)
        self.names: list[dict] = []
        self.ids: Counter = Counter()

    # -- helpers ------------------------------------------------------------------------------------------

    def sentence_of(self, position: int) -> _Sentence:
        index = max(bisect.bisect_right(self.sentence_starts, position) - 1, 0)
        return self.sentences[index]

    def sentence_index(self, sentence: _Sentence) -> int:
        return self.sentence_starts.index(sentence.start)

    def in_sentence(self, items, sentence: _Sentence):
        return [item for item in items if sentence.start <= item.start and item.end <= sentence.end]

    # -- the run ------------------------------------------------------------------------------------------

    def run(self) -> Draft:
        self.names = self.learn_names()
        inside_mention = self.figures_inside_mentions()
        entries: list[_Entry] = []
        deferred: list[tuple[int, Figure]] = []
        for index, figure in enumerate(self.figures):
            if index in inside_mention or figure.kind in ("year", "date"):
                deferred.append((index, figure))
                continue
            entries.append(self.value_entry(index, figure))
        for index, figure in deferred:
            mention = inside_mention.get(index)
            if mention is not None and mention.used:
                continue  # the period of a fact whose quote holds it
            if figure.kind in ("year", "date"):
                entries.append(self.date_entry(figure))
            else:  # "девять месяцев" of a period phrase no fact took
                entries.append(self.value_entry(index, figure))
        entries.extend(self.trend_entries())
        entries.sort(key=lambda entry: entry.quote_span[0] if entry.quote_span else 0)
        self.finish(entries)
        text = self.render(entries)
        return Draft(text, len(entries), sum(1 for entry in entries if entry.todos), len(self.names),
                     self.article.path)

    def figures_inside_mentions(self) -> dict[int, _Mention]:
        found = {}
        for index, figure in enumerate(self.figures):
            for mention in self.mentions:
                if mention.kind != "day" and mention.start <= figure.start and figure.end <= mention.end:
                    found[index] = mention
        return found

    # -- value facts ----------------------------------------------------------------------------------------

    def value_entry(self, index: int, figure: Figure) -> _Entry:
        sentence = self.sentence_of(figure.start)
        clause = sentence.clauses[sentence.clause_of(figure.start)]
        clause_text = self.text[clause[0]:clause[1]]
        before = self.text[clause[0]:figure.start]
        position = sentence.clause_of(figure.start)
        window = self.text[sentence.clauses[max(position - 1, 0)][0]:clause[1]]  # "на долю армянского - 47 %"
        entry = _Entry({}, figure)
        kind, value = self.kind_and_value(figure, entry)
        role = None  # "growth", "share" or None
        if kind == "percent":
            if _SHARE_RE.search(clause_text) or (not _CHANGE_RE.search(clause_text) and _SHARE_RE.search(window)):
                role = "share"
            elif _CHANGE_RE.search(clause_text) or re.search(r"(?:на|by)\s*$", before, re.IGNORECASE):
                role = "growth"
                if _DECLINE_RE.search(clause_text) and not value.startswith("-"):
                    value = "-" + value
                    entry.data["note"] = "a fall: stated as a negative growth"
            else:
                entry.todos.append("what this percent measures is unclear: add measure (a growth) or share_of")
        elif kind == "multiple":
            role = "growth"
        hedge = figure.hedge
        if hedge == "up_to" and (_CHANGE_RE.search(before) or _FROM_RE.search(before)):
            hedge = None  # "вырос с 0,8 до 4,5 млн тонн": "до" is "to", not "up to"
            entry.data["note"] = '"до" read as "to" after a verb of change, not as "up to"'
        measure, how = self.measure_for(figure, sentence, kind)
        share_of = None
        if role == "share":
            share_of = self.share_total(figure, sentence) or measure
            measure = None
            if share_of is None:
                entry.todos.append("share of what? set share_of")
        elif how == "carry":
            entry.todos.append("measure guessed from an earlier sentence")
        elif how == "subject":
            entry.todos.append("measure guessed from the subject of the sentence")
        period, mention, period_todo = self.period_for(index, figure, sentence, role, measure)
        if period_todo:
            entry.todos.append(period_todo)
        if kind == "ordinal" or kind == "duration" or (kind == "percent" and role is None):
            measure = None
        topic = measure or share_of or self.sentence_measure(sentence) or "general"
        entry.data.update(self.base(entry, figure, kind, value, hedge, topic))
        if measure:
            entry.data["measure"] = measure
        if share_of:
            entry.data["share_of"] = share_of
        if period:
            entry.data["period"] = period
        entry.data["label"] = self.label(figure, kind, role, measure, share_of, period, clause_text)
        required = [entry.figure_span or (figure.start, figure.end)]
        if mention is not None and sentence.start <= mention.start < sentence.end:
            required.append((mention.start, mention.end))
        entry.quote_span = self.quote_span(entry.figure_span, sentence, required)
        quote = entry.quote_span
        if period and mention is not None and quote[0] <= mention.start and mention.end <= quote[1]:
            mention.used = True
        return entry

    def kind_and_value(self, figure: Figure, entry: _Entry) -> tuple[str, str]:
        kind = figure.kind
        if kind in ("percent", "pp"):
            return kind, f"{_number(figure)} {'percent' if kind == 'percent' else 'pp'}"
        if kind == "multiple":
            return kind, _number(figure)
        if kind == "duration":
            return kind, f"{_number(figure)} {figure.unit or 'year'}"
        if kind in ("count", "ordinal"):
            unit = _counted_unit(figure.noun if kind == "count" else _next_word(self.text, figure.end))
            return kind, f"{_number(figure)} {unit}" if unit else _number(figure)
        number = _number(figure)
        unit = _UNIT_SPELLING.get(figure.unit, figure.unit) if figure.unit else None
        if unit is not None and not _known_unit(unit):
            entry.todos.append(f'unit "{figure.unit}" is not known to the store: add it to the value')
            unit = None
        if unit is None:
            if kind == "amount" or kind == "number":
                entry.todos.append("a figure with no unit: add the unit, or make it a count")
            return "amount", number
        return "amount", f"{number} {unit}"

    def base(self, entry: _Entry, figure: Figure, kind: str, value: str | None, hedge: str | None,
             topic: str) -> dict:
        data = {"id": None, "topic": topic}
        if kind != "amount":
            data["kind"] = kind
        if value is not None:
            data["value"] = value
        if hedge:
            data["hedge"] = hedge
        entry.figure_span = _stored_span(self.text, figure)
        if entry.figure_span is not None:
            data["figure"] = _squash(self.text[slice(*entry.figure_span)])
        else:
            entry.todos.append(f'"{_squash(figure.text)}" reads differently out of its sentence (a range shares its '
                               "unit or date), so `figure` is left out and check cannot compare it: review by hand")
        return data

    def measure_for(self, figure: Figure, sentence: _Sentence, kind: str) -> tuple[str | None, str | None]:
        """The measure a figure belongs to and how it was found: clause, sentence, carry, unit or subject."""
        if kind in ("year", "date", "ordinal", "duration"):
            return None, None
        if kind == "count":
            unit = _counted_unit(figure.noun)
            if unit:
                return f"{unit}s", "unit"
        clause = sentence.clauses[sentence.clause_of(figure.start)]
        stems = self.in_sentence(self.stems, sentence)
        for scope, how in (([s for s in stems if clause[0] <= s.start < clause[1]], "clause"), (stems, "sentence")):
            best = _nearest(scope, figure.start, figure.end)
            if best is not None:
                return best.measure, how
        carried = self.carried_measure(sentence)
        if carried:
            return carried, "carry"
        if kind in ("amount", "number", "count"):
            subject = _subject_noun(self.text[sentence.start:sentence.end])
            if subject:
                return subject, "subject"
        return None, None

    def sentence_measure(self, sentence: _Sentence) -> str | None:
        stems = self.in_sentence(self.stems, sentence)
        return min(stems, key=lambda stem: (stem.tier, stem.start)).measure if stems else None

    def carried_measure(self, sentence: _Sentence) -> str | None:
        index = self.sentence_index(sentence)
        for earlier in reversed(self.sentences[:index]):
            if earlier.paragraph != sentence.paragraph:
                return None
            measure = self.sentence_measure(earlier)
            if measure:
                return measure
        return None

    def share_total(self, figure: Figure, sentence: _Sentence) -> str | None:
        """What a share is a share of: the measure written right after it ("58 процентов товарооборота"), else
        that of an earlier share in the sentence."""
        after = [stem for stem in self.stems if figure.end <= stem.start <= figure.end + 3]
        if after:
            return min(after, key=lambda stem: stem.tier).measure
        for other in self.figures:
            if sentence.start <= other.start < figure.start and other.kind == "percent":
                earlier = [stem for stem in self.stems if other.end <= stem.start <= other.end + 3]
                if earlier:
                    return earlier[0].measure
        return None

    def period_for(self, index: int, figure: Figure, sentence: _Sentence, role: str | None,
                   measure: str | None) -> tuple[str | None, _Mention | None, str | None]:
        """The period of a value figure from the period phrases of its sentence, and a TODO when guessed."""
        if figure.kind in ("duration",):
            return None, None, None
        candidates = [m for m in self.in_sentence(self.mentions, sentence) if m.kind != "day"
                      and not (m.start <= figure.start and figure.end <= m.end) and m.period is not None]
        mine = [m for m in candidates if m.bound == index]
        candidates = [m for m in candidates if m.bound is None]
        position = sentence.clause_of(figure.start)
        clause = sentence.clauses[position]
        if position and re.match(r"\s*[-–—]", self.text[clause[0]:clause[1]]):
            clause = (sentence.clauses[position - 1][0], clause[1])  # "в 2022 году - 840 млн долларов"
        in_clause = [m for m in candidates if clause[0] <= m.start < clause[1]]
        everywhere = [m for m in self.in_sentence(self.mentions, sentence) if m.kind != "day" and m.period]
        guessed = False
        if mine:
            mention = mine[0]
        elif figure.kind == "ordinal" or measure in STATIC_MEASURES:
            in_clause = [m for m in in_clause if figure.kind == "ordinal" or m.kind == "by"]
            mention = _nearest(in_clause, figure.start, figure.end)
        elif role == "growth" and len(in_clause) != 1 and everywhere:
            mention = max(everywhere, key=lambda m: _period_end(m.period))  # a growth is dated by its new end
            guessed = len(everywhere) > 1 or not in_clause
        elif in_clause:
            mention = _nearest(in_clause, figure.start, figure.end)
        elif candidates:
            preceding = [m for m in candidates if m.end <= figure.start]
            mention = _nearest(preceding or candidates, figure.start, figure.end)
            guessed = True
        else:
            mention = None
        if mention is None:
            if measure and measure not in STATIC_MEASURES and role is None and figure.kind in ("amount", "count",
                                                                                                "number"):
                return None, None, "no period found in the sentence: add one if the figure belongs to a series"
            return None, None, None
        period = mention.period
        todo = "period guessed from the sentence" if guessed else None
        start_of_growth = self.start_of_growth(index, figure)
        if start_of_growth is not None and start_of_growth == period and re.fullmatch(r"\d{4}", period):
            period = str(int(period) - 1)
            todo = f'period guessed: the start of a growth "с ... до ..." read as the year before {mention.period}'
        if mention.relative and self.published is None:
            return None, mention, (f'period "{period}" ({_squash(self.text[mention.start:mention.end])}) needs '
                                   f"source.published: set it, then add period: {period}")
        return period, mention, todo

    def start_of_growth(self, index: int, figure: Figure) -> str | None:
        """For X in "вырос с X до Y", the period Y takes (so X can take the year before)."""
        if index + 1 >= len(self.figures):
            return None
        following = self.figures[index + 1]
        gap = self.text[figure.end:following.start]
        before = self.text[max(0, figure.start - 4):figure.start]
        if not re.fullmatch(r"\s*(?:до|to)?\s*", gap, re.IGNORECASE) or not re.search(r"(?:с|со|from)\s+$", before,
                                                                                     re.IGNORECASE):
            return None
        sentence = self.sentence_of(following.start)
        period, _, _ = self.period_for(index + 1, following, sentence, None, "x")
        return period

    # -- dates and years --------------------------------------------------------------------------------------

    def date_entry(self, figure: Figure) -> _Entry:
        sentence = self.sentence_of(figure.start)
        clause_text = self.text[slice(*sentence.clauses[sentence.clause_of(figure.start)])]
        entry = _Entry({}, figure)
        value = str(figure.value)
        kind = "year" if figure.kind == "year" else "date"
        if isinstance(figure.value, Fraction):
            value = str(int(figure.value))
        if kind == "date" and len(value) in (2, 5):  # a month or day without its year
            if self.published is not None:
                value = f"this_year-{value}"
                entry.todos.append("the year is not written: assumed to be the year of publication")
            else:
                kind, value = "claim", None
                entry.todos.append(f'a date without its year ("{_squash(figure.text)}"): set value YYYY-MM(-DD) and '
                                   "kind: date")
        topic = self.sentence_measure(sentence) or "general"
        entry.data.update(self.base(entry, figure, kind, value, None, topic))
        entry.data["label"] = self.label(figure, kind, None, None, None, None, clause_text)
        required = [entry.figure_span or (figure.start, figure.end)]
        entry.quote_span = self.quote_span(entry.figure_span, sentence, required)
        return entry

    # -- trend claims -----------------------------------------------------------------------------------------

    def trend_entries(self) -> list[_Entry]:
        entries = []
        for match in _TREND_RE.finditer(self.text):
            sentence = self.sentence_of(match.start())
            trend = "rising" if match.group("rising") else "falling"
            clause = sentence.clauses[sentence.clause_of(match.start())]
            stems = [s for s in self.in_sentence(self.stems, sentence)]
            in_clause = [s for s in stems if clause[0] <= s.start < clause[1]]
            best = _nearest(in_clause or stems, match.start(), match.end())
            entry = _Entry({})
            measure = best.measure if best else self.carried_measure(sentence)
            if best is None:
                entry.todos.append("set the measure whose series this trend claim is about" if measure is None
                                   else "measure guessed from an earlier sentence")
            title = _title(measure) if measure else "A series"
            entry.data = {"id": None, "topic": measure or "general", "label": f"{title}: {trend} year on year "
                          "(claimed)", "kind": "claim", "trend": trend}
            if measure:
                entry.data["measure"] = measure
            entry.quote_span = self.quote_span(None, sentence, [(match.start(), match.end())])
            entries.append(entry)
        return entries

    # -- quotes ---------------------------------------------------------------------------------------------

    def quote_span(self, figure: tuple[int, int] | None, sentence: _Sentence, required: list[tuple[int, int]]):
        """The shortest run of clauses (then the sentence, then neighbouring sentences) that holds every required
        span, reads as a phrase, occurs once in the article, and holds the stored figure text (`figure`, a span)
        as its first occurrence; failing that, the same run started after an earlier occurrence of the figure."""
        clauses = sentence.clauses
        first = min(sentence.clause_of(start) for start, _ in required)
        last = max(sentence.clause_of(max(end - 1, start)) for start, end in required)
        candidates = [(clauses[i][0], clauses[j][1]) for i in range(first + 1) for j in range(last, len(clauses))]
        candidates.sort(key=lambda span: (span[1] - span[0], -span[0]))
        index = self.sentence_index(sentence)
        around = [(self.sentences[max(index - k, 0)].start, self.sentences[min(index + k, len(self.sentences) - 1)].end)
                  for k in range(1, 4)]
        whole = _trim(self.text, sentence.start, sentence.end, required)
        spans = [_trim(self.text, start, end, required) for start, end in [*candidates, *around]]
        if figure is not None:
            spans += [self.after_earlier(figure, span) for span in spans]
        for start, end in spans:
            quote = _squash(self.text[start:end])
            if (end - start < 24 or len(quote.split()) < 4) and (start, end) != whole:
                continue
            if self.unique(quote, start) and (figure is None or self.first_in_quote(figure, start)):
                return start, end
        return spans[0]

    def after_earlier(self, figure: tuple[int, int], span: tuple[int, int]) -> tuple[int, int]:
        """The span started at the word after the last earlier occurrence of the figure's text in it."""
        needle = _squash(self.text[slice(*figure)])
        start = span[0]
        _, offsets = self.article.folded()
        while True:
            found = self.article.find(needle, bisect.bisect_left(offsets, start))
            if found is None or found[0] >= figure[0]:
                return start, span[1]
            following = re.compile(r"\s+(?=\S)").search(self.text, found[1])
            if following is None or following.end() > figure[0]:
                return figure[0], span[1]
            start = following.end()

    def unique(self, quote: str, start: int) -> bool:
        found = self.article.find(quote)
        if found is None or found[0] != start:
            return False
        folded, offsets = self.article.folded()
        needle = fold_with_map(quote)[0].strip()
        position = bisect.bisect_left(offsets, start)
        return folded.find(needle, position + 1) < 0 and self.article.folded_lower().find(
            needle.lower(), position + 1) < 0

    def first_in_quote(self, figure: tuple[int, int], start: int) -> bool:
        _, offsets = self.article.folded()
        found = self.article.find(_squash(self.text[slice(*figure)]), bisect.bisect_left(offsets, start))
        return found is not None and found[0] == figure[0]

    # -- names -----------------------------------------------------------------------------------------------

    def learn_names(self) -> list[dict]:
        from bakuastana.text.acronyms import ACRONYM_RE, damerau_distance
        from bakuastana.text.names import is_name_like, learn_acronyms, name_tokens

        names: dict[str, dict] = {}
        abbreviations: set[str] = set()
        for learned in learn_acronyms(self.text):
            long_name = _nominative(_squash(learned.long_name)) if self.language == "ru" else _squash(
                learned.long_name)
            name = names.setdefault(learned.acronym, {"canonical": long_name, "abbreviations": [learned.acronym],
                                                      "aliases": [], "written": _squash(learned.long_name)})
            if long_name != name["canonical"] and long_name not in name["aliases"]:
                name["aliases"].append(long_name)
            abbreviations.add(learned.acronym)
        canonicals = {name["canonical"] for name in names.values()}
        for match in _LATIN_NAME_RE.finditer(self.text):
            words = match.group().rstrip(".'-").split()
            while words and (words[0].lower() in _STOPWORDS or month_number(words[0].split("-")[0]) is not None):
                words.pop(0)  # "In January-August", "The": a sentence's first word, not a name
            phrase = " ".join(words)
            if not words or phrase in canonicals:
                continue
            if all(_ROMAN_RE.match(word) for word in words) or phrase in names or len(phrase) < 2:
                continue
            if len(words) == 1 and ACRONYM_RE.fullmatch(phrase) and any(
                    damerau_distance(phrase, known) <= 1 or sorted(phrase) == sorted(known) for known in abbreviations):
                continue  # a slip of a known acronym is the T rules' business, not a new name
            if self.language == "en" and len(words) == 1 and not is_name_like(phrase, False):
                continue  # in English text every sentence starts with a capital
            if any(phrase in other["canonical"].split() for other in names.values()):
                continue
            names[phrase] = {"canonical": phrase, "abbreviations": [], "aliases": []}
        for token, _, _ in name_tokens(self.text):
            if not token.isascii() and not ACRONYM_RE.fullmatch(token) and is_name_like(token, False):
                names.setdefault(token, {"canonical": token, "abbreviations": [], "aliases": []})
        out = []
        seen: Counter = Counter()
        for key, name in names.items():
            ident = _slug(name["abbreviations"][0] if name["abbreviations"] else key) or "name"
            seen[ident] += 1
            if seen[ident] > 1:
                ident = f"{ident}_{seen[ident]}"
            item = {"id": ident, "canonical": name["canonical"]}
            if name["abbreviations"]:
                item["abbreviations"] = list(name["abbreviations"])
            if name["aliases"]:
                item["aliases"] = list(name["aliases"])
            if name.get("written") and name["written"] != name["canonical"]:
                item["note"] = f'canonical spelling put in the nominative by a guess from "{name["written"]}": review'
            out.append(item)
        return out

    def names_in(self, quote: str) -> list[str]:
        found = []
        for name in self.names:
            spellings = [name["canonical"], *name.get("abbreviations", []), *name.get("aliases", [])]
            if any(re.search(rf"(?<![\w-]){re.escape(spelling)}(?![\w])", quote) for spelling in spellings):
                found.append(name["id"])
        return found

    # -- ids, labels, todos and output ------------------------------------------------------------------------

    def label(self, figure: Figure, kind: str, role: str | None, measure: str | None, share_of: str | None,
              period: str | None, clause_text: str) -> str:
        when = f", {_period_label(period)}" if period else ""
        if role == "share":
            return f"Share of {_title(share_of).lower() if share_of else 'a total'}: {_squash(figure.text)}"
        if role == "growth" and measure:
            what = "multiple" if kind == "multiple" else "growth"
            return f"{_title(measure)} {what}{when}"
        if measure and kind in ("amount", "count"):
            return f"{_title(measure)}{when}"
        excerpt = _squash(clause_text).lstrip(" ,;:-–—")
        if len(excerpt) > 70:
            excerpt = excerpt[:67].rsplit(" ", 1)[0] + "..."
        return f"{kind.capitalize()} {_squash(figure.text)}: {excerpt}"

    def finish(self, entries: list[_Entry]) -> None:
        """Ids, quotes, names and TODOs, once every entry is known."""
        figure_spans = [(entry.figure.start, entry.figure.end) for entry in entries if entry.figure is not None]
        for entry in entries:
            start, end = entry.quote_span
            quote = _squash(self.text[start:end])
            entry.data["quote"] = quote
            names = self.names_in(quote)
            if names:
                entry.data["names"] = names
            others = [span for span in figure_spans if start <= span[0] and span[1] <= end
                      and (entry.figure is None or span != (entry.figure.start, entry.figure.end))]
            if entry.figure is not None and others:
                entry.todos.append(f"the quote holds {len(others) + 1} figures: check this one's period and measure")
            entry.data["id"] = self.ident(entry)
            if entry.todos:
                entry.data["todo"] = "; ".join(dict.fromkeys(entry.todos))
            self.validate(entry)

    def ident(self, entry: _Entry) -> str:
        data = entry.data
        kind = data.get("kind", "amount")
        period = data.get("period")
        when = _period_slug(period) if period else None
        value = data.get("value")
        number = _slug(str(value).split()[0]) if value else None
        if data.get("trend"):
            base = f"{data.get('measure') or 'series'}_trend"
        elif data.get("share_of"):
            base = f"{data['share_of']}_share"
        elif data.get("measure") and kind in ("percent", "pp", "multiple"):
            base = "_".join(filter(None, (data["measure"], when, "growth" if kind != "multiple" else "multiple")))
        elif data.get("measure"):
            base = "_".join(filter(None, (data["measure"], when)))
        elif kind in ("year", "date"):
            base = f"{kind}_{_slug(str(value))}" if value else "date"
        elif kind in ("count", "ordinal", "duration", "percent", "pp", "multiple"):
            base = f"{kind}_{number}"
        elif kind == "claim":
            base = "claim"
        else:
            unit = _slug(" ".join(str(value).split()[1:])) if value else ""
            base = "_".join(filter(None, ("amount", number, unit)))
        base = _slug(base) or "fact"
        if not base[0].isalpha():
            base = f"fact_{base}"
        self.ids[base] += 1
        return base if self.ids[base] == 1 else f"{base}_{self.ids[base]}"

    def validate(self, entry: _Entry) -> None:
        """Make sure the fact loads: drop what the loader refuses, with a TODO saying so."""
        from bakuastana.store.load import parse_store

        for attempt in ("as is", "period", "value"):
            if attempt == "period" and "period" in entry.data:
                entry.todos.append(f'period "{entry.data.pop("period")}" did not load: set it by hand')
            if attempt == "value" and "value" in entry.data:
                entry.todos.append(f'value "{entry.data.pop("value")}" did not load: set it by hand')
                entry.data.pop("hedge", None)
                entry.data["kind"] = "claim"
            if entry.todos:
                entry.data["todo"] = "; ".join(dict.fromkeys(entry.todos))
            try:
                parse_store(self.dump({"source": self.source(), "names": self.names, "facts": [entry.data]}), "draft")
                return
            except BadInput:
                continue
        raise BadInput(f"cannot draft a loadable fact for {entry.data.get('figure')!r}", self.article.path)

    def source(self) -> dict:
        source = {"language": self.language, "article": Path(self.article.path).name}
        lines = [line.strip() for line in self.text.splitlines() if line.strip()]
        author = _AUTHOR_RE.search("\n".join(self.text.splitlines()[:5]))
        if author:
            source["author"] = author.group(1)
        title = next((line for line in lines if not _AUTHOR_RE.match(line)), None)
        if title and len(title) <= 160 and not title.endswith((".", "!", "?")):
            source["title"] = title
        if self.published is not None:
            source["published"] = self.published.isoformat()
        return source

    def dump(self, data) -> str:
        import yaml

        class _Dumper(yaml.SafeDumper):
            def ignore_aliases(self, data) -> bool:  # the loader refuses anchors and aliases
                return True

        return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000)

    def render(self, entries: list[_Entry]) -> str:
        from bakuastana.store.load import SCHEMA_ID, parse_store

        topics = {}
        for entry in entries:
            topic = entry.data["topic"]
            topics.setdefault(topic, _title(topic) if topic != "general" else "Figures with no measure")
        facts = []
        order = ("id", "topic", "measure", "label", "kind", "value", "period", "hedge", "figure", "quote", "names",
                 "trend", "share_of", "note", "todo")
        for entry in entries:
            facts.append({key: entry.data[key] for key in order if key in entry.data})
        todos = sum(1 for entry in entries if entry.todos)
        header = (f"# Draft fact store made by `bakuastana init` from {Path(self.article.path).name}.\n"
                  "# It is a DRAFT: every value, period and measure below was guessed from the text. Review\n"
                  f"# each fact, decide each `todo:` ({todos} left; `bakuastana check` lists them as S102) and\n"
                  "# delete it.\n"
                  "# Field reference: README.md, section \"The fact store\".\n")
        parts = [header, self.dump({"schema": SCHEMA_ID}), "\n", self.dump({"source": self.source()})]
        if self.published is None:
            parts.append("  # published: YYYY-MM-DD  # TODO: the publication date; it resolves this_year, last_year "
                         "and periods that run until now\n")
        parts += ["  # outlet: TODO\n", "\n", self.dump({"topics": topics})]
        if self.names:
            parts += ["\n", self.dump({"names": self.names})]
        parts += ["\n", self.dump({"facts": facts})]
        text = "".join(parts)
        parse_store(text, "draft")  # the draft must load as it stands; a failure here is a bug
        return text


# ---------------------------------------------------------------------------------------------------------
# Text structure: sentences, clauses, period phrases, measure stems
# ---------------------------------------------------------------------------------------------------------


def _sentences(text: str) -> list[_Sentence]:
    """Sentences (paragraphs split at blank lines, then by razdel) with their clauses."""
    import razdel

    sentences = []
    starts = [0] + [match.end() for match in _PARAGRAPH_RE.finditer(text)]
    ends = [match.start() for match in _PARAGRAPH_RE.finditer(text)] + [len(text)]
    for paragraph, (p_start, p_end) in enumerate(zip(starts, ends, strict=True)):
        block = text[p_start:p_end]
        pieces = [(s.start, s.stop) for s in razdel.sentenize(block)]
        merged: list[list[int]] = []
        for start, stop in pieces:
            if merged and _ABBREVIATED_RE.search(block[merged[-1][0]:merged[-1][1]]):
                merged[-1][1] = stop
            else:
                merged.append([start, stop])
        for start, stop in merged:
            start, stop = start + p_start, stop + p_start
            while stop > start and text[stop - 1] in ".!?…":
                stop -= 1
            if stop > start:
                sentences.append(_Sentence(start, stop, paragraph, _clauses(text, start, stop)))
    return sentences or [_Sentence(0, len(text), 0, [(0, len(text))])]


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    cuts = [start]
    for match in _CLAUSE_BREAK_RE.finditer(text, start, end):
        cuts.append(match.start())
    cuts.append(end)
    clauses = []
    for left, right in pairwise(cuts):
        if right > left:
            clauses.append((left, right))
    return clauses or [(start, end)]


def _mentions(text: str, figures: list[Figure]) -> list[_Mention]:
    mentions = []
    for match in _PERIOD_RE.finditer(text):
        name = match.lastgroup.removeprefix("p_")
        prefix = f"{name}_"
        groups = {key[len(prefix):]: value for key, value in match.groupdict().items()
                  if value is not None and key.startswith(prefix)}
        period, relative = _period_text(name, groups, match.group())
        if name != "day" and period is None and name != "prev":
            continue
        if name == "relative" and _SAME_PERIOD_BEFORE_RE.search(text, max(0, match.start() - 30), match.start()):
            continue  # "с аналогичным периодом прошлого года": the base of a comparison, not a period
        mentions.append(_Mention(match.start(), match.end(), name, period, relative))
    covered = [(m.start, m.end) for m in mentions]
    for figure in figures:
        if figure.kind == "year" and not any(s <= figure.start and figure.end <= e for s, e in covered):
            mentions.append(_Mention(figure.start, figure.end, "year", str(int(figure.value))))
    mentions.sort(key=lambda m: m.start)
    _resolve_previous(text, mentions)
    _bind_to_figures(text, mentions, figures)
    return mentions


def _period_text(name: str, groups: dict, phrase: str) -> tuple[str | None, bool]:
    """The store's period syntax for one period phrase, and whether it is relative to publication."""
    year = groups.get("y") or groups.get("y2")
    relative = False
    if groups.get("rel"):
        year, relative = _relative(groups["rel"]), True
    if name == "months":
        first, last = month_number(groups["m1"]), month_number(groups["m2"])
        if first is None or last is None or last < first or year is None:
            return None, False
        return f"{year}-{first:02d}..{year}-{last:02d}", relative
    if name == "first_months":
        count = groups["n"]
        count = int(count) if count.isdigit() else _RU_NUMBERS.get(count.lower())
        if not count or count > 12 or year is None:
            return None, False
        return (f"{year}-01..{year}-{count:02d}" if count > 1 else f"{year}-01"), relative
    if name in ("part", "part_short"):
        part = groups["part"]
        part = int(part) if part.isdigit() else next(v for k, v in _PARTS.items() if part.lower().startswith(k))
        size = 6 if groups["unit"].lower().startswith(("п", "half", "h")) else 3
        if part * size > 12 or year is None:
            return None, False
        return f"{year}-{(part - 1) * size + 1:02d}..{year}-{part * size:02d}", relative
    if name == "since_now":
        return f"{year}..", True
    if name == "years":
        first, last = groups["y1"], groups["y2"]
        return (f"{first}..{last}" if int(last) > int(first) else None), False
    if name == "by":
        return f"..{year}", False
    if name == "month":
        month = month_number(groups["m1"])
        return (f"{year}-{month:02d}" if month and year else None), relative
    if name == "relative":
        return _relative(phrase), True
    if name == "bare_month":
        month = month_number(groups["m1"])
        return (f"this_year-{month:02d}" if month else None), True
    return None, False


def _relative(phrase: str) -> str:
    lowered = phrase.lower().split()
    for word in lowered:
        for stem, value in _REL_WORDS.items():
            if word.startswith(stem):
                return value
    return "this_year"


def _resolve_previous(text: str, mentions: list[_Mention]) -> None:
    """"годом ранее": the year before the latest year named in its sentence (the paragraph, at worst)."""
    for mention in mentions:
        if mention.kind != "prev":
            continue
        window_start = max(text.rfind("\n\n", 0, mention.start), 0)
        years = [int(m.period) for m in mentions if m.kind == "year" and window_start <= m.start < mention.start]
        if years:
            mention.period = str(max(years) - 1)


def _bind_to_figures(text: str, mentions: list[_Mention], figures: list[Figure]) -> None:
    """A period phrase right after a figure ("0,8 млн тонн в 2023 году") belongs to that figure alone."""
    ends = [figure.end for figure in figures]
    for mention in mentions:
        index = bisect.bisect_right(ends, mention.start) - 1
        if index < 0 or figures[index].kind in ("year", "date"):
            continue
        gap = text[figures[index].end:mention.start]
        if re.fullmatch(r"\s*(?:(?:в|во|in|за|for)\s+)?", gap, re.IGNORECASE) and mention.kind != "day":
            mention.bound = index


@dataclass(frozen=True)
class _Stem:
    start: int
    end: int
    measure: str
    tier: int


def _stems(text: str) -> list[_Stem]:
    found = []
    for measure, pattern, tier in MEASURES:
        for match in re.finditer(rf"(?<![\w-])(?:{pattern})", text, re.IGNORECASE):
            found.append(_Stem(match.start(), match.end(), measure, tier))
    return sorted(found, key=lambda stem: stem.start)


def _nearest(items, start: int, end: int):
    """The item closest to [start, end) (lowest tier first, when items have tiers); None when empty."""
    if not items:
        return None

    def distance(item) -> tuple:
        gap = item.start - end if item.start >= end else start - item.end if item.end <= start else 0
        return getattr(item, "tier", 0), max(gap, 0), item.start > start
    return min(items, key=distance)


def _subject_noun(sentence: str) -> str | None:
    """A crude subject: the first word that is neither a stopword, an adjective, a verb nor a generic noun."""
    for word in re.findall(r"[А-Яа-яЁёA-Za-z]{4,}", sentence):
        lowered = word.lower()
        if lowered in _STOPWORDS or lowered in _GENERIC_NOUNS or _ADJECTIVE_END.search(lowered):
            continue
        if _VERB_END.search(lowered) or (word[0].isupper() and word is not sentence.split()[0]):
            continue
        stem = re.sub(r"(?:ами|ями|ов|ев|ей|ам|ям|ах|ях|ом|ем|ой|ью|а|я|ы|и|у|ю|е|о|ь|s)$", "", lowered)
        slug = _slug(stem)
        if len(slug) >= 3:
            return slug
    return None


# ---------------------------------------------------------------------------------------------------------
# Small helpers
# ---------------------------------------------------------------------------------------------------------


def _squash(text: str) -> str:
    return " ".join(text.split())


def _trim(text: str, start: int, end: int, required: list[tuple[int, int]]) -> tuple[int, int]:
    """Drop spaces, clause punctuation and dangling dashes at the ends, never cutting into a required span."""
    low = min(s for s, _ in required)
    high = max(e for _, e in required)
    while start < low and (text[start].isspace() or text[start] in ",;:()-–—«»\""):
        start += 1
    while end > high and (text[end - 1].isspace() or text[end - 1] in ",;:()-–—«»\""):
        end -= 1
    return start, end


def _number(figure: Figure) -> str:
    """The figure's number as written, before its scale word, in the store's syntax with its scale word."""
    multiplier = figure.multiplier or 1
    value = Fraction(figure.value) / multiplier
    if value.denominator == 1:
        text = str(value.numerator)
    else:
        decimals = max(figure.decimals, 1)
        while Fraction(f"{float(value):.{decimals}f}") != value and decimals < 12:
            decimals += 1
        text = f"{float(value):.{decimals}f}"
    scale = _SCALE_WORDS.get(multiplier)
    return f"{text} {scale}" if scale else text


def _nominative(phrase: str) -> str:
    """A Russian name in the nominative: the words up to its head noun inflected, agreeing with it ("Грузинской
    железной дороге" -> "Грузинская железная дорога"), the rest kept ("Организации тюркских государств" ->
    "Организация тюркских государств")."""
    morph = _morph()
    words = phrase.split(" ")
    parses = [morph.parse(word)[0] if re.search("[а-яё]", word, re.IGNORECASE) else None for word in words]
    head = next((i for i, parse in enumerate(parses) if parse is not None and parse.tag.POS == "NOUN"), None)
    if head is None:
        return phrase
    number = parses[head].tag.number or "sing"
    agreement = {"nomn", number} | ({parses[head].tag.gender} if number == "sing" and parses[head].tag.gender
                                    else set())
    out = []
    for index, (word, parse) in enumerate(zip(words[:head + 1], parses, strict=False)):
        if parse is None or parse.tag.POS not in ("NOUN", "ADJF", "PRTF"):
            out.append(word)
            continue
        inflected = parse.inflect({"nomn", number} if index == head else agreement)
        out.append(_same_capitals(word, inflected.word) if inflected else word)
    return " ".join(out + words[head + 1:])


def _same_capitals(original: str, word: str) -> str:
    parts = word.split("-")
    originals = original.split("-")
    if len(parts) != len(originals):
        return word[:1].upper() + word[1:] if original[:1].isupper() else word
    return "-".join(part[:1].upper() + part[1:] if source[:1].isupper() else part
                    for part, source in zip(parts, originals, strict=True))


@cache
def _morph():
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


def _stored_span(text: str, figure: Figure) -> tuple[int, int] | None:
    """The text to store as `figure`: the figure as written, or with a word or two beside it when only that reads
    as the same figure on its own ("В июне", "VII Международного"), as `check` reads a stored figure; None if
    no such text exists (the first figure of a range takes its unit from the second)."""
    from bakuastana.text.binding import differences, parse_stored_figure

    window = max(0, figure.start - 60)
    starts = [figure.start, *reversed([window + m.start() for m in re.finditer(r"\S+", text[window:figure.start])])]
    ends = [figure.end, *[figure.end + m.end() for m in re.finditer(r"\S+", text[figure.end:figure.end + 60])]]
    for extra_before, extra_after in ((0, 0), (1, 0), (0, 1), (1, 1), (2, 0), (0, 2)):
        if extra_before >= len(starts) or extra_after >= len(ends):
            continue
        start, end = starts[extra_before], ends[extra_after]
        while start < figure.start and not text[start].isalnum():
            start += 1
        while end > figure.end and not text[end - 1].isalnum():
            end -= 1
        if "\n\n" in text[start:end]:
            continue
        alone = parse_stored_figure(_squash(text[start:end]))
        if alone is not None and not differences(alone, figure):
            return start, end
    return None


def _counted_unit(noun: str | None) -> str | None:
    """The unit of a counted noun ("поездов" -> train) when units.txt defines that counted thing."""
    if not noun:
        return None
    from bakuastana.numbers.units import UNIT_WORDS

    unit = UNIT_WORDS.get(noun.lower()) or UNIT_WORDS.get(noun.lower().removesuffix("s"))
    return unit if unit in _counted_units() else None


def _counted_units() -> frozenset[str]:
    from importlib import resources

    definitions = resources.files("bakuastana").joinpath("data/units.txt").read_text(encoding="utf-8")
    found = set()
    for line in definitions.splitlines():
        match = re.match(r"^(\w+)\s*=\s*\[(\w+)\]", line.strip())
        if match and not match.group(2).startswith("currency") and match.group(2) not in (
                "length", "mass", "time", "power", "information"):
            found.add(match.group(1))
    return frozenset(found)


def _known_unit(unit: str) -> bool:
    from bakuastana.numbers.units import UnitError, parse_unit

    try:
        parse_unit(unit)
    except UnitError:
        return False
    return True


def _next_word(text: str, position: int) -> str | None:
    match = re.match(r"\s+([А-Яа-яЁёA-Za-z-]+)", text[position:position + 40])
    return match.group(1) if match else None


def _title(measure: str | None) -> str:
    if not measure:
        return "Figures"
    return MEASURE_TITLES.get(measure, measure.replace("_", " ").capitalize())


def _period_label(period: str) -> str:
    if period.startswith(".."):
        return f"by {period[2:]}"
    if period.endswith(".."):
        return f"since {period[:-2]}"
    return period.replace("_", " ")


def _period_slug(period: str) -> str:
    if period.startswith(".."):
        return f"by_{period[2:]}"
    if period.endswith(".."):
        return f"since_{period[:-2]}"
    match = re.fullmatch(r"(\d{4})-(\d{2})\.\.(\d{4})-(\d{2})", period)
    if match and match.group(1) == match.group(3):
        return f"{match.group(1)}_{match.group(2)}_{match.group(4)}"
    return _slug(period)


def _period_end(period: str | None) -> tuple:
    if not period:
        return (0, "")
    relative = {"last_year": 1, "this_year": 2, "next_year": 3}
    last = period.split("..")[-1] or period.split("..")[0]
    head = last.split("-")[0]
    return (relative.get(head, 0) * 10000 + (int(head) if head.isdigit() else 0), last)


def _slug(text: str) -> str:
    lowered = "".join(_TRANSLIT.get(char, char) for char in text.lower())
    return re.sub(r"_+", "_", re.sub(r"[^a-z0-9]+", "_", lowered)).strip("_")
