"""Russian words that tie a sentence's figures into one claim ("вырос на 50 % до 470 млн", "30 млн, или 60 %")."""

# Each is a regular-expression alternation, matched whole against the words between two figures of one sentence
# (punctuation at the ends dropped, spaces made one) or against the few words just before or after a figure.
# draft/claims.py reads them; what each link makes of the next figure is said beside it.

# Links between two figures: what the second figure is to the first.
TO = r"(?:и\s+)?(?:до|составив|составил\w*|достиг\w*|достигнув)"  # the new level: "на 50 % до 470 млн"
FROM = r"(?:(?:по\s+сравнению|в\s+сравнении)\s+)?(?:с|со|против|относительно)"  # the base: "с 0,8 млн"
OR = r"(?:или|т\.\s?е\.|то\s+есть)(?:\s+на)?"  # the same change or part again: "на 1,2 млн тонн, или на 15 %"
THAT_IS = r"что\s+составля\w+|что\s+составило|составляющ\w+|это"  # "30 млн, что составляет 60 %"
OF = r"(?:от|из)(?:\s+[^\s\d]+){0,4}"  # the whole: "60 % от общего объема", "40 % из 50 млн тонн"
OF_WHICH = r"из\s+(?:них|которых|которого|которой|него|нее|неё)|в\s+том\s+числе|включая"  # a part of the level
# before: "45 тыс. TEU, из которых 30 тыс. TEU"
# After a level, its change: "составил 470 млн, увеличившись по сравнению с 2023 годом на 50 %".
CHANGED_BY = (r"(?:увелич|вырос|возрос|прибави|нарасти|превы|сократ|снизи|уменьш|упа|опусти)\w*"
              r"(?:\s+[^\s\d]+){0,6}?(?:\s+на)?")
COMPARED = r"что(?:\s+на)?"  # "3,5 млн тонн, что на 20 % превышает": the word after says which way

# The word right after a change or right before its figure that says which way it goes.
MORE = r"больше|выше|превыша\w*|превосход\w*|превысил\w*"
LESS = r"меньше|ниже|уступа\w*"

# С чем сравнивается изменение, когда это стоит между изменением и новым уровнем ("вырос на 15 % по сравнению с
# аналогичным периодом прошлого года до 1,2 млрд", "на 8 % в годовом выражении до"): читается мимо, как фраза
# периода (базовый период определяет base_period).
BASIS = (r"(?:(?:по\s+сравнению|в\s+сравнении)\s+со?|относительно|к)\s+(?:"
         r"(?:аналогичн\w*|соответствующ\w*|т\w+\s+же)\s+период\w*\s+"
         r"(?:прошлого|предыдущего|минувшего|прошедшего)\s+года"
         r"|(?:прошл|предыдущ|минувш)\w*\s+(?:год|месяц|квартал)\w*)"
         r"|в\s+годовом\s+(?:выражении|исчислении)|год\s+к\s+году|месяц\s+к\s+месяцу|квартал\s+к\s+кварталу")

# Just before a figure.
BY = r"на"  # "увеличился на 1,2 млн тонн": the figure is the change
FROM_LEAD = r"с|со"  # "вырос с 0,8 до 4,5": the figure is the base
REST = r"остальн\w*|оставш\w*|прочи[ехм]\w*"  # "остальные 40 %": the rest of the whole

# Цифра как пересмотр прежней (правило архива X102): "по уточнённым данным", "пересмотрен", "скорректирован".
REVISED = r"уточн[её]нн\w*|уточнен\w*|пересмотр\w*|скорректирован\w*|исправлен\w*|окончательн\w+\s+данн\w+"

# "3,1 млрд долларов у Узбекистана": a name after a figure makes it another subject's, no base of a change of
# this one's
ELSEWHERE = r"у|для|в|во"
