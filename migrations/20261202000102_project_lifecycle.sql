-- A published project is edited through the wizard and ended by its client with a reason;
-- ending it ends every expert's open path, with a reason too.
ALTER TABLE projects
    ADD COLUMN end_reason text
        CHECK (end_reason IN ('filled_elsewhere', 'handled_internally', 'postponed', 'budget_withdrawn', 'no_longer_needed', 'other')),
    ADD COLUMN end_comment text CHECK (char_length(end_comment) <= 1000),
    ADD COLUMN ended_at timestamptz,
    ADD COLUMN edited_at timestamptz,
    ADD CONSTRAINT projects_ended_with_reason
        CHECK ((status IN ('closed', 'cancelled')) = (end_reason IS NOT NULL AND ended_at IS NOT NULL));

-- An edit of an open project is a draft like any other, pointing at the project it
-- will replace when submitted; one per project.
ALTER TABLE project_drafts
    ADD COLUMN edits_project uuid REFERENCES projects (id) ON DELETE CASCADE;
CREATE UNIQUE INDEX project_drafts_one_edit ON project_drafts (edits_project)
    WHERE edits_project IS NOT NULL;

ALTER TABLE proposals
    ADD COLUMN end_reason text CHECK (end_reason IN ('project_closed', 'project_cancelled')),
    ADD COLUMN ended_at timestamptz;

ALTER TABLE notifications
    DROP CONSTRAINT notifications_kind_known,
    ADD CONSTRAINT notifications_kind_known CHECK (kind IN ('email_confirmed', 'profile_submitted', 'dossier_to_review', 'profile_approved', 'changes_requested', 'profile_rejected', 'attestation_expiring', 'project_matches', 'proposed_to_client', 'experts_proposed', 'project_ended'));
