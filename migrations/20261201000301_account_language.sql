-- The language of the account's mails (and of its pages once signed in elsewhere):
-- French first, English second.
ALTER TABLE accounts
    ADD COLUMN language text NOT NULL DEFAULT 'fr'
        CONSTRAINT accounts_language_known CHECK (language IN ('fr', 'en'));
