namespace LibraryBot.CatalogAdapter.Embedded;

/// <summary>The demo library's tables. <see cref="Version"/> is stored in <c>PRAGMA user_version</c>.</summary>
internal static class EmbeddedSchema
{
    public const int Version = 1;

    /// <summary>Additions a version-1 file gains when opened (idempotent): the index's words, for typo correction.</summary>
    public const string Additions = """
        CREATE VIRTUAL TABLE IF NOT EXISTS records_vocab USING fts5vocab (records_fts, 'row');
        """;

    public const string Create = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE branches (
            branch_id TEXT PRIMARY KEY, name TEXT NOT NULL, address TEXT, phone TEXT,
            latitude REAL, longitude REAL, pickup INTEGER NOT NULL DEFAULT 1, position INTEGER NOT NULL);
        CREATE TABLE branch_hours (
            branch_id TEXT NOT NULL REFERENCES branches, day INTEGER NOT NULL, opens TEXT NOT NULL, closes TEXT NOT NULL);
        -- Yearly exceptions for every branch (month and day), null opens = closed all day.
        CREATE TABLE hours_exceptions (month INTEGER NOT NULL, day INTEGER NOT NULL, opens TEXT, closes TEXT, reason TEXT);
        CREATE TABLE records (
            id INTEGER PRIMARY KEY, title TEXT NOT NULL, authors TEXT NOT NULL, year INTEGER, language TEXT,
            format TEXT, isbn TEXT, publisher TEXT, subjects TEXT NOT NULL);
        -- Latin scripts: diacritics folded by unicode61, Vietnamese đ folded before indexing. The *_cjk columns hold
        -- the single characters and pairs of CJK text, so one- and two-character Chinese words are found by index.
        CREATE VIRTUAL TABLE records_fts USING fts5 (
            title, author, subject, isbn, title_cjk, author_cjk, subject_cjk, content = '', tokenize = 'unicode61 remove_diacritics 2');
        -- Chinese (and other CJK) records: substring search of three characters or more.
        CREATE VIRTUAL TABLE records_tri USING fts5 (title, author, subject, content = '', tokenize = 'trigram');
        CREATE TABLE items (
            item_id TEXT PRIMARY KEY, record_id INTEGER NOT NULL REFERENCES records, branch_id TEXT NOT NULL REFERENCES branches,
            call_number TEXT, status TEXT NOT NULL);
        CREATE INDEX items_record ON items (record_id, status);
        CREATE TABLE patrons (
            patron_id TEXT PRIMARY KEY, card_number TEXT NOT NULL UNIQUE, first_name TEXT NOT NULL, last_name TEXT NOT NULL,
            pin_hash TEXT, home_branch TEXT REFERENCES branches, expires TEXT NOT NULL, fines_cents INTEGER NOT NULL DEFAULT 0);
        CREATE TABLE loans (
            loan_id INTEGER PRIMARY KEY, patron_id TEXT NOT NULL REFERENCES patrons, item_id TEXT NOT NULL UNIQUE REFERENCES items,
            loaned_on TEXT NOT NULL, due TEXT NOT NULL, renewals INTEGER NOT NULL DEFAULT 0);
        CREATE INDEX loans_patron ON loans (patron_id);
        CREATE TABLE holds (
            hold_id INTEGER PRIMARY KEY, patron_id TEXT NOT NULL REFERENCES patrons, record_id INTEGER NOT NULL REFERENCES records,
            pickup_branch TEXT NOT NULL REFERENCES branches, placed_at INTEGER NOT NULL, status TEXT NOT NULL,
            item_id TEXT REFERENCES items, ready_until TEXT);
        CREATE INDEX holds_patron ON holds (patron_id);
        CREATE INDEX holds_record ON holds (record_id, status);
        CREATE TABLE pin_failures (patron_id TEXT NOT NULL REFERENCES patrons, at INTEGER NOT NULL);
        CREATE INDEX pin_failures_patron ON pin_failures (patron_id, at);
        """;
}
