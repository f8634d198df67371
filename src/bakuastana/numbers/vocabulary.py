"""The words figures are written with: scale words and unit forms, Russian and English. One table serves both
reading figures in articles (text/figures.py) and parsing units in stores and expressions (numbers/units.py).
Standard library only, so both stay cheap to import."""

from __future__ import annotations

# Scale words are numbers, never SI prefixes: "млн" is a million, not a milli-something.
SCALES: dict[int, list[str]] = {
    1000: ["тыс.", "тыс", "тысяча", "тысячи", "тысяч", "тысячу", "тысячей", "тысячам", "тысячами", "тысячах",
           "thousand", "thousands", "thous."],
    10**6: ["млн.", "млн", "миллион", "миллиона", "миллионов", "миллиону", "миллионом", "миллионы",
            "миллионами", "миллионах", "million", "millions", "mln", "mn"],
    10**9: ["млрд.", "млрд", "миллиард", "миллиарда", "миллиардов", "миллиарду", "миллиардом", "миллиарды",
            "миллиардами", "миллиардах", "billion", "billions", "bln", "bn"],
    10**12: ["трлн.", "трлн", "триллион", "триллиона", "триллионов", "триллионами", "триллионах", "trillion",
             "trillions", "trn", "tn"],
}

# Canonical unit (as numbers/units.py parses it) -> the forms a text writes it in.
UNITS: dict[str, list[str]] = {
    "USD": ["долларов", "доллара", "доллар", "долларам", "долларами", "долларах", "долл.", "долл", "$",
            "USD", "US$", "dollars", "dollar", "US dollars", "U.S. dollars"],
    "EUR": ["евро", "EUR", "€", "euros", "euro"],
    "GBP": ["фунтов стерлингов", "фунта стерлингов", "GBP", "£", "pounds sterling"],
    "CNY": ["юаней", "юаня", "юань", "CNY", "yuan"],
    "RUB": ["рублей", "рубля", "рубль", "рублям", "рублями", "рублях", "руб.", "руб", "RUB", "₽", "roubles",
            "rubles", "rouble", "ruble"],
    "KZT": ["тенге", "KZT", "₸", "tenge"],
    "AZN": ["манатов", "маната", "манат", "манатам", "манатами", "манатах", "AZN", "₼", "manats", "manat"],
    "t": ["тонн", "тонны", "тонна", "тонну", "тонной", "тоннам", "тоннами", "тоннах", "т", "tonnes", "tonne",
          "tons", "ton", "t"],
    "kg": ["килограммов", "килограмма", "килограмм", "кг", "kg", "kilograms"],
    "km/h": ["км/ч", "km/h"],
    "km": ["километров", "километра", "километр", "километрах", "километрами", "км", "km", "kilometres",
           "kilometers", "kilometre", "kilometer"],
    "m3": ["кубометров", "кубометра", "кубометр", "кубических метров", "кубического метра", "куб. м", "м3",
           "м³", "m3", "m³", "cubic metres", "cubic meters"],
    "m": ["метров", "метра", "метр", "метрах", "метрами", "м", "metres", "meters", "metre", "meter", "m"],
    "bbl/day": ["bpd", "b/d"],
    "bbl": ["баррелей", "барреля", "баррель", "barrels", "barrel", "bbl"],
    "TWh": ["ТВт·ч", "ТВт*ч", "ТВтч", "TWh"],
    "GWh": ["ГВт·ч", "ГВт*ч", "ГВтч", "GWh"],
    "MWh": ["МВт·ч", "МВт*ч", "МВтч", "MWh"],
    "kWh": ["кВт·ч", "кВт*ч", "кВтч", "киловатт-часов", "киловатт-часа", "киловатт-час", "kWh"],
    "GW": ["гигаватт", "гигаватта", "гигаваттах", "ГВт", "GW", "gigawatts", "gigawatt"],
    "MW": ["мегаватт", "мегаватта", "мегаваттах", "МВт", "MW", "megawatts", "megawatt"],
    "kW": ["киловатт", "киловатта", "кВт", "kW", "kilowatts", "kilowatt"],
    "Tbit/s": ["терабит в секунду", "терабита в секунду", "терабит/с", "Тбит/с", "Тбит/сек", "Tbit/s", "Tbps",
               "Tb/s", "terabits per second", "terabit per second"],
    "Gbit/s": ["гигабит в секунду", "гигабита в секунду", "гигабит/с", "Гбит/с", "Гбит/сек", "Gbit/s", "Gbps",
               "Gb/s", "gigabits per second", "gigabit per second"],
    "Tbit": ["терабит", "терабита", "Тбит", "terabits"],
    "TEU": ["TEU", "TEUs", "ДФЭ"],
    "year": ["лет", "года", "год", "years", "year"],
    "month": ["месяцев", "месяца", "месяц", "months", "month"],
    "week": ["недель", "недели", "неделю", "неделя", "weeks", "week"],
    "day": ["дней", "дня", "день", "суток", "сутки", "days", "day"],
    "hour": ["часов", "часа", "час", "hours", "hour"],
}
