-- What is pushed live to open pages: one row per change a page may follow (a path's
-- log, a conversation, an account's notifications). Rows name who may receive them, so
-- that the stream filters without asking the business tables; they carry ids only,
-- never the change itself: a page refetches what it shows through its server function.
--
-- Ids are handed out under a transaction advisory lock (see server/live), so they become
-- visible in id order: a reader resuming after id N misses nothing committed later.
CREATE TABLE live_events (
    id bigserial PRIMARY KEY,
    kind text NOT NULL CHECK (kind IN ('path', 'chat', 'notice')),
    -- The accounts the event is for; admins follow every path and conversation.
    audience uuid[] NOT NULL,
    for_admins boolean NOT NULL,
    project_id uuid REFERENCES projects (id) ON DELETE CASCADE,
    expert_id uuid REFERENCES experts (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX live_events_created_at ON live_events (created_at);
