-- Selection steps: the contacts a client sets up with a shortlisted expert, their slots
-- and their calendar invitations; and mails that carry an invitation.

CREATE TABLE selection_steps (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    project_id       uuid NOT NULL,
    expert_id        uuid NOT NULL,
    FOREIGN KEY (project_id, expert_id) REFERENCES proposals (project_id, expert_id) ON DELETE CASCADE,
    format           text NOT NULL CHECK (format IN ('phone', 'chat', 'video', 'meeting')),
    duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 15 AND 480),
    meeting_link     text CHECK (meeting_link LIKE 'https://%' AND char_length(meeting_link) <= 500),
    address          text CHECK (char_length(address) <= 300),
    state            text NOT NULL
        CHECK (state IN ('awaiting_expert', 'awaiting_client', 'confirmed', 'cancelled', 'done')),
    -- The slots waiting for an answer (UTC), and who offered them.
    slots            timestamptz[] NOT NULL DEFAULT '{}',
    slots_by         text CHECK (slots_by IN ('client', 'expert')),
    starts_at        timestamptz,
    -- The invitation's SEQUENCE (RFC 5546): raised on each new time and on cancellation.
    sequence         integer NOT NULL DEFAULT 0,
    invited          boolean NOT NULL DEFAULT false,
    state_since      timestamptz NOT NULL DEFAULT now(),
    reminded_at      timestamptz,
    created_by       uuid REFERENCES accounts (id) ON DELETE SET NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    CHECK (state NOT IN ('confirmed', 'done') OR starts_at IS NOT NULL),
    CHECK ((format = 'video') = (meeting_link IS NOT NULL)),
    CHECK ((format = 'meeting') = (address IS NOT NULL))
);
CREATE INDEX selection_steps_path ON selection_steps (project_id, expert_id, created_at);
CREATE INDEX selection_steps_upcoming ON selection_steps (starts_at)
    WHERE state = 'confirmed' AND reminded_at IS NULL;

ALTER TABLE outbox
    ADD COLUMN calendar text,
    ADD COLUMN calendar_method text CHECK (calendar_method IN ('REQUEST', 'CANCEL')),
    ADD CONSTRAINT outbox_calendar_method CHECK ((calendar IS NULL) = (calendar_method IS NULL));

ALTER TABLE notifications
    DROP CONSTRAINT notifications_kind_known,
    ADD CONSTRAINT notifications_kind_known CHECK (kind IN ('email_confirmed', 'profile_submitted', 'dossier_to_review', 'profile_approved', 'changes_requested', 'profile_rejected', 'attestation_expiring', 'project_matches', 'proposed_to_client', 'experts_proposed', 'project_ended', 'path_changed', 'decision_overdue', 'step_changed'));
