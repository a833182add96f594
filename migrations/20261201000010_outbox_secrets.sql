-- Single-use links (verification, reset) must not stay readable in the outbox once a
-- mail has left: the copy to keep without them is stored next to the mail, and replaces
-- its bodies when it is sent or given up on.
ALTER TABLE outbox
    ADD COLUMN redacted_text text,
    ADD COLUMN redacted_html text,
    ADD CONSTRAINT outbox_redacted_both CHECK ((redacted_text IS NULL) = (redacted_html IS NULL));

-- Mails already sent or given up on before this change: drop their tokens now.
UPDATE outbox
   SET body_text = regexp_replace(body_text, 'jeton=[0-9a-fA-F]+', 'jeton=(retiré)', 'g'),
       body_html = regexp_replace(body_html, 'jeton=[0-9a-fA-F]+', 'jeton=(retiré)', 'g')
 WHERE sent_at IS NOT NULL OR failed_at IS NOT NULL;

-- The hourly purge of old mails.
CREATE INDEX outbox_created ON outbox (created_at);
