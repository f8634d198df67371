"""English unit words, and rate phrases ("per year", "/yr", "annually")."""

from __future__ import annotations

# Canonical unit (as numbers/units.py parses it) -> the English words a text writes it in.
UNITS: dict[str, tuple[str, ...]] = {
    "USD": ("dollars", "dollar", "US dollars", "U.S. dollars"),
    "EUR": ("euros", "euro"),
    "GBP": ("pounds sterling",),
    "CNY": ("yuan",),
    "RUB": ("roubles", "rubles", "rouble", "ruble"),
    "KZT": ("tenge",),
    "AZN": ("manats", "manat"),
    "t": ("tonnes", "tonne", "tons", "ton"),
    # "210.3 billion tonne-km": freight work, tonnes times kilometres (never tonnes)
    "t*km": ("tonne-km", "tonne-kilometres", "tonne-kilometers", "tonne-kilometre", "tonne-kilometer", "ton-km",
             "ton-kilometres", "ton-kilometers", "ton-kilometre", "ton-kilometer", "t-km", "tkm"),
    "ha": ("hectares", "hectare", "ha"),
    "cent": ("cents", "cent", "US cents", "¢"),  # a US cent, as "dollars" are US dollars
    "kg": ("kilograms",),
    "km": ("kilometres", "kilometers", "kilometre", "kilometer"),
    "m3": ("cubic metres", "cubic meters"),
    "m": ("metres", "meters", "metre", "meter"),
    "bbl/day": ("bpd", "b/d"),
    "bbl": ("barrels", "barrel"),
    "GW": ("gigawatts", "gigawatt"),
    "MW": ("megawatts", "megawatt"),
    "kW": ("kilowatts", "kilowatt"),
    "Tbit/s": ("terabits per second", "terabit per second"),
    "Gbit/s": ("gigabits per second", "gigabit per second"),
    "Tbit": ("terabits",),
    "year": ("years", "year"),
    "month": ("months", "month"),
    "week": ("weeks", "week"),
    "day": ("days", "day"),
    "hour": ("hours", "hour"),
}

# "a" of "a year" is a rate unless the phrase names a time back or on: "3.75 million tonnes a year earlier" is the
# level of the year before, not tonnes per year ("a year ago", "a month before", "a year later").
RATE_PREPOSITIONS = r"per|an?(?!\s+\w+\s+(?:earlier|ago|before|later|previously)(?![\w]))"
RATE_PERIODS = {"year": "year", "quarter": "quarter", "month": "month", "week": "week", "day": "day", "hour": "hour",
                "annum": "year"}  # "per year"
RATE_AFTER_SLASH = {"year": "year", "yr": "year", "quarter": "quarter", "month": "month", "week": "week",
                    "day": "day", "d": "day", "h": "hour", "hr": "hour"}  # "/yr"
RATE_ADVERBS = {"annually": "year", "yearly": "year"}
RATE_STOPS = "in|to|from|and|by|with|for|per"  # words a rate phrase does not reach over
# "$180 per tonne", "$68.20 a barrel": a rate per the unit after it ("USD/t"); "a" before what no unit names is no
# rate ("$5 million a decade ago")
RATE_UNIT_PREPOSITIONS = r"per|an?"
RATE_ALWAYS = "per"  # "$5 per share": always a rate, refused when no unit names what follows

# Symbols that carry a scale after a number, in energy and commodity news: "2.4 MMt", "2.4 mmt" are million
# tonnes, "350 kt" thousand tonnes ("Mt" and "bcm" every language writes: `lang/symbols.py`). Not "mt": commodity
# wires write it for metric tonnes ("50,000 mt of wheat"), others for million tonnes; it stays as written.
SCALED_UNITS = {"mmt": ("t", 10**6), "MMt": ("t", 10**6), "kt": ("t", 1000)}
