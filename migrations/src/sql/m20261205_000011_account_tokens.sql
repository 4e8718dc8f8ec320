-- One-time links of an account: a password reset, or the confirmation of a new e-mail address.
-- Only a SHA-256 hash of the secret is kept; a link works once (used_at) and until expires_at.
CREATE TABLE account_tokens (
    id          uuid PRIMARY KEY,
    user_id     uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind        text        NOT NULL CHECK (kind IN ('password_reset', 'email_change')),
    token_hash  bytea       NOT NULL UNIQUE,
    -- The address an e-mail change switches to.
    new_email   text CHECK (new_email IS NULL OR new_email = lower(new_email)),
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz,
    CONSTRAINT account_tokens_new_email CHECK ((kind = 'email_change') = (new_email IS NOT NULL))
);
CREATE INDEX account_tokens_user ON account_tokens (user_id, kind);
