-- A late party is reminded once per state a path enters (and admins are told).
ALTER TABLE proposals ADD COLUMN reminded_at timestamptz;

ALTER TABLE notifications
    DROP CONSTRAINT notifications_kind_known,
    ADD CONSTRAINT notifications_kind_known CHECK (kind IN ('email_confirmed', 'profile_submitted', 'dossier_to_review', 'profile_approved', 'changes_requested', 'profile_rejected', 'attestation_expiring', 'project_matches', 'proposed_to_client', 'experts_proposed', 'project_ended', 'path_changed', 'decision_overdue'));
