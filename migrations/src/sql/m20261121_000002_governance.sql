-- Governance: joint meetings tracked to completion, notifications and calendar feeds.

CREATE TABLE meetings (
    id                   uuid PRIMARY KEY,
    alliance_id          uuid        NOT NULL REFERENCES alliances (id) ON DELETE CASCADE,
    host_organization_id uuid        REFERENCES organizations (id) ON DELETE SET NULL,
    kind                 text        NOT NULL CHECK (kind IN ('preparatory', 'regular', 'symposium', 'work_summary')),
    title                text        NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200),
    starts_at            timestamptz NOT NULL,
    ends_at              timestamptz NOT NULL,
    location             text,
    online_url           text,
    status               text        NOT NULL DEFAULT 'scheduled'
                                     CHECK (status IN ('draft', 'scheduled', 'in_progress', 'completed', 'cancelled')),
    check_in_code        text        NOT NULL,
    created_by           uuid        REFERENCES users (id) ON DELETE SET NULL,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    version              integer     NOT NULL DEFAULT 1,
    CONSTRAINT meetings_period CHECK (ends_at > starts_at)
);
CREATE INDEX meetings_alliance_start ON meetings (alliance_id, starts_at);

CREATE TABLE agenda_items (
    id                       uuid PRIMARY KEY,
    meeting_id               uuid        NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    position                 integer     NOT NULL,
    title                    text        NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200),
    presenter_organization_id uuid       REFERENCES organizations (id) ON DELETE SET NULL,
    minutes_allotted         integer     CHECK (minutes_allotted IS NULL OR minutes_allotted BETWEEN 1 AND 480),
    proposed_by_organization_id uuid     REFERENCES organizations (id) ON DELETE SET NULL,
    proposed_by              uuid        REFERENCES users (id) ON DELETE SET NULL,
    status                   text        NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'accepted', 'rejected')),
    created_at               timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX agenda_items_meeting ON agenda_items (meeting_id, position);

-- Invited organizations (user_id NULL) and people; RSVP and check-in per person.
CREATE TABLE attendances (
    id              uuid PRIMARY KEY,
    meeting_id      uuid        NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    organization_id uuid        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    user_id         uuid        REFERENCES users (id) ON DELETE CASCADE,
    rsvp            text        NOT NULL DEFAULT 'pending' CHECK (rsvp IN ('pending', 'yes', 'no', 'maybe')),
    checked_in_at   timestamptz,
    checked_in_by   uuid        REFERENCES users (id) ON DELETE SET NULL,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX attendances_one_per_person ON attendances (meeting_id, user_id) WHERE user_id IS NOT NULL;
CREATE INDEX attendances_meeting ON attendances (meeting_id);

CREATE TABLE minutes (
    meeting_id  uuid PRIMARY KEY REFERENCES meetings (id) ON DELETE CASCADE,
    body        text        NOT NULL,
    status      text        NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'approved')),
    approved_by uuid        REFERENCES users (id) ON DELETE SET NULL,
    approved_at timestamptz,
    updated_by  uuid        REFERENCES users (id) ON DELETE SET NULL,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    version     integer     NOT NULL DEFAULT 1,
    CONSTRAINT minutes_approval CHECK ((status = 'approved') = (approved_at IS NOT NULL))
);

CREATE TABLE decisions (
    id         uuid PRIMARY KEY,
    meeting_id uuid        NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    text       text        NOT NULL CHECK (length(btrim(text)) BETWEEN 1 AND 2000),
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX decisions_meeting ON decisions (meeting_id);

CREATE TABLE action_items (
    id                       uuid PRIMARY KEY,
    meeting_id               uuid        NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    decision_id              uuid        REFERENCES decisions (id) ON DELETE SET NULL,
    title                    text        NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 500),
    assignee_organization_id uuid        NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
    assignee_user_id         uuid        REFERENCES users (id) ON DELETE SET NULL,
    due_on                   date,
    status                   text        NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'done', 'cancelled')),
    completed_at             timestamptz,
    created_at               timestamptz NOT NULL DEFAULT now(),
    updated_at               timestamptz NOT NULL DEFAULT now(),
    version                  integer     NOT NULL DEFAULT 1
);
CREATE INDEX action_items_meeting ON action_items (meeting_id);
CREATE INDEX action_items_open ON action_items (assignee_organization_id) WHERE status IN ('open', 'in_progress');

CREATE TABLE action_item_notes (
    id             uuid PRIMARY KEY,
    action_item_id uuid        NOT NULL REFERENCES action_items (id) ON DELETE CASCADE,
    author_id      uuid        REFERENCES users (id) ON DELETE SET NULL,
    text           text        NOT NULL,
    status         text,
    created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX action_item_notes_item ON action_item_notes (action_item_id);

CREATE TABLE notifications (
    id          uuid PRIMARY KEY,
    user_id     uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind        text        NOT NULL CHECK (kind IN ('meeting_scheduled', 'meeting_changed', 'agenda_deadline', 'action_item_assigned',
                                                     'action_item_due', 'lead_term_starting')),
    entity_type text        NOT NULL,
    entity_id   uuid        NOT NULL,
    title       text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    read_at     timestamptz,
    -- A reminder of one kind about one thing is sent once per person.
    dedupe_key  text        UNIQUE
);
CREATE INDEX notifications_user_unread ON notifications (user_id, created_at) WHERE read_at IS NULL;

-- Secret iCalendar feed URLs, per user (alliance_id NULL: all their alliances) or per alliance.
CREATE TABLE calendar_feeds (
    id          uuid PRIMARY KEY,
    user_id     uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    alliance_id uuid        REFERENCES alliances (id) ON DELETE CASCADE,
    token_hash  bytea       NOT NULL UNIQUE,
    created_at  timestamptz NOT NULL DEFAULT now(),
    revoked_at  timestamptz
);
