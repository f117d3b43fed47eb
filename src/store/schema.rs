//! The store's SQL schema and its migrations (documented in docs/store.md).
//!
//! `PRAGMA application_id` marks a dipgraph store; `PRAGMA user_version` is the number of
//! migrations applied. A store is brought up to date by running the missing migrations in
//! one transaction; a store with a higher version was written by a newer dipgraph and is refused.

/// `PRAGMA application_id` of a dipgraph store: "DIPG" in ASCII.
pub const APPLICATION_ID: i32 = 0x4449_5047;

/// Migrations in order; migration `i` takes a store from version `i` to `i + 1`.
pub const MIGRATIONS: &[&str] = &[V1];

/// The schema version this dipgraph reads and writes.
pub const SCHEMA_VERSION: i32 = MIGRATIONS.len() as i32;

/// Version 1: documents, entities (aggregated, with the per-document variants and aliases that
/// make removal exact), statements with their evidence, affiliations, and readable views.
const V1: &str = r#"
CREATE TABLE documents (
    doc      INTEGER PRIMARY KEY,
    id       TEXT NOT NULL UNIQUE,
    hash     TEXT NOT NULL,
    date     TEXT,
    title    TEXT,
    source   TEXT,
    url      TEXT,
    -- What the document says of each entity, as JSON [[entity, variant, mentions, [alias, ...]], ...]
    -- (rowids of entities, variants and aliases), so the document can be removed or exported exactly.
    entities TEXT NOT NULL
);

CREATE TABLE entities (
    entity    INTEGER PRIMARY KEY,
    id        TEXT NOT NULL UNIQUE,
    name      TEXT NOT NULL,
    kind      TEXT NOT NULL,
    country   TEXT,
    mentions  INTEGER NOT NULL,
    documents INTEGER NOT NULL,
    id_lc     TEXT NOT NULL,
    name_lc   TEXT NOT NULL
);
CREATE INDEX entities_id_lc ON entities(id_lc);
CREATE INDEX entities_name_lc ON entities(name_lc);
CREATE INDEX entities_country ON entities(country COLLATE NOCASE);

CREATE TABLE variants (
    variant   INTEGER PRIMARY KEY,
    entity    INTEGER NOT NULL REFERENCES entities(entity),
    name      TEXT NOT NULL,
    kind      TEXT NOT NULL,
    country   TEXT NOT NULL,
    documents INTEGER NOT NULL,
    UNIQUE (entity, name, kind, country)
);

CREATE TABLE aliases (
    alias     INTEGER PRIMARY KEY,
    entity    INTEGER NOT NULL REFERENCES entities(entity),
    text      TEXT NOT NULL,
    text_lc   TEXT NOT NULL,
    documents INTEGER NOT NULL,
    UNIQUE (entity, text)
);
CREATE INDEX aliases_text_lc ON aliases(text_lc);

CREATE TABLE statements (
    statement  INTEGER PRIMARY KEY,
    doc        INTEGER NOT NULL REFERENCES documents(doc),
    sentence   INTEGER NOT NULL,
    span_start INTEGER NOT NULL,
    span_end   INTEGER NOT NULL,
    source     INTEGER NOT NULL REFERENCES entities(entity),
    relation   TEXT NOT NULL,
    family     TEXT NOT NULL,
    target     INTEGER REFERENCES entities(entity),
    speaker    INTEGER REFERENCES entities(entity),
    evidence   TEXT NOT NULL,
    cue        TEXT NOT NULL,
    topic      TEXT,
    date       TEXT,
    confidence REAL NOT NULL,
    explicit   INTEGER NOT NULL,
    cameo      TEXT NOT NULL,
    plover     TEXT NOT NULL,
    weight     REAL NOT NULL
);
CREATE INDEX statements_source ON statements(source, relation, target);
CREATE INDEX statements_target ON statements(target, relation);
CREATE INDEX statements_doc ON statements(doc);

CREATE TABLE affiliations (
    member INTEGER NOT NULL REFERENCES entities(entity),
    body   INTEGER NOT NULL REFERENCES entities(entity),
    doc    INTEGER NOT NULL REFERENCES documents(doc),
    PRIMARY KEY (member, body, doc)
) WITHOUT ROWID;
CREATE INDEX affiliations_doc ON affiliations(doc);

-- One row a statement, with names instead of rowids: what a sqlite3 session reads.
CREATE VIEW statement_view AS
SELECT d.id AS doc, s.sentence, s.span_start, s.span_end,
       src.id AS source, src.name AS source_name, src.country AS source_country,
       s.relation, s.family,
       tgt.id AS target, tgt.name AS target_name, tgt.country AS target_country,
       spk.id AS speaker, s.date, s.cue, s.topic, s.evidence, s.confidence, s.explicit,
       s.cameo, s.plover, s.weight
FROM statements s
JOIN documents d ON d.doc = s.doc
JOIN entities src ON src.entity = s.source
LEFT JOIN entities tgt ON tgt.entity = s.target
LEFT JOIN entities spk ON spk.entity = s.speaker;

-- One row a (source, relation, target) edge, as the graph shows it.
CREATE VIEW edge_view AS
SELECT src.id AS source, src.name AS source_name, s.relation, s.family,
       tgt.id AS target, tgt.name AS target_name,
       count(*) AS count, count(DISTINCT s.doc) AS documents,
       min(s.date) AS first_date, max(s.date) AS last_date
FROM statements s
JOIN entities src ON src.entity = s.source
JOIN entities tgt ON tgt.entity = s.target
GROUP BY s.source, s.relation, s.target;
"#;
