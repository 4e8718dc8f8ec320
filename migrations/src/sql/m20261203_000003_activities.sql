-- Joint activities (共建活动): organized by a host and co-organizers (each counts it in its own
-- ledger), optionally serving an agreement's commitment; sign-up ahead and check-in on the day.

CREATE TABLE activities (
    id             uuid PRIMARY KEY,
    alliance_id    uuid        NOT NULL REFERENCES alliances (id) ON DELETE CASCADE,
    agreement_id   uuid        REFERENCES agreements (id) ON DELETE SET NULL,
    commitment_id  uuid        REFERENCES commitments (id) ON DELETE SET NULL,
    kind           text        NOT NULL CHECK (kind IN ('symposium', 'study_session', 'red_education_visit', 'training',
                                                        'volunteer_service', 'donation', 'ceremony', 'sympathy_visit',
                                                        'cultural_event', 'other')),
    theme          text        NOT NULL CHECK (length(btrim(theme)) BETWEEN 1 AND 200),
    starts_at      timestamptz NOT NULL,
    ends_at        timestamptz NOT NULL,
    location       text        CHECK (location IS NULL OR length(location) <= 300),
    signup_closes_at timestamptz,
    capacity       integer     CHECK (capacity IS NULL OR capacity BETWEEN 1 AND 100000),
    status         text        NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'completed', 'published', 'cancelled')),
    summary        text        CHECK (summary IS NULL OR length(summary) <= 500),
    report         text        NOT NULL DEFAULT '' CHECK (length(report) <= 200000),
    outcomes       text        CHECK (outcomes IS NULL OR length(outcomes) <= 20000),
    check_in_code  text        NOT NULL,
    published_at   timestamptz,
    -- The cover photo: a media row of this activity (the foreign key is added with the media table).
    cover_media_id uuid,
    created_by     uuid        REFERENCES users (id) ON DELETE SET NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    version        integer     NOT NULL DEFAULT 1,
    CONSTRAINT activities_period CHECK (ends_at > starts_at),
    CONSTRAINT activities_published CHECK ((status = 'published') = (published_at IS NOT NULL))
);
CREATE INDEX activities_alliance_start ON activities (alliance_id, starts_at DESC);
CREATE INDEX activities_commitment ON activities (commitment_id) WHERE commitment_id IS NOT NULL;
-- The public news feed: published activities, newest first.
CREATE INDEX activities_published_at ON activities (published_at DESC, id) WHERE status = 'published';

CREATE TABLE activity_organizers (
    activity_id     uuid NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
    organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
    role            text NOT NULL CHECK (role IN ('host', 'co_organizer')),
    PRIMARY KEY (activity_id, organization_id)
);
CREATE UNIQUE INDEX activity_organizers_one_host ON activity_organizers (activity_id) WHERE role = 'host';
CREATE INDEX activity_organizers_org ON activity_organizers (organization_id);

-- People with accounts: signed up ahead, checked in on the day (by code, QR link or an organizer).
CREATE TABLE activity_participants (
    id              uuid PRIMARY KEY,
    activity_id     uuid        NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
    user_id         uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    organization_id uuid        REFERENCES organizations (id) ON DELETE SET NULL,
    signed_up_at    timestamptz,
    checked_in_at   timestamptz,
    checked_in_by   uuid        REFERENCES users (id) ON DELETE SET NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (activity_id, user_id)
);

-- People without accounts, counted per organization.
CREATE TABLE activity_headcounts (
    activity_id     uuid    NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
    organization_id uuid    NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    head_count      integer NOT NULL CHECK (head_count BETWEEN 0 AND 100000),
    PRIMARY KEY (activity_id, organization_id)
);
