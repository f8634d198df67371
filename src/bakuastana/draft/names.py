"""The names a draft lists (acronyms the article defines, Latin-script and name-like words), and a quote's."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from bakuastana.draft.ids import UniqueIds, slug
from bakuastana.draft.spans import squash
from bakuastana.draft.vocabulary import Vocabulary
from bakuastana.text.figures import month_number

if TYPE_CHECKING:
    from bakuastana.text.names import LearnedAcronym

_LATIN_NAME_RE = re.compile(r"(?<![\w-])(?:[A-Z][A-Za-z0-9&'.-]*)(?:[ \u00a0](?:[A-Z][A-Za-z0-9&'.-]*))*")
_ROMAN_RE = re.compile(r"^[IVXLCDM]+$")


def learn_names(text: str, language_words, words: Vocabulary, acronyms: Sequence[LearnedAcronym]) -> list[dict]:
    """The names of the text as the store lists them (id, canonical, abbreviations, aliases, note).
    `language_words` is the drafting module of the text's language: it spells names canonically; `acronyms`, the
    ones the text defines (`Article.acronyms()`)."""
    from bakuastana.text.acronyms import ACRONYM_RE, damerau_distance
    from bakuastana.text.names import is_name_like, latin_is_foreign, name_tokens

    function_words = words.stopwords()
    canonical_name = getattr(language_words, "canonical_name", str)  # a language whose names do not decline
    latin_is_name = latin_is_foreign(text)
    names: dict[str, dict] = {}
    abbreviations: set[str] = set()
    for learned in acronyms:
        long_name = canonical_name(squash(learned.long_name))
        name = names.setdefault(learned.acronym, {"canonical": long_name, "abbreviations": [learned.acronym],
                                                  "aliases": [], "written": squash(learned.long_name)})
        if long_name != name["canonical"] and long_name not in name["aliases"]:
            name["aliases"].append(long_name)
        abbreviations.add(learned.acronym)
    canonicals = {name["canonical"] for name in names.values()}
    for match in _LATIN_NAME_RE.finditer(text):
        found = match.group().rstrip(".'-").split()
        while found and (found[0].lower() in function_words or month_number(found[0].split("-")[0]) is not None):
            found.pop(0)  # "In January-August", "The": a sentence's first word, not a name
        phrase = " ".join(found)
        if not found or phrase in canonicals:
            continue
        if all(_ROMAN_RE.match(word) for word in found) or phrase in names or len(phrase) < 2:
            continue
        if len(found) == 1 and ACRONYM_RE.fullmatch(phrase) and any(
                damerau_distance(phrase, known) <= 1 or sorted(phrase) == sorted(known) for known in abbreviations):
            continue  # a slip of a known acronym is the T rules' business, not a new name
        if not latin_is_name and len(found) == 1 and not is_name_like(phrase, False):
            continue  # in a text written in Latin, one capitalised word may just start a sentence
        if any(phrase in other["canonical"].split() for other in names.values()):
            continue
        names[phrase] = {"canonical": phrase, "abbreviations": [], "aliases": []}
    for token, _, _ in name_tokens(text):
        if not token.isascii() and not ACRONYM_RE.fullmatch(token) and is_name_like(token, False):
            names.setdefault(token, {"canonical": token, "abbreviations": [], "aliases": []})
    out = []
    ids = UniqueIds()
    for key, name in names.items():
        item = {"id": ids.take(slug(name["abbreviations"][0] if name["abbreviations"] else key, words) or "name"),
                "canonical": name["canonical"]}
        if name["abbreviations"]:
            item["abbreviations"] = list(name["abbreviations"])
        if name["aliases"]:
            item["aliases"] = list(name["aliases"])
        if name.get("written") and name["written"] != name["canonical"]:
            item["note"] = f'canonical spelling put in the nominative by a guess from "{name["written"]}": review'
        out.append(item)
    return out


def names_in(names: list[dict], quote: str) -> list[str]:
    """The ids of the names whose spellings the quote holds as whole words."""
    found = []
    for name in names:
        spellings = [name["canonical"], *name.get("abbreviations", []), *name.get("aliases", [])]
        if any(_holds_word(quote, spelling) for spelling in spellings):
            found.append(name["id"])
    return found


def _holds_word(text: str, phrase: str) -> bool:
    r"""Whether `phrase` stands in `text` with no word character or hyphen before it and no word character after
    it: re.search(r"(?<![\w-])PHRASE(?![\w])") without compiling a regex per name (\w is a letter or digit as
    str.isalnum() says, or "_")."""
    at = text.find(phrase)
    while at >= 0:
        before = text[at - 1] if at else " "
        after = text[at + len(phrase)] if at + len(phrase) < len(text) else " "
        if not (before.isalnum() or before in "_-") and not (after.isalnum() or after == "_"):
            return True
        at = text.find(phrase, at + 1)
    return False
