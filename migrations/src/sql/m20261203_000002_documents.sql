-- The alliance's document library (文件库): working rules, annual plans, summaries. Every version is
-- kept, as text or as a file (a media row owned by the version), with its effective date.

CREATE TABLE documents (
    id          uuid PRIMARY KEY,
    alliance_id uuid        NOT NULL REFERENCES alliances (id) ON DELETE CASCADE,
    kind        text        NOT NULL CHECK (kind IN ('working_rules', 'annual_plan', 'summary', 'other')),
    title       text        NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200),
    created_by  uuid        REFERENCES users (id) ON DELETE SET NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    version     integer     NOT NULL DEFAULT 1
);
CREATE INDEX documents_alliance ON documents (alliance_id, kind);

CREATE TABLE document_versions (
    id           uuid PRIMARY KEY,
    document_id  uuid        NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    number       integer     NOT NULL CHECK (number >= 1),
    label        text        CHECK (label IS NULL OR length(label) <= 50),
    body         text        CHECK (body IS NULL OR length(body) <= 500000),
    effective_on date        NOT NULL,
    note         text        CHECK (note IS NULL OR length(note) <= 2000),
    uploaded_by  uuid        REFERENCES users (id) ON DELETE SET NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    UNIQUE (document_id, number)
);
