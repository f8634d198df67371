-- The archive index (bakuastana index ARCHIVE -o archive.sqlite), schema version 1.
-- meta: key/value; "schema" is the version below, "tool" the bakuastana version that wrote it.
-- articles: one row per article; hash is SHA-256 of the article's bytes and its store's (or "draft"):
--   an article whose hash is unchanged is not indexed again. error: the one line saying why it was not read.
-- facts: one row per stated fact with a value (claims, dates and years are left out); low, high and nominal
--   are the value's interval in base units as exact fractions ("p/q", "inf", "-inf"), with REAL copies for
--   sorting; dims is the base dimension ("kg", "USD"); subjects the entity ids joined by ",".
--   lead: the words of the quote's sentence before the quote (what X102 reads for "revised").
--   line/column..end_line/end_column: the figure's span in the article (its quote's when the figure is not found).
-- fact_subjects: one row per (fact, subject), to select by subject.
-- Each article is written in one transaction: an interrupted run leaves every article either fully indexed as
-- before or fully as now.
CREATE TABLE IF NOT EXISTS meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS articles (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    store TEXT,
    hash TEXT NOT NULL,
    outlet TEXT,
    language TEXT,
    published TEXT,
    title TEXT,
    error TEXT
);
CREATE TABLE IF NOT EXISTS facts (
    article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    fact TEXT NOT NULL,
    measure TEXT,
    subjects TEXT NOT NULL,
    period TEXT,
    period_start TEXT,
    period_end TEXT,
    low TEXT,
    high TEXT,
    nominal TEXT,
    low_value REAL,
    high_value REAL,
    nominal_value REAL,
    unit TEXT,
    dims TEXT,
    kind TEXT NOT NULL,
    hedge TEXT,
    figure TEXT,
    quote TEXT NOT NULL,
    lead TEXT NOT NULL,
    line INTEGER,
    "column" INTEGER,
    end_line INTEGER,
    end_column INTEGER,
    PRIMARY KEY (article, fact)
);
CREATE TABLE IF NOT EXISTS fact_subjects (
    article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    fact TEXT NOT NULL,
    subject TEXT NOT NULL,
    PRIMARY KEY (article, fact, subject)
);
CREATE INDEX IF NOT EXISTS facts_by_measure ON facts (measure, period_start, period_end);
CREATE INDEX IF NOT EXISTS subjects_by_subject ON fact_subjects (subject);
