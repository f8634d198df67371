"""English words that tie a sentence's figures into one claim ("up 25% to $500 million", "$30 billion, or 60%")."""

# Each is a regular-expression alternation, matched whole against the words between two figures of one sentence
# (punctuation at the ends dropped, spaces made one) or against the few words just before or after a figure.
# draft/claims.py reads them; what each link makes of the next figure is said beside it.

# Links between two figures: what the second figure is to the first.
TO = r"(?:and\s+)?(?:to|reaching|reached|totall?ing|totall?ed|hitting|hit)"  # the new level: "up 25% to $500m"
FROM = r"(?:up\s+|down\s+)?from|against|compared\s+(?:with|to)|versus|vs\.?"  # the base: "from $400 million"
OR = r"(?:or|i\.\s?e\.|that\s+is)(?:\s+by)?"  # the same change or part again: "by 1.2 million tons, or 15%"
THAT_IS = r"which\s+is|accounting\s+for|making\s+up|representing|amounting\s+to"
OF = r"of(?:\s+[^\s\d]+){0,4}"  # the whole: "60% of total exports of $50 billion"
OF_WHICH = r"of\s+(?:which|them|this|that)|including|among\s+them"  # a part of the level before: "45,000 TEU, of
# which 30,000 TEU"
# After a level, its change: "$500 million, up 25%", "an increase of 25%".
CHANGED_BY = (r"(?:up|down)(?:\s+by)?"
              r"|an?\s+(?:\w+\s+)?(?:increase|decrease|rise|drop|fall|decline|gain|jump)\s+of"
              r"|(?:increas|ris|grow|grew|gain|jump|declin|decreas|dropp|fall|fell)\w*(?:\s+by)?")
COMPARED = r"(?:which\s+is\s+)?"  # "$3.5 million, 20% more than": the word after says which way

# The word right after a change or right before its figure that says which way it goes.
MORE = r"more|higher|above|greater|up"
LESS = r"less|lower|below|fewer|down"

# What a change is measured against, written between the change and its new level ("up 12% year on year to $5
# billion", "rose 8% from a year earlier to"): read over as a period phrase is (the base period is base_period's).
BASIS = (r"(?:year|month|quarter|week)[\s-]+(?:on|over)[\s-]+(?:year|month|quarter|week)|y/y|yoy|m/m|q/q"
         r"|(?:compared\s+(?:with|to)|from|versus|vs\.?|against|over|on)\s+(?:"
         r"(?:the\s+)?(?:same|corresponding|like|comparable)\s+period\s+(?:(?:of|in)\s+)?"
         r"(?:last\s+year|the\s+(?:previous|prior|preceding)\s+year|a\s+year\s+(?:earlier|ago|before))"
         r"|a\s+(?:year|month|quarter)\s+(?:earlier|ago|before)"
         r"|(?:the\s+)?(?:previous|prior|preceding)\s+(?:year|month|quarter))")

# Just before a figure.
BY = r"by"  # "rose by 1.2 million tons": the figure is the change
FROM_LEAD = r"from"  # "rose from $0.8 billion to $4.5 billion": the figure is the base
REST = r"the\s+(?:rest|remaining|remainder|other)|remaining|other"  # "the remaining 40%": the rest of the whole

# A figure given as a revision of an earlier one (archive rule X102): "revised", "updated data", "corrected".
REVISED = r"revis\w*|updated|corrected|according\s+to\s+(?:updated|final|refined)\s+(?:data|figures)"

# "$3.1 billion for Uzbekistan": a name after a figure makes it another subject's, no base of a change of this
# one's (not "in": "in January-September 2024" names a period)
ELSEWHERE = r"for|at"
