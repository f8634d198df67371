"""Rule metadata for the Russian grammar family (G101-G107); the analysis is in `bakuastana.text.grammar`."""

from __future__ import annotations

from bakuastana.rules.base import RULES, add_check, register

register(
    "G101", "preposition-case", "warning",
    "A preposition is followed by a word in a case it does not govern.",
    what="""
Each preposition governs one or more cases ("в" and "на" the prepositional or accusative, "к" the dative,
"для" the genitive, ...). The word right after the preposition (after an indeclinable possessive such as
"его" or "их") is checked against every reading the dictionary gives it; the finding fires only when no
reading is in a governed case. An adjective is corrected to agree with the noun after it.
Names, abbreviations, numbers and words unknown to the dictionary are never reported. Prepositions that are
also adverbs ("после", "около", "против") give "info" findings only.
""",
    why="""
A wrong case after a preposition is one of the commonest slips of hurried editing (a form left over from an
earlier wording) and is conspicuous to Russian readers.
""",
    example='"ведется на высшим уровне": "на" does not govern the instrumental "высшим".',
    fix='Use the governed case: "на высшем уровне", "в прошлом году", "к развитию".',
)

register(
    "G102", "adjective-noun-agreement", "warning",
    "An adjective and the noun after it do not agree in case, number or gender.",
    what="""
An adjective immediately followed by a noun must share its case, number and (in the singular) gender. The
finding fires only when no combination of the two words' readings agrees. It stays silent after numerals
("два крупных проекта"), for coordinated adjectives with a plural noun ("в русском и английском языках"),
when the noun may be the adjective's complement ("необходимые стране реформы"), for the predicative
instrumental ("считает необходимым создание") and for participles, which take objects of their own.
Inside a prepositional phrase the noun is taken in the case the preposition governs.
""",
    why="Broken agreement reads as careless and can make the phrase ambiguous.",
    example='"в крупном компании": masculine/neuter "крупном" with the feminine "компании".',
    fix='Make the adjective agree with its noun: "в крупной компании".',
)

register(
    "G103", "name-agreement", "warning",
    "A title, first name and surname in one name do not agree.",
    what="""
In "Президента Ильхама Алиева" all parts stand in the same case. First names come from the dictionary's Name
tag or, when unknown, from their endings; surnames from the Surn tag or the endings -ов/-ев/-ин/-ын and
-ский/-цкий with their case forms. When a title (президент, министр, глава, ... possibly followed by
genitive words: "министр энергетики Азербайджана") agrees with one of the two and not the other, the odd
one out is reported as a warning. Without a title the finding is "info": either word may be the wrong one.
A name and surname that agree are never reported even if the title does not ("Министром Парвиз Шахбазов
стал ..." is correct).
""",
    why="A surname left in the nominative inside an inflected name is a frequent slip in news copy.",
    example='"визит Президента Ильхама Алиев": the surname should be genitive like the title and the name.',
    fix='Inflect the odd part: "визит Президента Ильхама Алиева".',
)

register(
    "G104", "fixed-phrase-preposition", "warning",
    "A fixed phrase is used with the wrong preposition or in the wrong form.",
    what="""
A small documented table in `bakuastana.text.grammar.FIXED_PHRASES`: "по сравнению с", "в сравнении с",
"в соответствии с", "в связи с", "наряду с", "в отличие от", "в зависимости от", "по отношению к";
"по истечении", "по прибытии", "по окончании", "по завершении" (prepositional case after "по" meaning
"after"); "в отличие от" (not "в отличии"). "согласно с" is only noted ("info"): "согласно" takes the dative.
""",
    why="These phrases have one accepted form; any other reads as an error.",
    example='"увеличившись по сравнению в предыдущим годом".',
    fix='"по сравнению с предыдущим годом".',
)

register(
    "G105", "missing-numeral", "warning",
    "A counted form of a time noun follows \"последние\", \"ближайшие\"... with no number.",
    what="""
"последние", "ближайшие", "прошедшие", "прошлые", "следующие", "минувшие", "предстоящие", "первые" followed
directly by a counted form of a time noun ("года", "лет", "месяцев", "дней", ...) lack the number that
would govern that form. An inverted approximate count ("последние лет пять") is not reported.
""",
    why='The phrase reads as if a number was deleted in editing ("за последние [пять] лет").',
    example='"будет седьмым по счету за последние года".',
    fix='Either the plural nominative ("за последние годы") or add the number ("за последние N лет").',
)

register(
    "G106", "ethnic-for-state-adjective", "warning",
    "An ethnic adjective is used where the state adjective is meant.",
    what="""
Before words naming a state's institutions or representatives (лидер, президент, правительство, сторона,
министр, МИД, делегация, посол, ...) "русский" should be "российский" and "казахский" "казахстанский". The
table is `ETHNIC_TO_STATE` in `bakuastana.text.grammar`; pairs whose adjective is both ethnic and state
("азербайджанский") are not in it. "русский язык", "казахская кухня" are correct and not reported.
""",
    why="The ethnic adjective refers to a people and its culture, the state adjective to the country.",
    example='"Казахский лидер пригласил тюркские государства..."',
    fix='"Казахстанский лидер пригласил..."',
)

register(
    "G107", "near-miss-form", "info",
    "A word form that cannot stand where it is, one letter away from a form that fits.",
    what="""
Conservative pattern: an indeclinable possessive ("его", "её", "их"), then an adjective with no noun to
modify, then a verb such as "являться", "считаться", "стать", "служить", "оставаться" that wants an
instrumental noun; if a single dictionary noun in the instrumental is one letter away, it is suggested.
Reported as "info": an elliptical adjective can be correct when its noun was named just before.
""",
    why="One-letter typos that produce another real word pass spell checkers.",
    example='"Их основной является активный и конструктивный диалог".',
    fix='"Их основой является активный и конструктивный диалог".',
)


def grammar_findings(context):
    """Run the G rules over the article text (they need an article: without one there is nothing to read)."""
    if context.article is None:
        return
    from bakuastana.text.grammar import check_grammar

    for hit in check_grammar(context.article.text):
        info = RULES[hit.code]
        fact = context.fact_quoting(hit.start, hit.end)
        yield context.finding(info, hit.message, [fact.id] if fact else [], fact, severity=hit.severity,
                              span=context.span_of(hit.start, hit.end), stated=context.article.text[hit.start:hit.end],
                              fix=hit.fix)


add_check(tuple(f"G10{n}" for n in range(1, 8)), grammar_findings)
