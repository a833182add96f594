-- Accounts, e-mail tokens, rate limits, the e-mail outbox and in-app notifications.

CREATE TABLE accounts (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    email             text NOT NULL CHECK (email = lower(email) AND length(email) <= 254),
    password_hash     text NOT NULL,
    role              text NOT NULL CHECK (role IN ('provider', 'client', 'admin')),
    display_name      text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 120),
    email_verified_at timestamptz,
    disabled_at       timestamptz,
    -- Bumped on password change or disabling: every session of the account ends.
    session_version   integer NOT NULL DEFAULT 1,
    created_at        timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX accounts_email_key ON accounts (email);

CREATE TABLE providers (
    account_id  uuid PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    kind        text NOT NULL CHECK (kind IN ('consultant', 'expert', 'tpe')),
    first_name  text NOT NULL CHECK (length(first_name) BETWEEN 1 AND 80),
    last_name   text NOT NULL CHECK (length(last_name) BETWEEN 1 AND 80)
);

CREATE TABLE clients (
    account_id          uuid PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    company_name        text NOT NULL CHECK (length(company_name) BETWEEN 1 AND 160),
    siret               text NOT NULL CHECK (siret ~ '^[0-9]{14}$'),
    contact_first_name  text NOT NULL CHECK (length(contact_first_name) BETWEEN 1 AND 80),
    contact_last_name   text NOT NULL CHECK (length(contact_last_name) BETWEEN 1 AND 80)
);

-- Single-use links sent by e-mail. Only a SHA-256 of the token is stored.
CREATE TABLE email_tokens (
    token_hash  bytea PRIMARY KEY,
    account_id  uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    purpose     text NOT NULL CHECK (purpose IN ('verify_email', 'reset_password')),
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX email_tokens_account ON email_tokens (account_id, purpose);

-- Fixed-window counters shared by every server process.
CREATE TABLE rate_limits (
    key           text NOT NULL,
    window_start  timestamptz NOT NULL,
    hits          integer NOT NULL,
    PRIMARY KEY (key, window_start)
);

-- Transactional outbox: written in the same transaction as the change that causes the mail.
CREATE TABLE outbox (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    recipient        text NOT NULL,
    subject          text NOT NULL,
    body_text        text NOT NULL,
    body_html        text NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    attempts         integer NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL DEFAULT now(),
    locked_until     timestamptz,
    sent_at          timestamptz,
    failed_at        timestamptz,
    last_error       text
);
CREATE INDEX outbox_pending ON outbox (next_attempt_at) WHERE sent_at IS NULL AND failed_at IS NULL;

CREATE TABLE notifications (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id  uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    title       text NOT NULL,
    body        text NOT NULL,
    link        text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    read_at     timestamptz
);
CREATE INDEX notifications_unread ON notifications (account_id) WHERE read_at IS NULL;
