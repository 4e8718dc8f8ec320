-- Co-construction agreements (共建协议) between two or more organizations of an alliance, and the
-- commitments (共建目标) they make. `status` stores what people decide (draft, signed, terminated);
-- active and expired follow from the term and the clock and are derived when read.

CREATE TABLE agreements (
    id                    uuid PRIMARY KEY,
    alliance_id           uuid        NOT NULL REFERENCES alliances (id) ON DELETE CASCADE,
    title                 text        NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200),
    body                  text        NOT NULL DEFAULT '' CHECK (length(body) <= 200000),
    valid_from            date        NOT NULL,
    valid_until           date        NOT NULL,
    status                text        NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'signed', 'terminated')),
    renewal_reminder_days integer     NOT NULL DEFAULT 30 CHECK (renewal_reminder_days BETWEEN 0 AND 365),
    terminated_on         date,
    termination_reason    text        CHECK (termination_reason IS NULL OR length(termination_reason) <= 2000),
    -- Renewal: the agreement this one renews; each agreement is renewed at most once.
    previous_agreement_id uuid        REFERENCES agreements (id) ON DELETE SET NULL,
    created_by            uuid        REFERENCES users (id) ON DELETE SET NULL,
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now(),
    version               integer     NOT NULL DEFAULT 1,
    CONSTRAINT agreements_term CHECK (valid_until >= valid_from),
    CONSTRAINT agreements_terminated CHECK ((status = 'terminated') = (terminated_on IS NOT NULL))
);
CREATE INDEX agreements_alliance ON agreements (alliance_id, valid_from DESC);
CREATE UNIQUE INDEX agreements_renewed_once ON agreements (previous_agreement_id) WHERE previous_agreement_id IS NOT NULL;

-- The parties, each with its signatory; an agreement is signed when every party has signed.
CREATE TABLE agreement_parties (
    agreement_id       uuid    NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,
    organization_id    uuid    NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
    position           integer NOT NULL,
    signatory_name     text    CHECK (signatory_name IS NULL OR length(btrim(signatory_name)) BETWEEN 1 AND 100),
    signatory_position text    CHECK (signatory_position IS NULL OR length(signatory_position) <= 100),
    signed_on          date,
    PRIMARY KEY (agreement_id, organization_id),
    CONSTRAINT agreement_parties_signature CHECK (signed_on IS NULL OR signatory_name IS NOT NULL)
);
CREATE INDEX agreement_parties_org ON agreement_parties (organization_id);

CREATE TABLE commitments (
    id                    uuid PRIMARY KEY,
    agreement_id          uuid          NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,
    owner_organization_id uuid          NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
    position              integer       NOT NULL,
    title                 text          NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 300),
    target_text           text          CHECK (target_text IS NULL OR length(target_text) <= 2000),
    target_value          numeric(14,2) CHECK (target_value IS NULL OR target_value > 0),
    target_unit           text          CHECK (target_unit IS NULL OR length(btrim(target_unit)) BETWEEN 1 AND 20),
    progress_value        numeric(14,2) NOT NULL DEFAULT 0 CHECK (progress_value >= 0),
    due_on                date,
    status                text          NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'achieved', 'dropped')),
    created_at            timestamptz   NOT NULL DEFAULT now(),
    updated_at            timestamptz   NOT NULL DEFAULT now(),
    version               integer       NOT NULL DEFAULT 1,
    CONSTRAINT commitments_unit CHECK ((target_unit IS NULL) OR (target_value IS NOT NULL))
);
CREATE INDEX commitments_agreement ON commitments (agreement_id, position);

CREATE TABLE commitment_notes (
    id            uuid PRIMARY KEY,
    commitment_id uuid          NOT NULL REFERENCES commitments (id) ON DELETE CASCADE,
    body          text          NOT NULL CHECK (length(btrim(body)) BETWEEN 1 AND 5000),
    -- The amount this note adds towards the numeric target, when there is one.
    progress_delta numeric(14,2),
    author_id     uuid          REFERENCES users (id) ON DELETE SET NULL,
    created_at    timestamptz   NOT NULL DEFAULT now()
);
CREATE INDEX commitment_notes_commitment ON commitment_notes (commitment_id, created_at);

ALTER TABLE notifications DROP CONSTRAINT IF EXISTS notifications_kind_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind IN (
    'meeting_scheduled', 'meeting_changed', 'agenda_deadline', 'action_item_assigned', 'action_item_due',
    'lead_term_starting', 'agreement_expiring', 'activity_published', 'booking_requested', 'booking_decided'));
