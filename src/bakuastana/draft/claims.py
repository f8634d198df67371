"""The claims a sentence makes among its figures (a growth, a difference, a share, the rest of a whole), read as a
small grammar over the figures and the few words between them, and written as derived values and relations."""

from __future__ import annotations

import re
from fractions import Fraction
from functools import cache
from typing import NamedTuple

from bakuastana.draft.facts import Entry
from bakuastana.draft.ids import UniqueIds
from bakuastana.draft.measures import title
from bakuastana.draft.periods import base_period, period_label
from bakuastana.draft.reading import Reading
from bakuastana.draft.spans import squash
from bakuastana.draft.vocabulary import Vocabulary
from bakuastana.draft.writer import FACT_FIELDS
from bakuastana.lang import LANGUAGES, capitals, lexicon
from bakuastana.store.load import store_of

GAP_LIMIT = 120  # characters between two figures of one claim, at most: a link is a few words
PARTNER_REACH = 8  # figures back that a rest looks for the share it completes
LEAD_LIMIT = 40  # characters before a figure read for its lead word ("на", "from", "остальные")
TAIL_LIMIT = 30  # characters after a figure read for "больше" / "less"
LINKS = ("TO", "FROM", "OR", "THAT_IS", "OF_WHICH", "OF", "CHANGED_BY", "COMPARED")  # tried in this order
# Links that may follow a level's other words and a comma ("1.44 million tons of cargo, up 20%", "1,44 млн тонн
# грузов, что на 20% больше"): read after the last comma first, as "of cargo, up" is no "of" link.
AFTER_COMMA = ("FROM", "OR", "THAT_IS", "OF_WHICH", "CHANGED_BY", "COMPARED")
_PUNCTUATION = re.compile(r"[,;:()«»\"–—]|\s-\s|^-\s|\s-$")
_SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
_SCALE_WORDS = frozenset(_SCALES)
# A relation "EXPR == FACT" marked with the fact under this key is written as EXPR within the fact's interval as the
# store reads it (its rounding, or its hedge: "почти в 5 раз" is [4.5, 5)), one comparison per finite end: the value
# recomputed from the other figures is then judged against what the written figure allows, not its digits alone
# (a change of 46.9 % written "47 %" holds; compared with the fact itself, a hedge's every reading would have to).
WITHIN = "within"


class Words(NamedTuple):
    """The claim words of every registered language, each kind one compiled regex (a tuple, as the draft's other
    records: cheaper to make at import than a dataclass)."""

    links: dict[str, re.Pattern]  # matched whole against the words between two figures
    more: re.Pattern  # right after a figure: the change goes up
    less: re.Pattern  # ... or down
    by: re.Pattern  # right before a figure: it is the change ("на", "by")
    from_lead: re.Pattern  # ... it is the base ("с", "from")
    rest: re.Pattern  # ... it is the rest of a whole ("остальные", "the remaining")
    change: re.Pattern  # a verb of change right before a figure ("вырос", "rose")
    decline: re.Pattern  # a verb of decline anywhere in the claim
    moves: re.Pattern  # a word of change (rise or decline) anywhere in the claim
    basis: re.Pattern  # what a change is measured against, read over between two figures ("year on year")
    elsewhere: re.Pattern  # right after a figure: a word and a name, so the figure is another subject's


def _words() -> Words:
    return _words_of(tuple(LANGUAGES))


@cache
def _words_of(codes: tuple[str, ...]) -> Words:
    """The claim words of these languages; a language with no `claims` module has none."""
    modules = [module for code in codes if (module := _claims_module(code)) is not None]

    def alternation(name: str) -> str:  # "(?!)", which never matches, where no language has the words
        return "|".join(found for module in modules if (found := getattr(module, name, ""))) or "(?!)"

    def before(name: str) -> re.Pattern:
        return re.compile(rf"(?<![\w])(?:{alternation(name)})\s*$", re.IGNORECASE)

    drafting = Vocabulary(codes)  # the verbs of change are the drafting modules' (the period and value readers' too)
    change, decline = drafting.words("CHANGE"), drafting.words("DECLINE")
    return Words({name: re.compile(rf"(?:{alternation(name)})", re.IGNORECASE) for name in LINKS},
                 re.compile(rf"\s*(?:{alternation('MORE')})(?![\w])", re.IGNORECASE),
                 re.compile(rf"\s*(?:{alternation('LESS')})(?![\w])", re.IGNORECASE),
                 before("BY"), before("FROM_LEAD"), before("REST"),
                 re.compile(rf"(?<![\w])(?:{change})(?:\s+(?:{alternation('BY')}))?\s*$", re.IGNORECASE),
                 re.compile(rf"(?<![\w])(?:{decline})(?![\w])", re.IGNORECASE),
                 re.compile(rf"(?<![\w])(?:{change})(?![\w])", re.IGNORECASE),
                 re.compile(rf"(?<![\w])(?:{alternation('BASIS')})(?![\w])", re.IGNORECASE),
                 re.compile(rf"\s+(?:{alternation('ELSEWHERE')})\s+(?-i:[{capitals()}])", re.IGNORECASE))


def _claims_module(code: str):
    try:
        return lexicon(code).claims
    except ModuleNotFoundError:
        return None


class Token(NamedTuple):
    """A value figure of a sentence as the claim grammar sees it."""

    entry: Entry
    cls: str  # "A" an amount or count, "P" a percent, "M" a multiple
    link: str | None  # how the words before it tie it to the figure before: a name in LINKS, "NEAR", "PAREN"
    lead: str | None  # "BY", "FROM", "REST", "CHANGE": the word right before it
    tail: str | None  # "MORE", "LESS": the word right after it
    growth: bool  # a percent the draft reads as a change, or a multiple
    written: str  # the figure as the claim's label quotes it ("470 млн. долларов", without a "до" read as "to")
    elsewhere: bool = False  # a name follows it: "$3.1 billion for Uzbekistan", "3,1 млрд у Узбекистана"

    @property
    def id(self) -> str:
        return self.entry.data["id"]


class Claim:
    """One claim: its figures by role, which way it goes, and what it is (a plain class: compared by identity,
    never printed; a dataclass cost ~0.2 ms to make at import)."""

    __slots__ = ("down", "kind", "listed", "moves", "partner", "roles")

    def __init__(self, kind: str, roles: dict[str, Token] | None = None) -> None:
        self.kind = kind  # "growth", "share" or "rest"
        self.roles = {} if roles is None else roles
        self.down = False
        self.moves = False  # a word of change stands in it ("rose", "сократился")
        self.partner: Claim | None = None  # for "rest": the share it completes
        self.listed: list[Token] = []  # for "rest": the shares listed before it with its partner's ("43%, 18%, 12%")

    @property
    def figures(self) -> list[Token]:
        return sorted(self.roles.values(), key=lambda token: token.entry.figure.start)


def find_claims(reading: Reading, entries: list[Entry]) -> list[Claim]:
    """Every claim of every sentence, in text order."""
    words = _words()
    by_sentence: dict[int, list[Entry]] = {}
    for entry in entries:
        figure = entry.figure
        if figure is None or not _usable(entry) or (figure.range_id is not None and _dashed(reading.text, figure)):
            continue  # an end of a range written with a dash ("на 10-15%") is no change, level or share on its own
        by_sentence.setdefault(reading.sentence_of(figure.start).start, []).append(entry)
    claims: list[Claim] = []
    shares: dict[int, Claim] = {}  # id() of a share's percent token -> its claim
    changes: set[int] = set()  # id() of the percent tokens that are a claim's change
    previous: list[Token] = []
    for start in sorted(by_sentence):
        tokens = _tokens(reading, sorted(by_sentence[start], key=lambda entry: entry.figure.start), words)
        index = 0
        while index < len(tokens):
            claim, after = _claim_at(tokens, index)
            if claim.kind == "rest":
                before = (previous + tokens[:index])[-PARTNER_REACH:] if index < PARTNER_REACH else \
                    tokens[index - PARTNER_REACH:index]
                claim.partner = _partner([token for token in before if id(token) not in changes], shares)
                claim.listed = _listed(tokens[:index], claim.partner, changes)
                if "rest" in claim.roles and _amount_between(before, claim.partner):
                    claim.partner = None  # "1.9 Mt, or 56%; Kuryk 1.1 Mt, Aktau the remaining 0.8": of the 1.9
            complete = _complete(claim)
            if complete:
                since = tokens[index - 1].entry.figure.end if index else start
                direction = _direction(reading, claim, words, since)
                # two levels with no word of change between them are a range or a list, not a claim
                complete = direction is not None or claim.roles.keys() != {"new", "old"}
            if complete:
                claim.down, claim.moves = direction == "down", direction is not None
                claims.append(claim)
                if "share" in claim.roles:
                    shares[id(claim.roles["share"])] = claim
                if "rate" in claim.roles:
                    changes.add(id(claim.roles["rate"]))
                index = after
            else:
                index += 1
        previous = (previous + tokens)[-PARTNER_REACH:]
    return claims


def _dashed(text: str, figure) -> bool:
    """Whether a dash joins the figure to the other end of its range ("10-15%", "2,5–3 млн"), not "с ... до"."""
    return text[figure.end:figure.end + 1] in ("-", "–", "—") or text[max(figure.start - 1, 0):figure.start] in (
        "-", "–", "—")


def _usable(entry: Entry) -> bool:
    kind = entry.data.get("kind", "amount")
    return kind in ("amount", "count", "percent", "multiple") and "value" in entry.data


def _tokens(reading: Reading, entries: list[Entry], words: Words) -> list[Token]:
    text = reading.text
    tokens: list[Token] = []
    for entry in entries:
        figure = entry.figure
        kind = entry.data.get("kind", "amount")
        cls = {"percent": "P", "multiple": "M"}.get(kind, "A")
        start = _core_start(figure)
        link = _link(_gap(reading, tokens[-1].entry.figure.end, start, words), words) if tokens else None
        lead_text = text[max(start - LEAD_LIMIT, 0):start]
        lead = ("REST" if words.rest.search(lead_text) else "FROM" if words.from_lead.search(lead_text)
                else "BY" if words.by.search(lead_text) else "CHANGE" if words.change.search(lead_text) else None)
        tail_text = text[figure.end:figure.end + TAIL_LIMIT]
        tail = "MORE" if words.more.match(tail_text) else "LESS" if words.less.match(tail_text) else None
        growth = cls == "M" or (cls == "P" and bool(entry.data.get("measure")) and not entry.data.get("share_of"))
        tokens.append(Token(entry, cls, link, lead, tail, growth, squash(text[start:figure.end]),
                            bool(words.elsewhere.match(text, figure.end))))
    return tokens


def _gap(reading: Reading, start: int, end: int, words: Words) -> str:
    """The words between two figures, each period phrase and what a change is measured against blanked ("$30
    billion in 2024, or 60%", "up 12% year on year to $5 billion")."""
    if end - start > GAP_LIMIT:
        return reading.text[start:end]
    gap = list(reading.text[start:end])
    spans = [(mention.start - start, mention.end - start)
             for mention in reading.starting_in(reading.mentions, start, end - 1) if mention.end <= end]
    spans += [match.span() for match in words.basis.finditer(reading.text[start:end])]
    for left, right in spans:
        gap[left:right] = "\0" * (right - left)
    preposition = rf"(?:(?<![\w])(?:{reading.words.words('PERIOD_PREPOSITIONS')})\s+)?"
    return re.sub(rf"{preposition}\0+", " ", "".join(gap), flags=re.IGNORECASE)


def _core_start(figure) -> int:
    """Where the figure's number starts: "до 470 млн" read after a verb of change is "to 470 million"."""
    if figure.hedge == "up_to":
        digit = re.search(r"\d", figure.text)
        if digit:
            return figure.start + digit.start()
    return figure.start


def _link(gap: str, words: Words) -> str | None:
    """What the words between two figures make of the second: a link name, "NEAR" (only punctuation), "PAREN"
    (an opening parenthesis, perhaps with a word of comparison), or None."""
    if len(gap) > GAP_LIMIT:
        return None
    cleaned = squash(_PUNCTUATION.sub(" ", f" {gap} "))
    if "(" in gap and ")" not in gap and (not cleaned or words.links["FROM"].fullmatch(cleaned)):
        return "PAREN"
    if not cleaned:
        return "NEAR"
    found = None
    if "," in gap:
        # "1.5 million tons of oil through BTC in 2025, up 25%": the words after the last comma tie the level to it
        head, tail = gap.rsplit(",", 1)
        last = squash(_PUNCTUATION.sub(" ", f" {tail} "))
        found = next((name for name in AFTER_COMMA if last and words.links[name].fullmatch(last)), None)
        if found is not None and squash(_PUNCTUATION.sub(" ", f" {head} ")):
            return found
    return next((name for name in LINKS if words.links[name].fullmatch(cleaned)), None) or found


def _claim_at(tokens: list[Token], index: int) -> tuple[Claim, int]:
    """The claim that starts at tokens[index], and the index after its last figure."""
    head = tokens[index]
    claim = Claim("growth")
    if head.lead == "REST":
        claim.kind = "rest"
        claim.roles["rest_share" if head.cls == "P" else "rest"] = head
    elif head.growth:
        claim.roles["rate"] = head
    elif head.cls == "P":
        claim.kind = "share"
        claim.roles["share"] = head
    elif head.lead == "FROM":
        claim.roles["old"] = head
    elif head.lead in ("BY", "CHANGE"):
        claim.roles["diff"] = head
    else:
        claim.roles["new"] = head
    at = index + 1
    while at < len(tokens) and _extend(claim, tokens[at]):
        at += 1
    return claim, at


def _extend(claim: Claim, token: Token) -> bool:
    """Take the next figure into the claim when its link gives it a role the claim still lacks."""
    roles, link, cls = claim.roles, token.link, token.cls
    has = roles.__contains__
    after_level = link in ("CHANGED_BY", "COMPARED") or (link == "NEAR" and token.tail is not None)
    if claim.kind == "rest":
        if cls == "A" and not has("rest") and link in ("NEAR", "OR", "THAT_IS", "PAREN"):
            roles["rest"] = token
        elif cls == "P" and not has("rest_share") and link in ("NEAR", "OR", "THAT_IS", "PAREN"):
            roles["rest_share"] = token
        else:
            return False
        return True
    if roles.keys() == {"new"} and cls == "A" and link == "OF_WHICH":  # "45,000 TEU, of which 30,000 TEU"
        claim.kind = "share"
        roles["whole"] = roles.pop("new")
        roles["part"] = token
        return True
    if claim.kind == "share" or (set(roles) == {"new"} and cls == "P" and not token.growth
                                 and link in ("OR", "THAT_IS", "PAREN")):  # not "5,000 people, 20% of them"
        if claim.kind == "growth":
            claim.kind = "share"
            roles["part"] = roles.pop("new")
            roles["share"] = token
        elif cls == "A" and link == "OF" and not has("whole"):
            roles["whole"] = token
        elif cls == "A" and link in ("OR", "THAT_IS", "PAREN") and not has("part"):
            roles["part"] = token
        elif cls == "P" and not token.growth and link in ("OR", "THAT_IS", "PAREN") and not has("share"):
            roles["share"] = token  # "of which 30,000 TEU, or 66.7%"
        elif cls == "P" and link == "FROM" and has("share") and not has("earlier"):
            roles["earlier"] = token  # "the share rose to 62% from 58%": the same share, a year before
        else:
            return False
        return True
    if cls == "A":
        if link == "TO" and not has("new") and (has("rate") or has("diff") or has("old")):
            roles["new"] = token
        elif link in ("FROM", "PAREN") and not has("old") and (has("new") or has("rate") or has("diff")) and not (
                token.elsewhere or _other_measure(token, roles)):  # "compared with $3.1 billion for Uzbekistan"
            roles["old"] = token
        elif after_level and has("new") and not (has("diff") or has("rate")):
            roles["diff"] = token
        else:
            return False
        return True
    same_change = cls == "P" and link == "OR" and has("diff")  # "на 1,2 млн тонн, или на 15 %"
    change_of_level = (after_level or link == "OR" or (link == "NEAR" and has("old"))) and has("new") and (
        token.growth or link == "CHANGED_BY" or token.tail is not None)  # "470 млн, увеличившись на 50 %"
    if has("rate") or not (same_change or change_of_level):
        return False
    roles["rate"] = token
    return True


def _other_measure(token: Token, roles: dict[str, Token]) -> bool:
    """Whether the token's measure and a role's are both read and differ ("$5.6 billion ... against $3.1 billion of
    imports"): no two ends of one change."""
    measure = token.entry.data.get("measure")
    return bool(measure) and any(other.entry.data.get("measure") not in (None, measure) for other in roles.values()
                                 if other.cls == "A")


def _complete(claim: Claim) -> bool:
    roles = set(claim.roles)
    if claim.kind == "share":  # a share with its part or whole, or its earlier value; or a part of its whole
        return ("share" in roles and bool(roles & {"part", "whole", "earlier"})) or roles == {"part", "whole"}
    if claim.kind == "rest":
        return claim.partner is not None or roles == {"rest", "rest_share"}
    change = roles & {"rate", "diff"}
    ends = roles & {"new", "old"}
    if change and ends:
        return True
    return roles == {"rate", "diff"} or roles == {"new", "old"}  # the last: "вырос с A до B", its direction


def _partner(before: list[Token], shares: dict[int, Claim]) -> Claim | None:
    """The share a rest completes: the nearest percent among the figures just before it that is no rest and no
    claim's change, with the part and whole its own claim gave it."""
    percents = [token for token in reversed(before) if token.cls == "P" and token.lead != "REST"]
    # A share first; a percent read as a change only when there is none ("made up 60 %": "up" reads as a change).
    token = next((token for token in percents if not token.growth), percents[0] if percents else None)
    return None if token is None else shares.get(id(token)) or Claim("share", {"share": token})


def _listed(sentence: list[Token], partner: Claim | None, changes: set[int]) -> list[Token]:
    """The shares a rest's sentence lists right before it, its partner's among them ("Kazakhstan 43%, Uzbekistan
    18%, Turkmenistan 12%, the remaining 27%"): two or more, else none."""
    run: list[Token] = []
    for token in reversed(sentence):
        if token.cls != "P" or token.growth or token.lead == "REST" or id(token) in changes:
            break
        run.insert(0, token)
    share = partner.roles.get("share") if partner is not None else None
    return run if len(run) > 1 and share in run else []


def _amount_between(before: list[Token], partner: Claim | None) -> bool:
    """Whether an amount that is not the partner share's part or whole stands between that share and the rest."""
    if partner is None or "share" not in partner.roles:
        return False
    own = {id(token) for token in partner.roles.values()}
    share = partner.roles["share"]
    after = [token for token in before if token.entry.figure.start > share.entry.figure.start]
    return any(token.cls == "A" and id(token) not in own for token in after)


def _direction(reading: Reading, claim: Claim, words: Words, since: int) -> str | None:
    """Which way the claim goes: "down" for a figure followed by "меньше" / "less" or a word of decline from just
    before its first figure (after the figure before it, in its sentence) to its last; else "up" ("больше" /
    "more" after a figure, or another word of change there); None with no word of change at all."""
    if any(token.tail == "LESS" for token in claim.roles.values()):
        return "down"
    if any(token.tail == "MORE" for token in claim.roles.values()):
        return "up"
    figures = [token.entry.figure for token in claim.figures]
    begin = max(since, figures[0].start - LEAD_LIMIT)
    window = list(reading.text[begin:figures[-1].end])
    for figure in figures:  # their hedges are no direction: "rose to 15 from less than 5 million"
        window[figure.start - begin:figure.end - begin] = " " * (figure.end - figure.start)
    window = "".join(window)
    if words.decline.search(window):
        return "down"
    return "up" if words.moves.search(window) else None


# What the claims write ---------------------------------------------------------------------------------------


def claim_items(reading: Reading, claims: list[Claim], entries: list[Entry]) -> tuple[list[dict], list[dict]]:
    """The derived values and relations of the claims, ids unique beside the facts'."""
    ids = UniqueIds()
    for entry in entries:
        ids.take(entry.data["id"])
    derived: list[dict] = []
    relations: list[dict] = []
    for claim in claims:
        if claim.kind == "growth":
            _growth_items(reading, claim, ids, derived, relations)
        elif claim.kind == "share":
            _share_items(claim, ids, derived, relations)
        else:
            _rest_items(claim, ids, derived, relations)
    return derived, relations


def _unit(token: Token) -> str:
    """The unit of an amount's value ("million USD" of "470 million USD"), "" for a bare number."""
    value = str(token.entry.data["value"]).split()[1:]
    return " ".join(value)


def _same_unit(*tokens: Token | None) -> bool:
    units = {" ".join(word for word in _unit(token).split() if word not in _SCALE_WORDS)
             for token in tokens if token is not None}
    return len(units) <= 1


def _sign(claim: Claim) -> None:
    """A fall's percent is stored as a negative growth, as the draft does for a verb of decline."""
    rate = claim.roles.get("rate")
    if rate is None or rate.cls != "P":
        return
    value = str(rate.entry.data["value"])
    if claim.down and not value.startswith("-"):
        rate.entry.data["value"] = "-" + value
        rate.entry.data["note"] = "a fall: stated as a negative growth"


def _to_not_up_to(token: Token | None) -> None:
    """A new level after "до" / "to" of a change is that level, not "up to" it."""
    if token is not None and token.link == "TO" and token.entry.data.get("hedge") == "up_to":
        del token.entry.data["hedge"]
        token.entry.data["note"] = '"до" read as "to" after a verb of change, not as "up to"'


def _growth_items(reading: Reading, claim: Claim, ids: UniqueIds, derived: list, relations: list) -> None:
    """A change and its ends: the change recomputed from both ends when both are stated, else the end not stated
    implied (a derived value with its period and measure), and the change in two forms (an amount and a percent)
    checked against each other through it."""
    roles = claim.roles
    rate, diff, new, old = (roles.get(name) for name in ("rate", "diff", "new", "old"))
    if not _same_unit(diff, new, old):
        return
    _sign(claim)
    _to_not_up_to(new)
    down = claim.down
    anchor = rate or diff
    subject = _subject(anchor, new, old)
    measure = next((token.entry.data["measure"] for token in (new, old, anchor)
                    if token is not None and token.entry.data.get("measure")), None)
    if anchor is None:  # "вырос с A до B", "fell to B from A": the direction alone
        relations.append({"id": ids.take(f"{new.id}_direction"), "kind": "growth_direction",
                          "label": f"{subject}: {'a fall' if down else 'a rise'} from {old.written} to {new.written} "
                                   "(claimed)", "check": f"{new.id} {'<' if down else '>'} {old.id}",
                          "severity": "error"})
        return

    def relation(kind: str, check: str, label: str, within: str) -> None:
        suffix = "recomputed" if kind == "growth_recomputed" else "difference"
        relations.append({"id": ids.take(f"{anchor.id}_{suffix}"), "kind": kind, "label": label, "check": check,
                          "severity": "error", WITHIN: within})

    new_id, old_id = new.id if new else None, old.id if old else None
    if old is None and new is not None:
        expr = _other_end(rate, diff, new, down, backward=True)
        figures = claim.figures
        period = base_period(reading, figures[0].entry.figure.start, figures[-1].entry.figure.end,
                             new.entry.data.get("period") or anchor.entry.data.get("period"))
        what = f"{new.written} and {(diff or rate).written}"
        derived.append(_derived(ids, f"{new.id}_base", f"{subject}: the base implied by {what}", expr, period, new,
                                measure))
        old_id = derived[-1]["id"]
    elif old is None and diff is not None and rate is not None and rate.cls == "P":
        figures = claim.figures
        period = base_period(reading, figures[0].entry.figure.start, figures[-1].entry.figure.end,
                             anchor.entry.data.get("period"))
        derived.append(_derived(ids, f"{diff.id}_base", f"{subject}: the base implied by {diff.written} being "
                                f"{rate.written} of it", f"{'-' if down else ''}{diff.id} / {rate.id}", period, diff,
                                measure))
    elif new is None and old is not None:
        derived.append(_derived(ids, f"{old.id}_new", f"{subject}: the level implied by {old.written} and "
                                f"{(diff or rate).written}", _other_end(rate, diff, old, down, backward=False),
                                anchor.entry.data.get("period"), old, measure))
        new_id = derived[-1]["id"]
    stated_ends = new is not None and old is not None
    if rate is not None and new_id and old_id and (stated_ends or diff is not None):
        recomputed = (f"growth({new_id}, {old_id})" if rate.cls == "P"
                      else f"{old_id} / {new_id}" if down else f"{new_id} / {old_id}")
        ends = f"{old.written} and {new.written}" if stated_ends else f"{(new or old).written} and {diff.written}"
        if not (down and rate.cls == "P" and rate.entry.data.get("hedge")):  # "fell more than 50 %": a
            # negative figure's hedge reads the wrong way ("more than -50 %"), so it is left to a person
            relation("growth_recomputed", f"{recomputed} == {rate.id}",
                     f"{subject}: {rate.written} recomputed from {ends}", within=rate.id)
    if diff is not None and stated_ends:
        check = f"{old.id} - {new.id} == {diff.id}" if down else f"{new.id} - {old.id} == {diff.id}"
        relation("difference_recomputed", check, f"{subject}: the change {diff.written} recomputed from "
                                                 f"{old.written} and {new.written}", within=diff.id)
    if diff is not None and diff.entry.data.pop("measure", None):
        diff.entry.data["note"] = "a change, not a level of its series: no measure, so it is not compared as one"


def _other_end(rate: Token | None, diff: Token | None, end: Token, down: bool, backward: bool) -> str:
    """The level at the other end of a change: the base from the new level (`backward`), or the new level from the
    base."""
    shrinks = down != backward  # back over a rise, or on over a fall
    if diff is not None:
        return f"{end.id} {'-' if shrinks else '+'} {diff.id}"
    if rate.cls == "P":
        return f"{end.id} {'/' if backward else '*'} (1 + {rate.id})"
    return f"{end.id} {'/' if shrinks else '*'} {rate.id}"


def _subject(anchor: Token, *others: Token | None) -> str:
    measure = next((token.entry.data.get("measure") for token in (anchor, *others)
                    if token is not None and token.entry.data.get("measure")), None)
    return title(measure) if measure else "A claimed change"


def _derived(ids: UniqueIds, base: str, label: str, expr: str, period: str | None, level: Token,
             measure: str | None) -> dict:
    """A derived value: the level's topic, the given measure and period, and its unit for display."""
    data = level.entry.data
    item = {"id": ids.take(base), "topic": data.get("topic", "general")}
    if measure:
        item["measure"] = measure
    item["label"] = label + (f", {period_label(period)}" if period else "")
    item["expr"] = expr
    if period:
        item["period"] = period
    unit = _unit(level)
    if unit and data.get("kind", "amount") in ("amount", "count"):
        item["unit"] = unit
    return item


def _share_items(claim: Claim, ids: UniqueIds, derived: list, relations: list) -> None:
    roles = claim.roles
    share, part, whole = roles.get("share"), roles.get("part"), roles.get("whole")
    earlier = roles.get("earlier")
    if earlier is not None:  # one share at two times: no second share of its total to add up with it
        if earlier.entry.data.pop("share_of", None):
            earlier.entry.data["note"] = f"the share {share.written} was before: not added to the shares of its total"
        if claim.moves:
            relations.append({"id": ids.take(f"{share.id}_direction"), "kind": "growth_direction",
                              "label": f"The share: {'a fall' if claim.down else 'a rise'} from {earlier.written} to "
                                       f"{share.written} (claimed)",
                              "check": f"{share.id} {'<' if claim.down else '>'} {earlier.id}", "severity": "error"})
    if not _same_unit(part, whole):
        return
    if share is None:
        relations.append({"id": ids.take(f"{part.id}_within"), "kind": "part_within_whole",
                          "label": f"{part.written} is part of {whole.written}",
                          "check": f"{part.id} <= {whole.id}", "severity": "error"})
    elif part is not None and whole is not None:
        relations.append({"id": ids.take(f"{share.id}_recomputed"), "kind": "share_recomputed",
                          "label": f"{share.written} recomputed from {part.written} of {whole.written}",
                          "check": f"share({part.id}, {whole.id}) == {share.id}", "severity": "error",
                          WITHIN: share.id})
    elif part is not None:
        derived.append(_derived(ids, f"{part.id}_whole", f"The whole implied by {part.written} being "
                                f"{share.written} of it", f"{part.id} / {share.id}", part.entry.data.get("period"),
                                part, share.entry.data.get("share_of")))
    elif whole is not None:
        derived.append(_derived(ids, f"{whole.id}_part", f"The part implied by {share.written} of {whole.written}",
                                f"{whole.id} * {share.id}", whole.entry.data.get("period"), whole, None))


def _rest_items(claim: Claim, ids: UniqueIds, derived: list, relations: list) -> None:
    roles = claim.roles
    rest, rest_share = roles.get("rest"), roles.get("rest_share")
    partner = claim.partner.roles if claim.partner is not None else {}
    share, part, whole = partner.get("share"), partner.get("part"), partner.get("whole")
    if not _same_unit(rest, part, whole):
        return
    anchor = rest_share or rest

    def relation(check: str, label: str) -> None:
        relations.append({"id": ids.take(f"{anchor.id}_remainder"), "kind": "remainder_of_whole", "label": label,
                          "check": check, "severity": "error"})

    if claim.listed and rest_share is not None:
        relation(f"{' + '.join(token.id for token in claim.listed)} + {rest_share.id} == 100 percent",
                 f"{', '.join(token.written for token in claim.listed)} and the rest, {rest_share.written}, make "
                 "the whole")
    elif share is not None and rest_share is not None:
        relation(f"{share.id} + {rest_share.id} == 100 percent",
                 f"{share.written} and the rest, {rest_share.written}, make the whole")
    if rest is not None and rest_share is not None and whole is not None:
        relation(f"share({rest.id}, {whole.id}) == {rest_share.id}",
                 f"the rest {rest.written} is {rest_share.written} of {whole.written}")
    if rest is not None and part is not None and whole is not None:
        relation(f"{part.id} + {rest.id} == {whole.id}", f"{part.written} and the rest {rest.written} make "
                                                         f"{whole.written}")
    elif rest is not None and part is not None and share is not None:
        relation(f"share({part.id}, {part.id} + {rest.id}) == {share.id}",
                 f"{part.written} is {share.written} of itself and the rest {rest.written}")
    elif rest is not None and rest_share is not None and whole is None:
        derived.append(_derived(ids, f"{rest.id}_whole", f"The whole implied by the rest {rest.written} being "
                                f"{rest_share.written} of it", f"{rest.id} / {rest_share.id}",
                                rest.entry.data.get("period"), rest,
                                share.entry.data.get("share_of") if share is not None else None))


def computable(source: dict, facts: list[dict], derived: list[dict],
               relations: list[dict]) -> tuple[list[dict], list[dict]]:
    """The claims' derived values and relations that evaluate on the drafted facts (a unit that does not fit, a
    division by an interval round zero: left out rather than written to fail), each "== FACT" written within the
    fact's interval (WITHIN). Evaluated on a store of the facts they name, not the whole draft."""
    from bakuastana.analysis.values import StoreEnv
    from bakuastana.numbers.expr import evaluate

    if not derived and not relations:
        return [], []
    named = set(re.findall(r"[a-z][a-z0-9_]*", " ".join([*(item["expr"] for item in derived),
                                                          *(item["check"] for item in relations),
                                                          *(item.get(WITHIN, "") for item in relations)])))
    named_facts = [{key: fact[key] for key in FACT_FIELDS if key in fact and key != "names"}
                   for fact in facts if fact["id"] in named]
    env = StoreEnv(store_of({"source": source, "facts": named_facts, "derived": derived}, "draft"))
    kept_derived = [item for item in derived if _evaluates(lambda item=item: env.value(item["id"]))]
    if len(kept_derived) < len(derived):  # a relation must not name a derived value left out
        env = StoreEnv(store_of({"source": source, "facts": named_facts, "derived": kept_derived}, "draft"))
    taken = {item["id"] for item in [*facts, *derived, *relations]}
    expanded = [written for item in relations for written in _within(item, env, taken)]
    kept = [item for item in expanded if _evaluates(lambda item=item: evaluate(env.parse(item["check"]), env))]
    return kept_derived, kept


def _within(relation: dict, env, taken: set[str]) -> list[dict]:
    """The relation as written: "EXPR == FACT" marked WITHIN becomes EXPR against each finite end of the fact's
    interval (none when the fact has no value)."""
    from bakuastana.numbers.expr import ExprError
    from bakuastana.numbers.interval import INF

    fact = relation.pop(WITHIN, None)
    if fact is None:
        return [relation]
    try:
        quantity = env.value(fact)
    except ExprError:
        return []
    interval, unit = quantity.interval, quantity.unit
    expr = relation["check"].rsplit(" == ", 1)[0]
    ends = []
    if interval.lo != -INF:
        ends.append((">" if interval.lo_open else ">=", interval.lo))
    if interval.hi != INF:
        ends.append(("<" if interval.hi_open else "<=", interval.hi))
    words = str(env.store.fact_by_id[fact].value_text).split()  # "100 million USD": bounds in millions too
    scale = words[1] if len(words) > 2 and words[1] in _SCALE_WORDS else None
    factor = unit.factor * (_SCALES[scale] if scale else 1)
    label = " ".join(words[2:]) if scale else unit.label
    written = []
    for op, end in ends:
        bound = " ".join(filter(None, (_number(end / factor), scale, label)))
        item = dict(relation, check=f"{expr} {op} {bound}", label=f"{relation['label']} is {_BOUND_WORDS[op]} {bound}")
        if written:
            item["id"] = _fresh(f"{relation['id']}_upper", taken)
            taken.add(item["id"])
        written.append(item)
    return written


_BOUND_WORDS = {">": "above", ">=": "at least", "<": "below", "<=": "at most"}  # each end in the label: the two
# relations of one claim read apart, and a failing one says which end fails


def _number(value: Fraction) -> str:
    """A bound as an expression writes it: exact digits when it has them, else 8 significant ones."""
    text = f"{float(value):.12g}"
    return text if Fraction(text) == value else f"{float(value):.8g}"


def _fresh(base: str, taken: set[str]) -> str:
    name, count = base, 1
    while name in taken:
        count += 1
        name = f"{base}_{count}"
    return name


def _evaluates(compute) -> bool:
    from bakuastana.numbers.expr import ExprError

    try:
        compute()
    except ExprError:
        return False
    return True
