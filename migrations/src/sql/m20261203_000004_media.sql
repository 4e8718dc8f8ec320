-- Photos and files. Bytes live in the object store under `object_key` (a UUID, never the original
-- name); a row owns at most one of activity, agreement or document version. When its owner is
-- deleted the row loses it (SET NULL) and the sweep job removes the objects and the row.

CREATE TABLE media (
    id                  uuid PRIMARY KEY,
    alliance_id         uuid        NOT NULL REFERENCES alliances (id) ON DELETE CASCADE,
    activity_id         uuid        REFERENCES activities (id) ON DELETE SET NULL,
    agreement_id        uuid        REFERENCES agreements (id) ON DELETE SET NULL,
    document_version_id uuid        REFERENCES document_versions (id) ON DELETE SET NULL,
    kind                text        NOT NULL CHECK (kind IN ('photo', 'file')),
    object_key          text        NOT NULL UNIQUE,
    -- Keys of the derived copies of a photo (thumbnail, web size); NULL for files.
    thumbnail_key       text,
    web_key             text,
    original_name       text        NOT NULL CHECK (length(original_name) BETWEEN 1 AND 255),
    content_type        text        NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp', 'application/pdf')),
    byte_size           bigint      NOT NULL CHECK (byte_size > 0),
    sha256              text        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    width               integer,
    height              integer,
    caption             text        CHECK (caption IS NULL OR length(caption) <= 500),
    taken_at            timestamptz,
    taken_at_source     text        CHECK (taken_at_source IS NULL OR taken_at_source IN ('exif', 'upload', 'edited')),
    position            integer     NOT NULL DEFAULT 0,
    uploaded_by         uuid        REFERENCES users (id) ON DELETE SET NULL,
    created_at          timestamptz NOT NULL DEFAULT now(),
    -- Set when the owner went away or the media was deleted: the sweep job removes it.
    orphaned_at         timestamptz,
    version             integer     NOT NULL DEFAULT 1,
    CONSTRAINT media_one_owner CHECK (num_nonnulls(activity_id, agreement_id, document_version_id) <= 1)
);
CREATE INDEX media_activity ON media (activity_id, position) WHERE activity_id IS NOT NULL;
CREATE INDEX media_agreement ON media (agreement_id) WHERE agreement_id IS NOT NULL;
CREATE INDEX media_document_version ON media (document_version_id) WHERE document_version_id IS NOT NULL;
CREATE INDEX media_ownerless ON media (created_at)
    WHERE activity_id IS NULL AND agreement_id IS NULL AND document_version_id IS NULL;

ALTER TABLE activities ADD CONSTRAINT activities_cover_media
    FOREIGN KEY (cover_media_id) REFERENCES media (id) ON DELETE SET NULL;

-- When an owner's deletion clears the last owner column, the row is marked for the sweep at once.
CREATE FUNCTION media_mark_orphaned() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.activity_id IS NULL AND NEW.agreement_id IS NULL AND NEW.document_version_id IS NULL
       AND NEW.orphaned_at IS NULL
       AND (OLD.activity_id IS NOT NULL OR OLD.agreement_id IS NOT NULL OR OLD.document_version_id IS NOT NULL) THEN
        NEW.orphaned_at := now();
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER media_orphaned BEFORE UPDATE OF activity_id, agreement_id, document_version_id ON media
    FOR EACH ROW EXECUTE FUNCTION media_mark_orphaned();
