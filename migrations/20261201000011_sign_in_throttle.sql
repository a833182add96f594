-- Sign-in failures per (account, client address): after a few, the next attempt has to
-- wait, twice as long after each further failure; a successful sign-in deletes the row.
CREATE TABLE sign_in_throttle (
    key            text PRIMARY KEY,
    failures       integer NOT NULL CHECK (failures >= 0),
    blocked_until  timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sign_in_throttle_updated ON sign_in_throttle (updated_at);
