-- Billing: the commission schedules, the platform's invoices and credit notes to the
-- experts, payments (by hand or from a bank statement), refunds, and the experts' own
-- mission invoices to their clients.

-- A schedule is never edited: admins add a new version, and a contract keeps the
-- version in force when it was drawn.
CREATE TABLE commission_schedules (
    version    text PRIMARY KEY CHECK (version ~ '^[0-9A-Za-z._-]{1,40}$'),
    -- [{"up_to": "10000.00" | null, "rate": "0.03"}, ...], checked by the domain.
    brackets   jsonb NOT NULL,
    minimum    numeric(12, 2) NOT NULL CHECK (minimum >= 0),
    created_by uuid REFERENCES accounts (id),
    created_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
INSERT INTO commission_schedules (version, brackets, minimum) VALUES
    ('2026-12', '[{"up_to": "10000.00", "rate": "0.03"}, {"up_to": "50000.00", "rate": "0.02"}, {"up_to": null, "rate": "0.01"}]', 49.00);

CREATE FUNCTION commission_schedules_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'a commission schedule is never changed: add a new version' USING ERRCODE = 'check_violation';
END $$;
CREATE TRIGGER commission_schedules_frozen BEFORE UPDATE OR DELETE ON commission_schedules
    FOR EACH ROW EXECUTE FUNCTION commission_schedules_frozen();

ALTER TABLE contracts ADD COLUMN commission_schedule text REFERENCES commission_schedules (version);

-- One counter row per series and year, locked by the issuing transaction: numbers are
-- continuous and chronological, with no gap even when issuing runs concurrently.
CREATE TABLE invoice_counters (
    series text NOT NULL CHECK (series IN ('invoice', 'credit_note')),
    year   integer NOT NULL,
    last   bigint NOT NULL CHECK (last >= 0),
    PRIMARY KEY (series, year)
);

CREATE TABLE platform_invoices (
    id            uuid PRIMARY KEY,
    kind          text NOT NULL CHECK (kind IN ('advance', 'final', 'credit_note')),
    series        text NOT NULL CHECK (series IN ('invoice', 'credit_note')),
    year          integer NOT NULL,
    seq           bigint NOT NULL CHECK (seq >= 1),
    UNIQUE (series, year, seq),
    number        text NOT NULL UNIQUE,
    contract_id   uuid NOT NULL REFERENCES contracts (id) ON DELETE RESTRICT,
    -- One of each kind per contract: a retried step finds the invoice already issued.
    UNIQUE (contract_id, kind),
    expert_id     uuid NOT NULL,
    project_id    uuid NOT NULL,
    preceding_id  uuid REFERENCES platform_invoices (id),
    CHECK ((kind = 'advance') = (preceding_id IS NULL)),
    issued_on     date NOT NULL,
    due_on        date NOT NULL CHECK (due_on >= issued_on),
    total_ht      numeric(12, 2) NOT NULL,
    total_vat     numeric(12, 2) NOT NULL,
    total_ttc     numeric(12, 2) NOT NULL CHECK (total_ttc = total_ht + total_vat),
    payable       numeric(12, 2) NOT NULL CHECK (payable >= 0),
    payment_reference text NOT NULL UNIQUE,
    -- The document exactly as issued (parties, lines, mentions): what the PDF and the
    -- Factur-X XML are drawn from, so that both say the same for ever.
    document      jsonb NOT NULL,
    pdf_key       text,
    pdf_sha256    bytea CHECK (length(pdf_sha256) = 32),
    CHECK ((pdf_key IS NULL) = (pdf_sha256 IS NULL)),
    overdue_reminded_at timestamptz,
    created_at    timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX platform_invoices_expert ON platform_invoices (expert_id, issued_on DESC);
CREATE INDEX platform_invoices_unrendered ON platform_invoices (created_at) WHERE pdf_key IS NULL;

-- An issued invoice never changes (corrections go through credit notes): only its file,
-- drawn once after the issuing transaction, and the reminder's date may be set.
CREATE FUNCTION platform_invoices_issued() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'an issued invoice is never deleted' USING ERRCODE = 'check_violation';
    END IF;
    IF (NEW.id, NEW.kind, NEW.series, NEW.year, NEW.seq, NEW.number, NEW.contract_id, NEW.expert_id,
        NEW.project_id, NEW.preceding_id, NEW.issued_on, NEW.due_on, NEW.total_ht, NEW.total_vat,
        NEW.total_ttc, NEW.payable, NEW.payment_reference, NEW.document::text, NEW.created_at)
       IS DISTINCT FROM
       (OLD.id, OLD.kind, OLD.series, OLD.year, OLD.seq, OLD.number, OLD.contract_id, OLD.expert_id,
        OLD.project_id, OLD.preceding_id, OLD.issued_on, OLD.due_on, OLD.total_ht, OLD.total_vat,
        OLD.total_ttc, OLD.payable, OLD.payment_reference, OLD.document::text, OLD.created_at)
       OR (OLD.pdf_key IS NOT NULL AND NEW.pdf_key IS DISTINCT FROM OLD.pdf_key) THEN
        RAISE EXCEPTION 'an issued invoice never changes: issue a credit note' USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER platform_invoices_issued BEFORE UPDATE OR DELETE ON platform_invoices
    FOR EACH ROW EXECUTE FUNCTION platform_invoices_issued();

-- Bank statements (ISO 20022 camt.053) imported by admins; each file once.
CREATE TABLE bank_statements (
    id          uuid PRIMARY KEY,
    sha256      bytea NOT NULL UNIQUE CHECK (length(sha256) = 32),
    imported_by uuid NOT NULL REFERENCES accounts (id),
    imported_at timestamptz NOT NULL DEFAULT clock_timestamp()
);

CREATE TABLE bank_statement_lines (
    id           bigserial PRIMARY KEY,
    statement_id uuid NOT NULL REFERENCES bank_statements (id),
    entry_ref    text,
    amount       numeric(12, 2) NOT NULL,
    credit       boolean NOT NULL,
    booked_on    date NOT NULL,
    reference    text,
    debtor       text,
    details      text,
    state        text NOT NULL CHECK (state IN ('matched', 'unmatched', 'dismissed')),
    why          text CHECK (why IN ('debit', 'unknown_reference', 'amount_differs', 'already_paid')),
    CHECK ((state = 'unmatched') = (why IS NOT NULL))
);
CREATE INDEX bank_statement_lines_review ON bank_statement_lines (id) WHERE state = 'unmatched';

-- Payments received on the platform's invoices.
CREATE TABLE invoice_payments (
    id          bigserial PRIMARY KEY,
    invoice_id  uuid NOT NULL REFERENCES platform_invoices (id),
    amount      numeric(12, 2) NOT NULL CHECK (amount > 0),
    paid_on     date NOT NULL,
    source      text NOT NULL CHECK (source IN ('manual', 'statement')),
    statement_line_id bigint UNIQUE REFERENCES bank_statement_lines (id),
    CHECK ((source = 'statement') = (statement_line_id IS NOT NULL)),
    recorded_by uuid REFERENCES accounts (id),
    created_at  timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX invoice_payments_invoice ON invoice_payments (invoice_id);

-- What a credit note gives back to the expert when the advance had been paid.
CREATE TABLE platform_refunds (
    credit_note_id uuid PRIMARY KEY REFERENCES platform_invoices (id),
    amount         numeric(12, 2) NOT NULL CHECK (amount >= 0),
    refunded_on    date,
    recorded_by    uuid REFERENCES accounts (id),
    created_at     timestamptz NOT NULL DEFAULT clock_timestamp()
);

-- The experts' invoices to their clients ("déposer ma facture"): a copy, its figures, and
-- the payment date the client confirms.
CREATE TABLE mission_invoices (
    id           uuid PRIMARY KEY,
    contract_id  uuid NOT NULL REFERENCES contracts (id) ON DELETE RESTRICT,
    number       text NOT NULL CHECK (length(number) BETWEEN 1 AND 40),
    UNIQUE (contract_id, number),
    issued_on    date NOT NULL,
    service_on   date NOT NULL,
    due_on       date NOT NULL,
    amount_ht    numeric(12, 2) NOT NULL CHECK (amount_ht > 0),
    amount_ttc   numeric(12, 2) NOT NULL CHECK (amount_ttc >= amount_ht),
    file_key     text NOT NULL,
    file_sha256  bytea NOT NULL CHECK (length(file_sha256) = 32),
    paid_on      date,
    paid_confirmed_at timestamptz,
    overdue_reminded_at timestamptz,
    uploaded_at  timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX mission_invoices_contract ON mission_invoices (contract_id, uploaded_at);
CREATE INDEX mission_invoices_unpaid ON mission_invoices (due_on) WHERE paid_on IS NULL;

-- Billing's moves in the path's log.
CREATE TABLE billing_events (
    id          bigserial PRIMARY KEY,
    contract_id uuid NOT NULL REFERENCES contracts (id),
    project_id  uuid NOT NULL,
    expert_id   uuid NOT NULL,
    change      text NOT NULL CHECK (change IN ('advance_issued', 'final_issued', 'credit_issued', 'invoice_paid', 'invoice_overdue', 'refund_made', 'mission_invoice_uploaded', 'mission_invoice_paid', 'mission_invoice_overdue')),
    party       text NOT NULL CHECK (party IN ('client', 'expert', 'admin', 'platform')),
    reference   text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX billing_events_path ON billing_events (project_id, expert_id, id);

ALTER TABLE notifications DROP CONSTRAINT notifications_kind_known;
ALTER TABLE notifications
    ADD CONSTRAINT notifications_kind_known CHECK (kind IN ('email_confirmed', 'profile_submitted', 'dossier_to_review', 'profile_approved', 'changes_requested', 'profile_rejected', 'attestation_expiring', 'project_matches', 'proposed_to_client', 'experts_proposed', 'project_ended', 'path_changed', 'decision_overdue', 'step_changed', 'quote_changed', 'contract_changed', 'billing_changed'));
