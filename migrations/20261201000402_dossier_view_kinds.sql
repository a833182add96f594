-- Who opened a private dossier, and why, stored as what happened (the kind, and the
-- project for a proposal) instead of a French sentence: each reader sees it in their
-- own language.
ALTER TABLE dossier_views
    ADD COLUMN kind text,
    ADD COLUMN project_id uuid REFERENCES projects (id) ON DELETE SET NULL;

UPDATE dossier_views SET kind = CASE context
    WHEN 'Revue du dossier' THEN 'review'
    WHEN 'Téléchargement du CV' THEN 'cv_download'
    WHEN 'Téléchargement de l''attestation' THEN 'attestation_download'
    ELSE 'project' END;
-- Older proposal views named their project by title only: find it back when the client
-- has one project of that title.
UPDATE dossier_views v SET project_id = p.id
  FROM projects p
 WHERE v.kind = 'project' AND p.client_account_id = v.viewer_account_id
   AND v.context = 'Projet « ' || p.title || ' »'
   AND NOT EXISTS (SELECT 1 FROM projects q WHERE q.client_account_id = p.client_account_id
                      AND q.title = p.title AND q.id <> p.id);

ALTER TABLE dossier_views
    ALTER COLUMN kind SET NOT NULL,
    ADD CONSTRAINT dossier_views_kind_known CHECK (kind IN ('review', 'project', 'cv_download', 'attestation_download')),
    DROP COLUMN context;
