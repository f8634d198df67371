"""What `init` reads in Russian text: measure words, period phrases, words of change, shares and trends, names."""

from __future__ import annotations

import re

from bakuastana.lang.ru import dates, words
from bakuastana.lang.ru.morphology import analyser

# What a figure measures: (measure, tier, pattern). Tier 1 (generic) counts only where no tier-0 stem matches.
MEASURE_STEMS: tuple[tuple[str, int, str], ...] = (
    ("trade_turnover", 0, r"товарооборот\w*|торгов\w*\s+оборот\w*"),
    ("oil_transit", 0, r"транзит\w*(?:\s+\w+){0,2}\s+нефт\w*"),
    ("cargo", 0, r"грузоперевоз\w*|перевоз(?:к|ок)\w*|перевалк\w*|грузооборот\w*|грузопоток\w*"
                 r"|груз(?:ы|ов|а|ам|ами|ах)?(?![\w-])"),
    ("investment", 0, r"инвестиц\w*|вложени\w*"),
    ("exports", 0, r"экспорт\w*"),
    ("imports", 0, r"импорт\w*"),
    ("production", 0, r"добыч\w*|производств\w*"),
    ("supplies", 0, r"поставк\w*|поставок|поставлен\w*"),
    ("capacity", 0, r"мощност\w*|пропускн\w*\s+способност\w*"),
    ("length", 0, r"протяженност\w*|длин\w*"),
    ("oil", 1, r"нефт\w*"),
)

# Period phrases: each a regular-expression alternation of this language's words ("" where it has none).
YEAR_WORDS = dates.YEAR_WORDS  # after a year: "2024 году", "2020-2023 гг."
RELATIVE_YEAR = r"(?:текущего|этого|нынешнего|прошлого|минувшего|прошедшего|следующего)\s+года"  # after a month
RELATIVE_YEAR_ALONE = (r"(?:в|во)\s+(?:прошлом|минувшем|прошедшем|текущем|этом|нынешнем|следующем)\s+году"
                       rf"|{RELATIVE_YEAR}")
RELATIVE_YEAR_STEMS = {"прошл": "last_year", "минувш": "last_year", "прошедш": "last_year", "текущ": "this_year",
                       "эт": "this_year", "нынешн": "this_year", "следующ": "next_year"}
PREVIOUS_YEAR = r"годом\s+(?:ранее|раньше)|в\s+предыдущем\s+году"  # the year before the one just named
COMPARISON_BASE = r"(?:период\w*|сравнению\s+с)\s+$"  # "с аналогичным периодом прошлого года": not a period
# "за аналогичный период прошлого года": the months just named, a year earlier ("аналогичного периода 2024 года")
SAME_PERIOD = r"(?:аналогичн\w*|соответствующ\w*|т(?:от|ого|ом|ем)\s+же)\s+период\w*"
SAME_PERIOD_YEAR_BEFORE = r"(?:прошлого|предыдущего|минувшего|прошедшего)\s+года|годом\s+ранее"
# Before a period phrase, these make it the base of a comparison, not the period of the figures around it.
COMPARED_TO = (r"(?<![\w])(?:чем|сравнению\s+со?|против|относительно|по\s+отношению\s+к|уровн\w+|больше|меньше"
               r"|выше|ниже|превы\w+)\s+(?:(?:за|в|во)\s+)?$")
COMPARED_TO_SHORT = r"(?<![\w])(?:со?|ко?|от)\s+$"  # before "аналогичным периодом" and its kin only
# A change against the month or quarter before ("по сравнению с предыдущим месяцем", "к прошлому кварталу").
PREVIOUS_MONTH = r"(?:предыдущ|прошл|предшествующ)\w*\s+месяц\w*|месяц\s+к\s+месяцу|месяцем\s+ранее"
PREVIOUS_QUARTER = r"(?:предыдущ|прошл|предшествующ)\w*\s+квартал\w*|квартал\s+к\s+кварталу|кварталом\s+ранее"
RANGE_OPENERS = r"с|со"  # "с января по август", "с 2020 по 2023"
MONTH_RANGE_TO = r"по|до"
YEAR_RANGE_TO = r"по|до"
PERIOD_PREPOSITIONS = r"в|во|за"  # "в 2024 году", "за январь 2025 года"
MONTH_PREPOSITIONS = r"в|во"  # "в июне": a month named alone
FIRST_MONTHS_PREPOSITIONS = r"за|в"
FIRST = r"первые"
MONTHS_OF = r"месяц[а-яё]*"  # "девять месяцев 2025 года"
THE = ""
PART_ORDINALS = {r"перв": 1, r"втор": 2, r"трет": 3, r"четв[её]рт": 4}  # "первое полугодие"
HALF = r"полугоди"
QUARTER = r"квартал"
OF = ""
HALF_SHORT = ""
QUARTER_SHORT = ""
SINCE_FROM = r"с|со"  # "с 2023 года по настоящее время"
SINCE_UNTIL = r"по|до"
NOW = r"настоящ\w+\s+врем\w+|сегодняшн\w+\s+д\w+|сей\s+день"
SINCE = ""
BY = r"к|ко|до"  # "к 2027 году"
END_OF = r"концу|конца"
AT_END_OF = r"на\s+конец"  # "на конец 2024 года"
DAY_SUFFIXES = ""

# Change, growth and shares.
FROM = r"с|со"  # "вырос с 790 до 950"
GROWTH_TO = r"до"
GROWTH_BY = r"на"  # "на 25 %"
CHANGE = words.CHANGE_WORDS  # "вырос": a figure beside them is a change
DECLINE = words.DECLINE_WORDS
SHARE = r"дол[яиюеёй]\w*|приход\w*|пришл\w*"  # "на долю ЕС приходится 30 %"
RISING_TREND = (r"(?:устойчив|стабильн|постоянн|неуклонн|уверенн)\w*\s+(?:рост(?:а|ом|е)?|увеличени[ея])(?![\w])"
                r"|раст[её]т\s+из\s+года\s+в\s+год|ежегодно\s+(?:раст|увелич)\w*")
FALLING_TREND = r"(?:устойчив|стабильн|постоянн|неуклонн)\w*\s+(?:снижени|сокращени|падени)[ея](?![\w])"

# Sentences, subjects and names.
ABBREVIATIONS = r"г|гг|т|им|ул|св"  # a full stop after these does not end a sentence
AUTHOR = r"Автор"  # "Автор: Иван Петров" at the head of an article
ADJECTIVE_ENDING = r"ый|ий|ой|ая|яя|ое|ее|ые|ие|ых|их|ого|его|ому|ему|ую|юю|ым|им|ыми|ими"
VERB_ENDING = r"ть|ться|ет|ют|ит|ят|ется|ются|ится|ятся|л|ла|ло|ли|лся|лась|лось|лись"
PLURAL_ENDING = ""  # the unit words list every case form of a counted noun
NOUN_ENDING = r"ами|ями|ов|ев|ей|ам|ям|ах|ях|ом|ем|ой|ью|а|я|ы|и|у|ю|е|о|ь"
# Nouns too general to name what a sentence is about ("объем", "показатель").
GENERIC_NOUNS = frozenset(("объем", "объемы", "объема", "объемов", "показатель", "показатели", "итоги", "итогам",
                           "уровень", "величина", "сумма", "рост", "доля", "долю", "данным", "словам", "оценкам",
                           "период", "году", "года", "число", "количество"))
TRANSLITERATION = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
                           ("a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p",
                            "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "_", "y", "_", "e", "yu", "ya"),
                           strict=True))


def canonical_name(phrase: str) -> str:
    """A name in the nominative: the words up to its head noun inflected, agreeing with it ("Грузинской
    железной дороге" -> "Грузинская железная дорога"), the rest kept ("Организации тюркских государств" ->
    "Организация тюркских государств")."""
    morph = analyser()
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

