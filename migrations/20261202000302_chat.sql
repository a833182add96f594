-- The conversation of each path between the project's client and the expert.
CREATE TABLE chat_messages (
    id bigserial PRIMARY KEY,
    project_id uuid NOT NULL,
    expert_id uuid NOT NULL,
    author_account_id uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    body text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 2000),
    -- Hidden by an admin: kept for the record, shown to admins only.
    hidden_at timestamptz,
    hidden_by uuid REFERENCES accounts (id) ON DELETE SET NULL,
    -- Sent by e-mail to the other side (or found read first): never twice.
    mailed_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (project_id, expert_id)
        REFERENCES proposals (project_id, expert_id) ON DELETE CASCADE
);

CREATE INDEX chat_messages_path ON chat_messages (project_id, expert_id, id);
CREATE INDEX chat_messages_to_mail ON chat_messages (created_at)
    WHERE mailed_at IS NULL AND hidden_at IS NULL;

-- How far each party has read each conversation.
CREATE TABLE chat_reads (
    project_id uuid NOT NULL,
    expert_id uuid NOT NULL,
    account_id uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    last_read_id bigint NOT NULL,
    PRIMARY KEY (project_id, expert_id, account_id),
    FOREIGN KEY (project_id, expert_id)
        REFERENCES proposals (project_id, expert_id) ON DELETE CASCADE
);
