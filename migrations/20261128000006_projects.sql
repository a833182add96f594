-- Client projects: wizard drafts, submitted projects with their criteria, notices sent
-- to matching experts, applications, and the expert's notification setting.

CREATE TABLE project_drafts (
    id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    client_account_id  uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    data               jsonb NOT NULL DEFAULT '{}',
    step               smallint NOT NULL DEFAULT 0 CHECK (step BETWEEN 0 AND 5),
    updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX project_drafts_client ON project_drafts (client_account_id, updated_at DESC);

ALTER TABLE projects
    ADD COLUMN description      text NOT NULL DEFAULT '',
    ADD COLUMN data             jsonb,
    ADD COLUMN required_skills  smallint[] NOT NULL DEFAULT '{}',
    ADD COLUMN optional_skills  smallint[] NOT NULL DEFAULT '{}',
    ADD COLUMN level            text,
    ADD COLUMN remote           boolean NOT NULL DEFAULT false,
    ADD COLUMN places           text[] NOT NULL DEFAULT '{}',
    ADD COLUMN start_date       date,
    ADD COLUMN duration_days    integer,
    ADD COLUMN budget           numeric(12, 2),
    ADD COLUMN max_daily_rate   numeric(10, 2),
    ADD COLUMN contact_formats  text[] NOT NULL DEFAULT '{}',
    ADD COLUMN confidential     boolean NOT NULL DEFAULT false,
    ADD COLUMN submitted_at     timestamptz;
CREATE INDEX projects_client ON projects (client_account_id, created_at DESC);

-- "Un projet dans votre domaine": once per expert and project.
CREATE TABLE project_notices (
    project_id  uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    expert_id   uuid NOT NULL REFERENCES experts (id) ON DELETE CASCADE,
    score       smallint NOT NULL,
    sent_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (project_id, expert_id)
);

CREATE TABLE applications (
    project_id  uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    expert_id   uuid NOT NULL REFERENCES experts (id) ON DELETE CASCADE,
    message     text NOT NULL CHECK (length(message) BETWEEN 1 AND 2000),
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (project_id, expert_id)
);

ALTER TABLE providers ADD COLUMN notify_projects boolean NOT NULL DEFAULT true;

ALTER TABLE proposals ADD CONSTRAINT proposals_state_check
    CHECK (state IN ('proposed', 'shortlisted', 'declined', 'withdrawn'));
