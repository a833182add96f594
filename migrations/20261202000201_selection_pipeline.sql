-- The selection pipeline: the states after the shortlist, every end with a reason, and
-- an append-only log of each path's events, written in the transaction of the change.
ALTER TABLE proposals
    DROP CONSTRAINT proposals_state_check,
    ADD CONSTRAINT proposals_state_check
        CHECK (state IN ('proposed', 'shortlisted', 'declined', 'in_selection', 'selected', 'not_kept', 'withdrawn')),
    DROP CONSTRAINT proposals_end_reason_check,
    ADD CONSTRAINT proposals_end_reason_check
        CHECK (end_reason IN ('profile_mismatch', 'rate_too_high', 'availability', 'another_candidate', 'client_other', 'expert_unavailable', 'expert_not_interested', 'platform_decision', 'project_closed', 'project_cancelled')),
    ADD COLUMN end_comment text CHECK (char_length(end_comment) <= 1000),
    -- When the path entered its state: its deadline counts from there.
    ADD COLUMN state_since timestamptz NOT NULL DEFAULT now();
UPDATE proposals SET state_since = coalesce(ended_at, proposed_at);

CREATE TABLE selection_events (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id       uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    expert_id        uuid NOT NULL REFERENCES experts (id) ON DELETE CASCADE,
    event            text NOT NULL
        CHECK (event IN ('propose', 'shortlist', 'decline', 'start_selection', 'select', 'not_keep', 'withdraw', 'project_ended')),
    party            text NOT NULL CHECK (party IN ('client', 'expert', 'admin', 'platform')),
    -- The state the event led to.
    to_state         text NOT NULL,
    reason           text,
    -- The client's or the team's words: never shown to the expert.
    comment          text CHECK (char_length(comment) <= 1000),
    actor_account_id uuid REFERENCES accounts (id) ON DELETE SET NULL,
    created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX selection_events_path ON selection_events (project_id, expert_id, id);
CREATE INDEX selection_events_expert ON selection_events (expert_id, id);

-- The paths so far start with their proposal (and, when ended, their end).
INSERT INTO selection_events (project_id, expert_id, event, party, to_state, actor_account_id, created_at)
SELECT project_id, expert_id, 'propose', 'admin', 'proposed', proposed_by, proposed_at FROM proposals;
INSERT INTO selection_events (project_id, expert_id, event, party, to_state, reason, created_at)
SELECT project_id, expert_id, 'project_ended', 'platform', state, end_reason, ended_at
FROM proposals WHERE end_reason IS NOT NULL;

ALTER TABLE notifications
    DROP CONSTRAINT notifications_kind_known,
    ADD CONSTRAINT notifications_kind_known CHECK (kind IN ('email_confirmed', 'profile_submitted', 'dossier_to_review', 'profile_approved', 'changes_requested', 'profile_rejected', 'attestation_expiring', 'project_matches', 'proposed_to_client', 'experts_proposed', 'project_ended', 'path_changed'));
