-- Notices to matching experts are sent after the project is stored; this marks the
-- projects whose notices went out, so that a failure is retried by a background job
-- instead of being lost. Projects submitted before this column existed were notified.
ALTER TABLE projects ADD COLUMN notices_sent_at timestamptz;
UPDATE projects SET notices_sent_at = created_at WHERE status <> 'draft';
CREATE INDEX projects_notices_pending ON projects (created_at)
    WHERE status = 'open' AND notices_sent_at IS NULL;
