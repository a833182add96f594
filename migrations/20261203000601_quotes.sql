-- Quotes (devis): one per path, written by the selected expert, answered by the client.
-- Versioned: a revision is a new row of quote_versions and the older ones stay; the
-- accepted version is frozen (the trigger below refuses any change to it or its lines).
CREATE TABLE quotes (
    project_id uuid NOT NULL,
    expert_id  uuid NOT NULL,
    FOREIGN KEY (project_id, expert_id) REFERENCES proposals (project_id, expert_id) ON DELETE CASCADE,
    PRIMARY KEY (project_id, expert_id),
    -- The quote's reference, DEV-000042-v2: one number per quote, then the version.
    number     bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE quote_versions (
    project_id       uuid NOT NULL,
    expert_id        uuid NOT NULL,
    FOREIGN KEY (project_id, expert_id) REFERENCES quotes (project_id, expert_id) ON DELETE CASCADE,
    version          integer NOT NULL CHECK (version >= 1),
    PRIMARY KEY (project_id, expert_id, version),
    state            text NOT NULL CHECK (state IN ('sent', 'revision_requested', 'accepted', 'superseded')),
    franchise        boolean NOT NULL,
    start_date       date NOT NULL,
    duration_days    integer NOT NULL CHECK (duration_days BETWEEN 1 AND 730),
    terms_basis      text NOT NULL CHECK (terms_basis IN ('after_service', 'after_invoice', 'end_of_month')),
    terms_days       integer NOT NULL CHECK (terms_days BETWEEN 0 AND 60),
    CHECK (terms_basis <> 'end_of_month' OR terms_days <= 45),
    valid_until      date NOT NULL,
    -- Derived from the lines by the domain's rules, kept for the lists and the contract.
    total_ht         numeric(14, 2) NOT NULL CHECK (total_ht > 0),
    total_vat        numeric(14, 2) NOT NULL CHECK (total_vat >= 0),
    total_ttc        numeric(14, 2) NOT NULL CHECK (total_ttc = total_ht + total_vat),
    sent_at          timestamptz NOT NULL DEFAULT clock_timestamp(),
    answered_at      timestamptz,
    revision_comment text CHECK (char_length(revision_comment) <= 2000)
);
-- At most one version is alive (waiting, or accepted) per quote.
CREATE UNIQUE INDEX quote_versions_one_alive ON quote_versions (project_id, expert_id)
    WHERE state <> 'superseded';

CREATE TABLE quote_lines (
    project_id  uuid NOT NULL,
    expert_id   uuid NOT NULL,
    version     integer NOT NULL,
    FOREIGN KEY (project_id, expert_id, version) REFERENCES quote_versions (project_id, expert_id, version) ON DELETE CASCADE,
    position    smallint NOT NULL CHECK (position BETWEEN 1 AND 30),
    PRIMARY KEY (project_id, expert_id, version, position),
    description text NOT NULL CHECK (char_length(description) BETWEEN 1 AND 300),
    quantity    numeric(8, 2) NOT NULL CHECK (quantity > 0 AND quantity <= 1000),
    unit        text NOT NULL CHECK (unit IN ('day', 'unit')),
    unit_price  numeric(12, 2) NOT NULL CHECK (unit_price > 0 AND unit_price <= 100000),
    vat_rate    text NOT NULL CHECK (vat_rate IN ('20', '10', '5.5', '0'))
);

-- What was sent is what the client answered: a version's content never changes, and
-- an accepted version not even its state. Only the answer (and a later version
-- superseding a waiting one) moves a version.
CREATE FUNCTION quote_version_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.state IN ('accepted', 'superseded') THEN
        RAISE EXCEPTION 'quote version % is frozen', OLD.version USING ERRCODE = 'check_violation';
    END IF;
    IF (NEW.franchise, NEW.start_date, NEW.duration_days, NEW.terms_basis, NEW.terms_days,
        NEW.valid_until, NEW.total_ht, NEW.total_vat, NEW.total_ttc, NEW.sent_at, NEW.version)
       IS DISTINCT FROM
       (OLD.franchise, OLD.start_date, OLD.duration_days, OLD.terms_basis, OLD.terms_days,
        OLD.valid_until, OLD.total_ht, OLD.total_vat, OLD.total_ttc, OLD.sent_at, OLD.version) THEN
        RAISE EXCEPTION 'a sent quote version does not change' USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER quote_versions_frozen BEFORE UPDATE ON quote_versions
    FOR EACH ROW EXECUTE FUNCTION quote_version_frozen();

CREATE FUNCTION quote_line_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the lines of a sent quote do not change' USING ERRCODE = 'check_violation';
END $$;
CREATE TRIGGER quote_lines_frozen BEFORE UPDATE ON quote_lines
    FOR EACH ROW EXECUTE FUNCTION quote_line_frozen();

-- The quote's moves in the path's log, read with selection_events as one timeline.
CREATE TABLE quote_events (
    id         bigserial PRIMARY KEY,
    project_id uuid NOT NULL,
    expert_id  uuid NOT NULL,
    FOREIGN KEY (project_id, expert_id) REFERENCES quotes (project_id, expert_id) ON DELETE CASCADE,
    version    integer NOT NULL,
    change     text NOT NULL CHECK (change IN ('sent', 'revision_requested', 'accepted')),
    party      text NOT NULL CHECK (party IN ('client', 'expert', 'admin', 'platform')),
    total_ttc  numeric(14, 2) NOT NULL,
    created_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX quote_events_path ON quote_events (project_id, expert_id, id);

ALTER TABLE notifications DROP CONSTRAINT notifications_kind_known;
ALTER TABLE notifications
    ADD CONSTRAINT notifications_kind_known CHECK (kind IN ('email_confirmed', 'profile_submitted', 'dossier_to_review', 'profile_approved', 'changes_requested', 'profile_rejected', 'attestation_expiring', 'project_matches', 'proposed_to_client', 'experts_proposed', 'project_ended', 'path_changed', 'decision_overdue', 'step_changed', 'quote_changed'));
