-- Notifications store what happened (a kind and its parameters) instead of French text:
-- they are put into words when read, in the reader's language.
ALTER TABLE notifications
    ADD COLUMN kind text,
    ADD COLUMN params jsonb NOT NULL DEFAULT '{}';

-- Existing rows, from the texts each call site wrote; what does not parse is dropped.
UPDATE notifications SET kind = 'email_confirmed' WHERE title = 'Adresse e-mail confirmée';
UPDATE notifications SET kind = 'profile_submitted' WHERE title = 'Profil soumis';
UPDATE notifications
   SET kind = 'dossier_to_review',
       params = jsonb_build_object('name', substring(body FROM '^(.*) a soumis son profil\.$'))
 WHERE title = 'Dossier à examiner';
-- The body was the mail's subject, then " — " and the admin's message if any.
UPDATE notifications
   SET kind = 'profile_approved',
       params = jsonb_build_object('message',
           coalesce(substring(body FROM '^Votre profil est publié — (.*)$'), ''))
 WHERE title = 'Validé';
UPDATE notifications
   SET kind = 'changes_requested',
       params = jsonb_build_object('message',
           substring(body FROM '^Votre profil : des modifications sont demandées — (.*)$'))
 WHERE title = 'Modifications demandées';
UPDATE notifications
   SET kind = 'profile_rejected',
       params = jsonb_build_object('message',
           substring(body FROM '^Votre profil n''a pas été retenu — (.*)$'))
 WHERE title = 'Refusé';
UPDATE notifications
   SET kind = 'attestation_expiring',
       params = jsonb_build_object('until', to_char(to_date(
           substring(body FROM '^Votre attestation expire le ([0-9]{2}/[0-9]{2}/[0-9]{4}) '),
           'DD/MM/YYYY'), 'YYYY-MM-DD'))
 WHERE title = 'Attestation URSSAF bientôt expirée';
UPDATE notifications
   SET kind = 'project_matches',
       params = jsonb_build_object('title', substring(body FROM '^« (.*) » correspond à votre profil\.$'))
 WHERE title = 'Un projet dans votre domaine';
UPDATE notifications
   SET kind = 'proposed_to_client',
       params = jsonb_build_object('title',
           substring(body FROM '^Votre profil a été proposé pour « (.*) »\.$'))
 WHERE title = 'Profil proposé à un client';
UPDATE notifications
   SET kind = 'experts_proposed',
       params = jsonb_build_object(
           'count', (regexp_match(body, '^([0-9]+) profil\(s\) proposé\(s\) pour « (.*) »\.$'))[1]::integer,
           'title', (regexp_match(body, '^([0-9]+) profil\(s\) proposé\(s\) pour « (.*) »\.$'))[2])
 WHERE title = 'Des experts vous sont proposés';
DELETE FROM notifications WHERE kind IS NULL OR jsonb_strip_nulls(params) <> params;

ALTER TABLE notifications
    ALTER COLUMN kind SET NOT NULL,
    ADD CONSTRAINT notifications_kind_known CHECK (kind IN ('email_confirmed', 'profile_submitted', 'dossier_to_review', 'profile_approved', 'changes_requested', 'profile_rejected', 'attestation_expiring', 'project_matches', 'proposed_to_client', 'experts_proposed')),
    DROP COLUMN title,
    DROP COLUMN body;
