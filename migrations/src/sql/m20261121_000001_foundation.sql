-- Foundation schema. Frozen once landed: later changes go in new migrations.
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE users (
    id                uuid PRIMARY KEY,
    name              text        NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 100),
    -- Stored lower-cased by the domain; the CHECK keeps every writer honest.
    email             text        UNIQUE CHECK (email IS NULL OR (email = lower(email) AND email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$')),
    phone             text        UNIQUE CHECK (phone IS NULL OR phone ~ '^\+?[0-9]{6,20}$'),
    password_hash     text,
    locale            text        NOT NULL DEFAULT 'zh-CN' CHECK (locale IN ('zh-CN', 'en')),
    is_platform_admin boolean     NOT NULL DEFAULT false,
    disabled_at       timestamptz,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    version           integer     NOT NULL DEFAULT 1,
    CONSTRAINT users_email_or_phone CHECK (email IS NOT NULL OR phone IS NOT NULL)
);

CREATE TABLE organizations (
    id          uuid PRIMARY KEY,
    name        text        NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    name_en     text        CHECK (name_en IS NULL OR length(name_en) <= 200),
    kind        text        NOT NULL CHECK (kind IN ('enterprise_branch', 'social_organization', 'community', 'school',
                                                      'hospital', 'chamber_of_commerce', 'government_department', 'other')),
    host_entity text,
    region      text,
    founded_on  date,
    honours     text[]      NOT NULL DEFAULT '{}',
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    version     integer     NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX organizations_name_key ON organizations (lower(name));

CREATE TABLE organization_memberships (
    id              uuid PRIMARY KEY,
    user_id         uuid    NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    organization_id uuid    NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    position        text    NOT NULL CHECK (position IN ('secretary', 'deputy_secretary', 'organization_committee',
                                                         'propaganda_committee', 'discipline_committee',
                                                         'youth_committee', 'member')),
    is_org_admin    boolean NOT NULL DEFAULT false,
    joined_on       date    NOT NULL,
    left_on         date,
    created_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT organization_memberships_dates CHECK (left_on IS NULL OR left_on >= joined_on)
);
-- One current secretary per organization; one current membership per user and organization.
CREATE UNIQUE INDEX organization_memberships_one_secretary
    ON organization_memberships (organization_id) WHERE position = 'secretary' AND left_on IS NULL;
CREATE UNIQUE INDEX organization_memberships_one_current
    ON organization_memberships (user_id, organization_id) WHERE left_on IS NULL;
CREATE INDEX organization_memberships_user ON organization_memberships (user_id);

CREATE TABLE alliances (
    id                   uuid PRIMARY KEY,
    name                 text    NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    name_en              text,
    kind                 text    NOT NULL CHECK (kind IN ('pairing', 'tripartite', 'consortium')),
    status               text    NOT NULL DEFAULT 'preparatory' CHECK (status IN ('preparatory', 'active', 'dissolved')),
    founded_on           date,
    supervising_body     text,
    instructor           text,
    rotation_period      text    NOT NULL DEFAULT 'quarter' CHECK (rotation_period IN ('month', 'quarter', 'half_year', 'year')),
    visibility           text    NOT NULL DEFAULT 'members' CHECK (visibility IN ('public', 'members')),
    working_rules        text,
    agenda_deadline_days integer NOT NULL DEFAULT 7 CHECK (agenda_deadline_days BETWEEN 0 AND 60),
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    version              integer NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX alliances_name_key ON alliances (lower(name));

CREATE TABLE alliance_memberships (
    id              uuid PRIMARY KEY,
    alliance_id     uuid    NOT NULL REFERENCES alliances (id) ON DELETE CASCADE,
    organization_id uuid    NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
    joined_on       date    NOT NULL,
    left_on         date,
    rotation_order  integer NOT NULL CHECK (rotation_order >= 0),
    created_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT alliance_memberships_dates CHECK (left_on IS NULL OR left_on > joined_on),
    -- An organization is in an alliance at most once at a time.
    CONSTRAINT alliance_memberships_no_overlap EXCLUDE USING gist (
        alliance_id WITH =, organization_id WITH =, daterange(joined_on, left_on) WITH &&)
);
CREATE INDEX alliance_memberships_org ON alliance_memberships (organization_id);

-- The rotating lead unit. Periods are [starts_at, ends_at); at most one lead per alliance at any instant.
CREATE TABLE lead_terms (
    id               uuid PRIMARY KEY,
    alliance_id      uuid        NOT NULL REFERENCES alliances (id) ON DELETE CASCADE,
    organization_id  uuid        NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
    starts_at        timestamptz NOT NULL,
    ends_at          timestamptz NOT NULL,
    handover_report  text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    version          integer     NOT NULL DEFAULT 1,
    CONSTRAINT lead_terms_period CHECK (ends_at > starts_at),
    CONSTRAINT lead_term_no_overlap EXCLUDE USING gist (
        alliance_id WITH =, tstzrange(starts_at, ends_at) WITH &&)
);
CREATE INDEX lead_terms_org ON lead_terms (organization_id);

CREATE TABLE role_grants (
    id          uuid PRIMARY KEY,
    user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    alliance_id uuid NOT NULL REFERENCES alliances (id) ON DELETE CASCADE,
    role        text NOT NULL CHECK (role IN ('alliance_admin', 'supervisor')),
    granted_by  uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    revoked_at  timestamptz
);
CREATE UNIQUE INDEX role_grants_one_active ON role_grants (user_id, alliance_id, role) WHERE revoked_at IS NULL;

-- A login session is a family of refresh tokens; reuse of a rotated token revokes the family.
CREATE TABLE sessions (
    id             uuid PRIMARY KEY,
    user_id        uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at     timestamptz NOT NULL DEFAULT now(),
    last_used_at   timestamptz NOT NULL DEFAULT now(),
    expires_at     timestamptz NOT NULL,
    revoked_at     timestamptz,
    revoked_reason text CHECK (revoked_reason IN ('logout', 'password_changed', 'reuse_detected', 'user_disabled')),
    user_agent     text,
    client_address text
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE refresh_tokens (
    id         uuid PRIMARY KEY,
    session_id uuid        NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    token_hash bytea       NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now(),
    used_at    timestamptz
);
CREATE INDEX refresh_tokens_session ON refresh_tokens (session_id);

CREATE TABLE integration_tokens (
    id              uuid PRIMARY KEY,
    name            text        NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 100),
    prefix          text        NOT NULL,
    token_hash      bytea       NOT NULL UNIQUE,
    scopes          text[]      NOT NULL CHECK (cardinality(scopes) > 0),
    alliance_id     uuid REFERENCES alliances (id) ON DELETE CASCADE,
    organization_id uuid REFERENCES organizations (id) ON DELETE CASCADE,
    created_by      uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    expires_at      timestamptz NOT NULL,
    revoked_at      timestamptz,
    last_used_at    timestamptz,
    CONSTRAINT integration_tokens_one_target CHECK ((alliance_id IS NULL) <> (organization_id IS NULL))
);

-- Failed-login counters per account and per client address (key = 'account:<login>' or 'address:<ip>').
CREATE TABLE login_throttle (
    key             text PRIMARY KEY,
    failures        integer     NOT NULL DEFAULT 0,
    window_start    timestamptz NOT NULL DEFAULT now(),
    locked_until    timestamptz
);

CREATE TABLE invitations (
    id               uuid PRIMARY KEY,
    organization_id  uuid        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    name             text        NOT NULL,
    email            text CHECK (email IS NULL OR email = lower(email)),
    phone            text,
    position         text        NOT NULL DEFAULT 'member',
    is_org_admin     boolean     NOT NULL DEFAULT false,
    token_hash       bytea       NOT NULL UNIQUE,
    invited_by       uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    expires_at       timestamptz NOT NULL,
    accepted_at      timestamptz,
    accepted_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT invitations_email_or_phone CHECK (email IS NOT NULL OR phone IS NOT NULL)
);
CREATE INDEX invitations_org ON invitations (organization_id);

CREATE TABLE audit_log (
    id          uuid PRIMARY KEY,
    actor_user_id  uuid REFERENCES users (id) ON DELETE SET NULL,
    actor_token_id uuid REFERENCES integration_tokens (id) ON DELETE SET NULL,
    action      text        NOT NULL,
    entity_type text        NOT NULL,
    entity_id   uuid,
    changes     jsonb       NOT NULL DEFAULT '{}',
    at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_log_entity ON audit_log (entity_type, entity_id);
CREATE INDEX audit_log_at ON audit_log (at);
