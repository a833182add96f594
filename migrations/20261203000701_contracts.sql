-- Intermediation contracts, drawn when a quote is accepted and signed by the expert and
-- the client's signatory. The exact PDF signed is kept in storage; its SHA-256 here.
CREATE TABLE contracts (
    id               uuid PRIMARY KEY,
    project_id       uuid NOT NULL,
    expert_id        uuid NOT NULL,
    FOREIGN KEY (project_id, expert_id) REFERENCES proposals (project_id, expert_id) ON DELETE RESTRICT,
    version          integer NOT NULL CHECK (version >= 1),
    UNIQUE (project_id, expert_id, version),
    state            text NOT NULL CHECK (state IN ('awaiting_signatures', 'signed', 'void')),
    template_version text NOT NULL,
    language         text NOT NULL CHECK (language IN ('fr', 'en')),
    quote_version    integer NOT NULL,
    FOREIGN KEY (project_id, expert_id, quote_version) REFERENCES quote_versions (project_id, expert_id, version),
    -- The parties, the project and the quote as the document states them.
    snapshot         jsonb NOT NULL,
    document_key     text NOT NULL,
    document_sha256  bytea NOT NULL UNIQUE CHECK (length(document_sha256) = 32),
    final_key        text,
    final_sha256     bytea UNIQUE CHECK (length(final_sha256) = 32),
    drawn_at         timestamptz NOT NULL DEFAULT now(),
    signed_at        timestamptz,
    CHECK ((state = 'signed') = (signed_at IS NOT NULL AND final_sha256 IS NOT NULL)),
    -- The mission contract the parties signed between themselves, or why none follows.
    mission_signed_on date,
    mission_copy_key  text,
    no_mission_reason text CHECK (no_mission_reason IN ('terms_not_agreed', 'project_cancelled', 'expert_unavailable', 'other')),
    mission_declared_at timestamptz,
    mission_declared_by text CHECK (mission_declared_by IN ('client', 'expert', 'admin', 'platform')),
    CHECK (mission_signed_on IS NULL OR no_mission_reason IS NULL)
);
CREATE UNIQUE INDEX contracts_one_alive ON contracts (project_id, expert_id) WHERE state <> 'void';

-- The code of each signer's latest request: a salted SHA-256, never the code.
CREATE TABLE signature_challenges (
    contract_id uuid NOT NULL REFERENCES contracts (id) ON DELETE CASCADE,
    signer      text NOT NULL CHECK (signer IN ('client', 'expert')),
    PRIMARY KEY (contract_id, signer),
    code_salt   bytea NOT NULL CHECK (length(code_salt) = 16),
    code_hash   bytea NOT NULL CHECK (length(code_hash) = 32),
    sent_at     timestamptz NOT NULL,
    failures    integer NOT NULL DEFAULT 0 CHECK (failures BETWEEN 0 AND 5)
);

-- The evidence of every signature, append-only and hash-chained: each record carries the
-- SHA-256 of the previous one and of itself (prev_hash || record), so that a change to any
-- past row breaks every hash after it. `record` is the exact JSON text that was hashed.
CREATE TABLE signature_evidence (
    id          bigserial PRIMARY KEY,
    contract_id uuid NOT NULL REFERENCES contracts (id) ON DELETE RESTRICT,
    signer      text NOT NULL CHECK (signer IN ('client', 'expert')),
    kind        text NOT NULL CHECK (kind IN ('opened', 'code_sent', 'code_refused', 'locked', 'signed')),
    record      text NOT NULL,
    prev_hash   bytea NOT NULL CHECK (length(prev_hash) = 32),
    hash        bytea NOT NULL UNIQUE CHECK (length(hash) = 32),
    created_at  timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX signature_evidence_contract ON signature_evidence (contract_id, id);

CREATE FUNCTION signature_evidence_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the signature evidence is append-only' USING ERRCODE = 'check_violation';
END $$;
CREATE TRIGGER signature_evidence_append_only BEFORE UPDATE OR DELETE ON signature_evidence
    FOR EACH ROW EXECUTE FUNCTION signature_evidence_append_only();

-- The contract's moves in the path's log.
CREATE TABLE contract_events (
    id          bigserial PRIMARY KEY,
    contract_id uuid NOT NULL REFERENCES contracts (id) ON DELETE CASCADE,
    project_id  uuid NOT NULL,
    expert_id   uuid NOT NULL,
    change      text NOT NULL CHECK (change IN ('drawn', 'signed_by', 'signed', 'mission_signed', 'mission_none')),
    party       text NOT NULL CHECK (party IN ('client', 'expert', 'admin', 'platform')),
    created_at  timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX contract_events_path ON contract_events (project_id, expert_id, id);

ALTER TABLE notifications DROP CONSTRAINT notifications_kind_known;
ALTER TABLE notifications
    ADD CONSTRAINT notifications_kind_known CHECK (kind IN ('email_confirmed', 'profile_submitted', 'dossier_to_review', 'profile_approved', 'changes_requested', 'profile_rejected', 'attestation_expiring', 'project_matches', 'proposed_to_client', 'experts_proposed', 'project_ended', 'path_changed', 'decision_overdue', 'step_changed', 'quote_changed', 'contract_changed'));

-- The final document is mailed to both parties as a PDF attachment (kept with the mail
-- for the outbox's 30 days).
ALTER TABLE outbox
    ADD COLUMN attachment_name text,
    ADD COLUMN attachment      bytea,
    ADD CONSTRAINT outbox_attachment_whole CHECK ((attachment_name IS NULL) = (attachment IS NULL));
