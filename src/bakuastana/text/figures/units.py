"""What follows a number: scale words, units and rates, percents, multiples, years and counted nouns."""

from __future__ import annotations

from fractions import Fraction

from bakuastana.lang.lexicon import SPACES
from bakuastana.text.figures.dates import read_day_month
from bakuastana.text.figures.figure import Reading
from bakuastana.text.figures.hedges import LOOKBACK
from bakuastana.text.figures.patterns import Patterns, phrase_key

TIME_UNITS = frozenset({"year", "month", "week", "day", "hour"})
# The units of money (`lang/symbols.py` CURRENCY_CODES, CNY, and the cent of data/units.txt): "за" before one says
# what a quantity was paid, no rate
MONEY_UNITS = frozenset({"USD", "EUR", "GBP", "CNY", "RUB", "KZT", "AZN", "cent"})


def classify_tail(p: Patterns, text: str, reading: Reading, head: int) -> bool:
    """Read what follows the number and decide its kind; False if the digits are not a figure at all."""
    pos = reading.end
    if match := p.percent_points.match(text, pos):
        reading.kind, reading.unit, reading.end = "pp", "pp", match.end()
        return True
    if match := p.percent.match(text, pos):
        reading.kind, reading.unit, reading.end = "percent", "percent", match.end()
        return True
    if not reading.looks_like_year and read_times(p, text, reading, head):
        return True
    if reading.plain and reading.currency is None and read_day_month(p, text, reading):
        return True
    if reading.looks_like_year and (match := p.year_word.match(text, pos)):
        reading.kind, reading.end = "year", match.end()
        return True
    if read_unit(p, text, reading):
        return not reading.refused
    if reading.currency is not None:
        reading.kind = "amount"
        return read_rate(p, text, reading)  # False: a rate per what no unit names, `reading.refused`
    if pos < len(text) and text[pos].isalpha():
        return False  # "5G", "3D": part of a name, not a figure
    if reading.looks_like_year and not counts_not_year(p, text, reading, head):
        reading.kind = "year"
        return True
    if read_count_noun(p, text, reading):
        return True
    reading.kind = "number"
    return True


def counts_not_year(p: Patterns, text: str, reading: Reading, head: int) -> bool:
    """Whether a number between 1900 and 2100 counts something ("около 2000 вагонов") instead of dating it."""
    lookback = max(0, head - LOOKBACK)
    if p.hedge_before(text, lookback, head):
        return True
    if p.year_preposition.search(text, lookback, head):
        return False
    for count_word, endings in zip(p.count_words, p.counted_plural_endings, strict=True):
        if endings and (match := count_word.match(text, reading.end)):
            return match.group(1).endswith(endings)
    return False


def read_times(p: Patterns, text: str, reading: Reading, head: int) -> bool:
    """ "в 4 раза" (multiple), "шесть раз" (a count of times), "4-fold", "4x"; "4 times" is a multiple only in a
    comparison ("4 times higher", "increased 4 times"), else a count ("visited four times")."""
    for times in p.times:
        if times.multiple is not None and (match := times.multiple.match(text, reading.end)):
            reading.kind, reading.unit, reading.end = "multiple", "times", match.end()
            return True
        if times.counted is None or (match := times.counted.match(text, reading.end)) is None:
            continue
        before = times.preposition.search(text, max(0, head - 4), head) if times.preposition is not None else None
        if before:
            reading.kind, reading.unit = "multiple", "times"
            if head == reading.start:
                reading.start = before.start()
            else:
                reading.lead = before.start()
        elif (times.after is not None and times.after.match(text, match.end())) or (
                times.before is not None and times.before.search(text, max(0, head - LOOKBACK), head)):
            reading.kind, reading.unit = "multiple", "times"
        else:
            reading.kind, reading.noun = "count", match.group(1)
        reading.end = match.end()
        return True
    return False


def read_unit(p: Patterns, text: str, reading: Reading) -> bool:
    """A unit after the number ("тонн", "км", "долларов США"), then an optional rate ("в год")."""
    found = p.unit_at(text, reading.end)
    if found is None:
        return False
    start, end = found
    form = phrase_key(text[start:end])
    if form == "m" and reading.currency is not None:
        return False
    unit = p.unit_forms[form]
    if form in p.implied_scale_units:
        if reading.scale is not None:
            return False
        reading.multiplier = p.implied_scale_units[form][1]
    if reading.currency is not None and unit != reading.currency:
        return False
    reading.end = end
    if (qualifier := p.unit_qualifiers.get(form)) and (qualified := qualifier.match(text, reading.end)):
        reading.end = qualified.end()
    reading.unit = unit
    if unit in TIME_UNITS:
        reading.kind = "duration"
        return True
    reading.kind = "amount"
    read_rate(p, text, reading)  # sets `reading.refused` when it is a rate per what no unit names
    return True


def read_rate(p: Patterns, text: str, reading: Reading) -> bool:
    """ "в год", "per year", "/год", possibly after a few words: "тонн казахстанской нефти в год"; or a unit:
    "за тонну", "per tonne", "a barrel", "/kWh" ("USD/t"). False, with `reading.refused` set and its end past the
    denominator, when the figure is a rate per what no unit names ("$5 per share", "$300 per 1,000 cubic metres",
    "$500/mt"): it is no figure, never one read without its denominator."""
    match = p.rate.match(text, reading.end)
    if match is not None:
        period = next(group for group in match.groups() if group)
        reading.unit = f"{reading.unit}/{p.rate_units[period.lower()]}"
        reading.end = match.end()
        return True
    match = p.rate_unit.match(text, reading.end)
    if match is None:
        return True
    always = match.group("slash") is not None or match.group("always") is not None
    pos = match.end()
    end = p.unit_end(text, pos)
    if end is not None:
        form = phrase_key(text[pos:end])
        unit = p.unit_forms[form]
        # a time unit is a rate only as `rate_periods` read it ("за год" is over the year); "mt" of "$500/mt" is a
        # metric tonne there, never the million tonnes it is after a number; "km/h per" has its denominator
        if unit not in TIME_UNITS and form not in p.implied_scale_units and "/" not in f"{reading.unit}{unit}":
            reading.unit = f"{reading.unit}/({unit})" if "*" in unit else f"{reading.unit}/{unit}"
            reading.end = end
            return True
        return _refused(p, text, reading, pos) if always else True
    if always:
        if pos < len(text) and _word_char(text[pos]):
            return _refused(p, text, reading, pos)
        return True
    # "за 1000 кубометров", "за тысячу кубометров": a rate per a number of units, which no unit of the registry is;
    # "100 тонн за 5 млн долларов" (a price paid) and "за 5 лет" (a time taken) are none
    after = pos
    if number := p.number_at.match(text, after):
        after = number.end()
    scale = p.scale.match(text, after)
    if scale and phrase_key(scale.group(1)) in p.scale_forms:
        after = scale.end()
    elif after == pos:
        return True
    found = p.unit_at(text, after)
    if found is None or p.unit_forms[phrase_key(text[found[0]:found[1]])] in MONEY_UNITS | TIME_UNITS:
        return True
    return _refused(p, text, reading, pos)


def _refused(p: Patterns, text: str, reading: Reading, pos: int) -> bool:
    """A rate per what no unit names: refused, its end past that ("per share", "per 1,000 cubic metres"), so that
    no figure is read inside it."""
    end = pos
    if number := p.number_at.match(text, end):
        end = number.end()
        if scale := p.scale.match(text, end):
            end = scale.end()
    if found := p.unit_at(text, end):
        end = found[1]
    elif end == pos:
        while end < len(text) and _word_char(text[end]):
            end += 1
    reading.refused, reading.end = True, end
    return False


def _word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def read_count_noun(p: Patterns, text: str, reading: Reading) -> bool:
    """ "287 контейнерных поездов" -> noun "поездов"; "170 documents"; at most one adjective in between."""
    for count_word, counted_noun in zip(p.count_words, p.counted_nouns, strict=True):
        match = count_word.match(text, reading.end)
        if match is None or counted_noun is None:
            continue
        following = count_word.match(text, match.end())
        which = counted_noun(match.group(1), following.group(1) if following else None)
        if which == 0:
            return False
        chosen = following if which == 2 else match
        reading.kind, reading.noun, reading.end = "count", chosen.group(1), chosen.end()
        return True
    return False


def read_scale(p: Patterns, text: str, reading: Reading) -> None:
    """A scale word ("млн.", "тысяч", "bn"), and the split forms "21 тыс. 62" and "2 млн 300 тыс."."""
    match = p.scale.match(text, reading.end)
    if match is None:
        return
    form = match.group(1)
    if form in p.currency_scales:
        if reading.currency is None:
            return
        factor = p.currency_scales[form]
    else:
        factor = p.scale_forms[phrase_key(form)]
    reading.scale, reading.multiplier, reading.end = form, factor, match.end()
    if reading.decimals == 0:
        _read_split_form(p, text, reading)


def _number_follows(text: str, pos: int) -> bool:
    """Whether spaces and then a digit follow `pos`."""
    after = pos
    while after < len(text) and text[after] in SPACES:
        after += 1
    return pos < after < len(text) and "0" <= text[after] <= "9"


def _read_split_form(p: Patterns, text: str, reading: Reading) -> None:
    total = reading.amount * reading.multiplier
    factor = reading.multiplier
    end = number_end = reading.end
    scale = reading.scale
    while factor > 1 and _number_follows(text, end):  # what both split forms begin with
        scaled = p.split_scaled.match(text, end)
        if scaled and p.scale_forms[phrase_key(scaled.group(2))] < factor:
            factor = p.scale_forms[phrase_key(scaled.group(2))]
            total += int(scaled.group(1)) * factor
            end, number_end, scale = scaled.end(), scaled.end(1), scaled.group(2)
            continue
        if factor == 1000 and (rest := p.split_tail.match(text, end)):
            total += int(rest.group(1))
            factor, end, scale = 1, rest.end(), None
            number_end = end
        break
    if end == reading.end:
        return
    # The last written part now sets the precision: "2 млн 300 тыс." is 2300 thousands, "21 тыс. 62" is exact.
    reading.amount, reading.multiplier, reading.scale, reading.end = Fraction(total) / factor, factor, scale, end
    reading.number = text[reading.num_start:number_end]
    reading.plain = False
