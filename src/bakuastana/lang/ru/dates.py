"""Russian months in every case, and the words around dates and years."""

from __future__ import annotations

_MONTH_STEMS = {1: "январ", 2: "феврал", 4: "апрел", 6: "июн", 7: "июл", 9: "сентябр", 10: "октябр",
                11: "ноябр", 12: "декабр"}


def _month_forms() -> list[tuple[str, int]]:
    forms = [(stem + ending, month) for month, stem in _MONTH_STEMS.items()
             for ending in ("ь", "я", "е", "ю", "ём", "ем")]
    forms += [(stem + ending, month) for month, stem in ((3, "март"), (8, "август"))
              for ending in ("", "а", "е", "у", "ом")]
    forms += [(form, 5) for form in ("май", "мая", "мае", "маю", "маем")]
    return forms


MONTHS = _month_forms()  # (form, month number), every case form of the twelve months

YEAR_WORDS = r"годами|годах|годом|годов|годы|году|года|год|гг\.|г\.|г(?![\w])"  # "в 2024 году", "2024 г."
YEAR_AFTER_DATE = r"года|году|год|г\.|г(?![\w])"  # "4 марта 2025 года"
YEAR_PREPOSITIONS = ("в|во|с|со|к|ко|до|по|на|за|от|после|перед|конец|конца|начало|начала|середина|середины")
MONTH_PREPOSITIONS = ("в|во|с|со|по|до|к|ко|на|из|за|от|после|перед|конце|начале|середине|конца|начала"
                      "|середины")
CENTURY_WORDS = r"век|века|веке|веков|вв?\."
