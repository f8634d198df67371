"""Signs every language writes alike: currency signs and codes, unit symbols, scale letters after a currency."""

from __future__ import annotations

# Currency signs and ISO codes that may stand before the digits ("$5", "USD 5"), in the order they are tried.
CURRENCY_SIGNS = {"US$": "USD", "$": "USD", "€": "EUR", "£": "GBP", "₽": "RUB", "₸": "KZT", "₼": "AZN"}
CURRENCY_CODES = {"USD": "USD", "EUR": "EUR", "GBP": "GBP", "RUB": "RUB", "KZT": "KZT", "AZN": "AZN"}

# Single letters mean a scale only right after a currency ("$5m", "€3bn"); elsewhere "5 m" is metres.
CURRENCY_SCALES = {"k": 1000, "K": 1000, "m": 10**6, "M": 10**6, "b": 10**9, "B": 10**9}

# Canonical unit -> its symbols (the words for units are in each language's `units.py`).
UNITS: dict[str, tuple[str, ...]] = {
    "USD": ("$", "USD", "US$"), "EUR": ("EUR", "€"), "GBP": ("GBP", "£"), "CNY": ("CNY",), "RUB": ("RUB", "₽"),
    "KZT": ("KZT", "₸"), "AZN": ("AZN", "₼"), "t": ("t",), "kg": ("kg",), "km/h": ("km/h",), "km": ("km",),
    "m3": ("m3", "m³"), "m": ("m",), "bbl": ("bbl",), "TWh": ("TWh",), "GWh": ("GWh",), "MWh": ("MWh",),
    "kWh": ("kWh",), "GW": ("GW",), "MW": ("MW",), "kW": ("kW",), "Tbit/s": ("Tbit/s", "Tbps", "Tb/s"),
    "Gbit/s": ("Gbit/s", "Gbps", "Gb/s"), "TEU": ("TEU", "TEUs"),
}

# Symbols that carry a scale: "Mt" is a million tonnes, "bcm" a billion cubic metres.
IMPLIED_SCALE_UNITS = {"Mt": ("t", 10**6), "bcm": ("m3", 10**9)}
