-- The first business tables. Later migrations extend them (accounts, profiles, matching).

CREATE TABLE experts (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    first_name       text NOT NULL CHECK (length(first_name) BETWEEN 1 AND 80),
    departement_code text NOT NULL REFERENCES departements (code),
    status           text NOT NULL DEFAULT 'draft'
                     CHECK (status IN ('draft', 'submitted', 'changes_requested', 'published', 'rejected')),
    created_at       timestamptz NOT NULL DEFAULT now(),
    published_at     timestamptz
);
CREATE INDEX experts_published_departement ON experts (departement_code) WHERE status = 'published';

CREATE TABLE projects (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    title       text NOT NULL CHECK (length(title) BETWEEN 3 AND 200),
    domain_id   smallint NOT NULL REFERENCES domains (id),
    status      text NOT NULL DEFAULT 'draft'
                CHECK (status IN ('draft', 'open', 'closed', 'cancelled')),
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX projects_open ON projects (created_at) WHERE status = 'open';
