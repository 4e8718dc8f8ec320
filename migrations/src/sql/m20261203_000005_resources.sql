-- Shared resources (资源共享): what an organization offers to its alliances, and the bookings other
-- member organizations request. Two approved (or used) bookings of one resource never overlap.

CREATE TABLE shared_resources (
    id              uuid PRIMARY KEY,
    organization_id uuid        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    kind            text        NOT NULL CHECK (kind IN ('venue', 'education_base', 'course', 'expert', 'volunteer_team', 'materials')),
    name            text        NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    description     text        CHECK (description IS NULL OR length(description) <= 20000),
    capacity        integer     CHECK (capacity IS NULL OR capacity BETWEEN 1 AND 100000),
    availability    text        CHECK (availability IS NULL OR length(availability) <= 2000),
    rules           text        CHECK (rules IS NULL OR length(rules) <= 20000),
    location        text        CHECK (location IS NULL OR length(location) <= 300),
    withdrawn_at    timestamptz,
    created_by      uuid        REFERENCES users (id) ON DELETE SET NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    version         integer     NOT NULL DEFAULT 1
);
CREATE INDEX shared_resources_org ON shared_resources (organization_id);

-- The alliances a resource is offered to (the offering organization must be a current member).
CREATE TABLE shared_resource_alliances (
    resource_id uuid NOT NULL REFERENCES shared_resources (id) ON DELETE CASCADE,
    alliance_id uuid NOT NULL REFERENCES alliances (id) ON DELETE CASCADE,
    PRIMARY KEY (resource_id, alliance_id)
);
CREATE INDEX shared_resource_alliances_alliance ON shared_resource_alliances (alliance_id);

CREATE TABLE resource_bookings (
    id                         uuid PRIMARY KEY,
    resource_id                uuid        NOT NULL REFERENCES shared_resources (id) ON DELETE CASCADE,
    alliance_id                uuid        NOT NULL REFERENCES alliances (id) ON DELETE CASCADE,
    requesting_organization_id uuid        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    activity_id                uuid        REFERENCES activities (id) ON DELETE SET NULL,
    starts_at                  timestamptz NOT NULL,
    ends_at                    timestamptz NOT NULL,
    purpose                    text        CHECK (purpose IS NULL OR length(purpose) <= 2000),
    status                     text        NOT NULL DEFAULT 'requested'
                                           CHECK (status IN ('requested', 'approved', 'declined', 'used', 'cancelled')),
    decision_reason            text        CHECK (decision_reason IS NULL OR length(decision_reason) <= 2000),
    decided_by                 uuid        REFERENCES users (id) ON DELETE SET NULL,
    decided_at                 timestamptz,
    -- What was given, once used: the contribution ledger.
    contribution_note          text        CHECK (contribution_note IS NULL OR length(contribution_note) <= 5000),
    requested_by               uuid        REFERENCES users (id) ON DELETE SET NULL,
    created_at                 timestamptz NOT NULL DEFAULT now(),
    updated_at                 timestamptz NOT NULL DEFAULT now(),
    version                    integer     NOT NULL DEFAULT 1,
    CONSTRAINT resource_bookings_period CHECK (ends_at > starts_at),
    CONSTRAINT resource_bookings_declined CHECK (status <> 'declined' OR decision_reason IS NOT NULL),
    CONSTRAINT resource_bookings_no_overlap EXCLUDE USING gist (
        resource_id WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&
    ) WHERE (status IN ('approved', 'used'))
);
CREATE INDEX resource_bookings_resource ON resource_bookings (resource_id, starts_at);
CREATE INDEX resource_bookings_alliance ON resource_bookings (alliance_id, starts_at);
