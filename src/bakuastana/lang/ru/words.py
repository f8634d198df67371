"""Russian function words, word endings by part of speech, verbs of change, and which word a number counts."""

from __future__ import annotations

STOPWORDS = frozenset((
    "в", "во", "на", "и", "из", "по", "с", "со", "к", "ко", "до", "от", "за", "для", "что", "как", "а",
    "но", "или", "же", "ли", "бы", "не", "ни", "уже", "еще", "ещё", "также", "тоже", "более", "менее",
    "около", "чем", "при", "без", "под", "над", "о", "об", "обо", "у", "через", "между", "после", "перед",
    "это", "этот", "эта", "эти", "этих", "его", "ее", "её", "их", "он", "она", "оно", "они", "мы", "вы",
    "я", "так", "там", "тут", "где", "когда", "если", "то", "все", "всё", "всех", "всего", "лишь",
    "только", "было", "были", "был", "была", "будет", "будут", "есть", "против", "вместо", "среди",
    "вокруг", "свыше", "порядка", "примерно", "почти", "даже", "вновь", "снова", "назад", "спустя",
    "подряд", "вместе", "включая", "согласно", "который", "которые", "которых", "которая", "которое",
    "раньше", "позже", "больше", "меньше", "выше", "ниже", "соответственно", "то", "есть",
))

# What a counted word ends with (str.endswith: no regex to compile when every check imports this module).
ADJECTIVE_ENDINGS = ("ых", "их", "ыми", "ими", "ым", "им", "ые", "ие", "ый", "ая", "ое", "ого", "ому", "ую", "ой", "ее",
                     "яя", "его", "ему")
VERB_ENDINGS = ("ть", "ться", "ется", "ются", "ится", "ятся", "лся", "лась", "лось", "лись")

# Verbs and comparatives of change: a figure beside them is a change, not a level ("выросло на 5 %").
CHANGE_WORDS = (r"вырос\w*|выросл\w*|увелич\w*|рост\w*|прирост\w*|превыш\w*|больше|выше|снизи\w*|снижен\w*"
                r"|сократ\w*|сокращ\w*|уменьш\w*|меньше|ниже|упал\w*|падени\w*|нарасти\w*|нарастил\w*|довести"
                r"|довед\w*|поднят\w*")
DECLINE_WORDS = r"снизи\w*|снижен\w*|сократ\w*|сокращ\w*|уменьш\w*|меньше|ниже|упал\w*|падени\w*"


def _is_noun(word: str) -> bool:
    return word not in STOPWORDS and not word.endswith(VERB_ENDINGS)


def counted_noun(first: str, second: str | None) -> int:
    """Which word after a number it counts: "287 поездов" the first, "287 контейнерных поездов" the second
    (at most one adjective in between); 0 when the first is no noun ("5 было"), so the number is no figure."""
    if not _is_noun(first):
        return 0
    if first.endswith(ADJECTIVE_ENDINGS) and second is not None and _is_noun(second) \
            and not second.endswith(ADJECTIVE_ENDINGS):
        return 2
    return 1


# Endings that make an adjective or a people of a name ("Казахстан" -> "Казахстанский", "Баку" -> "Бакинец"
# aside, whose stem changes): a name written with one of these is a derived form, never a misspelling (T103).
DERIVATION_SUFFIXES = ("ский", "ская", "ское", "ские", "ского", "ской", "скому", "ским", "ском", "скую", "скими",
                       "ских", "ец", "цы", "цев", "ка", "ки")
