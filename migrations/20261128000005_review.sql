-- Dossier drafts and uploaded files, review before publication, access log of private
-- dossiers, attestation reminders, and the first brick of proposals.

CREATE TABLE stored_files (
    key         text PRIMARY KEY CHECK (key ~ '^[a-z_]+/[0-9a-f-]{36}$'),
    account_id  uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    slot        text NOT NULL CHECK (slot IN ('photo', 'cv', 'attestation')),
    mime        text NOT NULL,
    bytes       bigint NOT NULL CHECK (bytes > 0),
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX stored_files_account ON stored_files (account_id);

-- What the expert is editing: raw input (JSON of domain::dossier::ProfileDraft).
CREATE TABLE expert_drafts (
    account_id      uuid PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    data            jsonb NOT NULL DEFAULT '{}',
    revision        bigint NOT NULL DEFAULT 0,
    photo_key       text REFERENCES stored_files (key),
    cv_key          text REFERENCES stored_files (key),
    attestation_key text REFERENCES stored_files (key),
    updated_at      timestamptz NOT NULL DEFAULT now()
);

-- Each submission freezes the draft; admins decide on it. The history is this table.
CREATE TABLE profile_submissions (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id      uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    snapshot        jsonb NOT NULL,
    draft_revision  bigint NOT NULL,
    photo_key       text REFERENCES stored_files (key),
    cv_key          text REFERENCES stored_files (key),
    attestation_key text REFERENCES stored_files (key),
    submitted_at    timestamptz NOT NULL DEFAULT now(),
    decision        text CHECK (decision IN ('approved', 'changes_requested', 'rejected')),
    message         text NOT NULL DEFAULT '',
    decided_by      uuid REFERENCES accounts (id) ON DELETE SET NULL,
    decided_at      timestamptz,
    CHECK ((decision IS NULL) = (decided_at IS NULL))
);
CREATE UNIQUE INDEX profile_submissions_one_pending ON profile_submissions (account_id)
    WHERE decision IS NULL;
CREATE INDEX profile_submissions_queue ON profile_submissions (submitted_at)
    WHERE decision IS NULL;
CREATE INDEX profile_submissions_account ON profile_submissions (account_id, id DESC);

-- The published version: the approved snapshot, plus columns for search and matching.
ALTER TABLE experts
    ADD COLUMN dossier          jsonb,
    ADD COLUMN cv_key           text REFERENCES stored_files (key),
    ADD COLUMN attestation_key  text REFERENCES stored_files (key),
    ADD COLUMN updated_at       timestamptz NOT NULL DEFAULT now();
ALTER TABLE experts ADD CONSTRAINT experts_photo_key_fk
    FOREIGN KEY (photo_key) REFERENCES stored_files (key);

CREATE TABLE dossier_views (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    expert_account_id  uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    viewer_account_id  uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    context            text NOT NULL,
    viewed_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX dossier_views_expert ON dossier_views (expert_account_id, viewed_at DESC);

-- One reminder per attestation (its issue date), however often the job runs.
CREATE TABLE attestation_reminders (
    account_id  uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    issued_on   date NOT NULL,
    sent_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (account_id, issued_on)
);

-- Projects belong to a client; proposals link a project to the experts put forward.
ALTER TABLE projects ADD COLUMN client_account_id uuid REFERENCES accounts (id) ON DELETE CASCADE;

CREATE TABLE proposals (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id   uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    expert_id    uuid NOT NULL REFERENCES experts (id) ON DELETE CASCADE,
    state        text NOT NULL DEFAULT 'proposed',
    note         text NOT NULL DEFAULT '',
    proposed_by  uuid REFERENCES accounts (id) ON DELETE SET NULL,
    proposed_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (project_id, expert_id)
);
CREATE INDEX proposals_expert ON proposals (expert_id);
