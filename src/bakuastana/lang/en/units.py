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
RATE_PREPOSITIONS = r"per|a(?!\s+\w+\s+(?:earlier|ago|before|later|previously)(?![\w]))"
RATE_PERIODS = {"year": "year", "month": "month", "day": "day", "hour": "hour", "annum": "year"}  # "per year"
RATE_AFTER_SLASH = {"year": "year", "yr": "year", "day": "day", "month": "month"}  # "/yr"
RATE_ADVERBS = {"annually": "year", "yearly": "year"}
RATE_STOPS = "in|to|from|and|by|with|for|per"  # words a rate phrase does not reach over
