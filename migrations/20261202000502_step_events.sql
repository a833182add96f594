-- The steps' moves in the path's log: append-only, written in the transaction of each
-- change, read beside `selection_events` as one timeline.
CREATE TABLE selection_step_events (
    id         bigserial PRIMARY KEY,
    step_id    uuid NOT NULL REFERENCES selection_steps (id) ON DELETE CASCADE,
    project_id uuid NOT NULL,
    expert_id  uuid NOT NULL,
    FOREIGN KEY (project_id, expert_id) REFERENCES proposals (project_id, expert_id) ON DELETE CASCADE,
    change     text NOT NULL CHECK (change IN ('slots_offered', 'confirmed', 'cancelled', 'held')),
    party      text NOT NULL CHECK (party IN ('client', 'expert', 'admin', 'platform')),
    format     text NOT NULL CHECK (format IN ('phone', 'chat', 'video', 'meeting')),
    starts_at  timestamptz,
    created_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX selection_step_events_path ON selection_step_events (project_id, expert_id, id);
-- Both logs are read as one, ordered by time: the time of each write, not of its
-- transaction's start, keeps the order of the moves of one change.
ALTER TABLE selection_events ALTER COLUMN created_at SET DEFAULT clock_timestamp();
