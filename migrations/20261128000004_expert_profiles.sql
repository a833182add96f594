-- Expert profiles: skills of each domain, public and private profile fields.

CREATE TABLE skills (
    id         smallint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    domain_id  smallint NOT NULL REFERENCES domains (id) ON DELETE CASCADE,
    slug       text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9-]+$'),
    label_fr   text NOT NULL,
    label_en   text NOT NULL
);

INSERT INTO skills (domain_id, slug, label_fr, label_en) VALUES
((SELECT id FROM domains WHERE slug = 'strategie'), 'plan-strategique', 'Plan stratégique', 'Strategic planning'),
((SELECT id FROM domains WHERE slug = 'strategie'), 'conduite-changement', 'Conduite du changement', 'Change management'),
((SELECT id FROM domains WHERE slug = 'strategie'), 'gouvernance', 'Gouvernance d''entreprise', 'Corporate governance'),
((SELECT id FROM domains WHERE slug = 'strategie'), 'croissance-externe', 'Fusions et acquisitions', 'Mergers and acquisitions'),
((SELECT id FROM domains WHERE slug = 'finance'), 'controle-gestion', 'Contrôle de gestion', 'Management control'),
((SELECT id FROM domains WHERE slug = 'finance'), 'consolidation', 'Consolidation des comptes', 'Consolidation'),
((SELECT id FROM domains WHERE slug = 'finance'), 'tresorerie', 'Trésorerie', 'Treasury'),
((SELECT id FROM domains WHERE slug = 'finance'), 'levee-fonds', 'Levée de fonds', 'Fundraising'),
((SELECT id FROM domains WHERE slug = 'rh'), 'recrutement', 'Recrutement', 'Recruitment'),
((SELECT id FROM domains WHERE slug = 'rh'), 'paie', 'Paie et administration', 'Payroll'),
((SELECT id FROM domains WHERE slug = 'rh'), 'gpec', 'GPEC', 'Workforce planning'),
((SELECT id FROM domains WHERE slug = 'rh'), 'droit-social', 'Droit social', 'Employment law'),
((SELECT id FROM domains WHERE slug = 'juridique'), 'rgpd', 'RGPD et données personnelles', 'GDPR'),
((SELECT id FROM domains WHERE slug = 'juridique'), 'droit-contrats', 'Droit des contrats', 'Contract law'),
((SELECT id FROM domains WHERE slug = 'juridique'), 'propriete-intellectuelle', 'Propriété intellectuelle', 'Intellectual property'),
((SELECT id FROM domains WHERE slug = 'juridique'), 'conformite', 'Conformité', 'Compliance'),
((SELECT id FROM domains WHERE slug = 'marketing'), 'marketing-digital', 'Marketing digital', 'Digital marketing'),
((SELECT id FROM domains WHERE slug = 'marketing'), 'seo', 'Référencement (SEO)', 'SEO'),
((SELECT id FROM domains WHERE slug = 'marketing'), 'relations-presse', 'Relations presse', 'Press relations'),
((SELECT id FROM domains WHERE slug = 'marketing'), 'marque', 'Stratégie de marque', 'Branding'),
((SELECT id FROM domains WHERE slug = 'commercial'), 'prospection', 'Prospection', 'Prospecting'),
((SELECT id FROM domains WHERE slug = 'commercial'), 'grands-comptes', 'Gestion grands comptes', 'Key accounts'),
((SELECT id FROM domains WHERE slug = 'commercial'), 'export', 'Développement export', 'Export development'),
((SELECT id FROM domains WHERE slug = 'commercial'), 'negociation', 'Négociation', 'Negotiation'),
((SELECT id FROM domains WHERE slug = 'informatique'), 'rust', 'Rust', 'Rust'),
((SELECT id FROM domains WHERE slug = 'informatique'), 'web-frontend', 'Développement web front-end', 'Front-end web development'),
((SELECT id FROM domains WHERE slug = 'informatique'), 'cloud', 'Cloud et DevOps', 'Cloud and DevOps'),
((SELECT id FROM domains WHERE slug = 'informatique'), 'architecture-si', 'Architecture SI', 'IT architecture'),
((SELECT id FROM domains WHERE slug = 'data'), 'data-engineering', 'Ingénierie des données', 'Data engineering'),
((SELECT id FROM domains WHERE slug = 'data'), 'machine-learning', 'Apprentissage automatique', 'Machine learning'),
((SELECT id FROM domains WHERE slug = 'data'), 'bi', 'Informatique décisionnelle', 'Business intelligence'),
((SELECT id FROM domains WHERE slug = 'data'), 'sql', 'SQL et bases de données', 'SQL and databases'),
((SELECT id FROM domains WHERE slug = 'cybersecurite'), 'pentest', 'Tests d''intrusion', 'Penetration testing'),
((SELECT id FROM domains WHERE slug = 'cybersecurite'), 'iso27001', 'ISO 27001', 'ISO 27001'),
((SELECT id FROM domains WHERE slug = 'cybersecurite'), 'soc', 'Supervision (SOC)', 'Security operations'),
((SELECT id FROM domains WHERE slug = 'cybersecurite'), 'gestion-risques', 'Gestion des risques cyber', 'Cyber risk management'),
((SELECT id FROM domains WHERE slug = 'industrie'), 'lean', 'Lean management', 'Lean management'),
((SELECT id FROM domains WHERE slug = 'industrie'), 'qualite-iso9001', 'Qualité ISO 9001', 'ISO 9001 quality'),
((SELECT id FROM domains WHERE slug = 'industrie'), 'maintenance', 'Maintenance industrielle', 'Industrial maintenance'),
((SELECT id FROM domains WHERE slug = 'industrie'), 'supply-planning', 'Planification de production', 'Production planning'),
((SELECT id FROM domains WHERE slug = 'achats-logistique'), 'achats', 'Achats', 'Purchasing'),
((SELECT id FROM domains WHERE slug = 'achats-logistique'), 'supply-chain', 'Supply chain', 'Supply chain'),
((SELECT id FROM domains WHERE slug = 'achats-logistique'), 'entrepot', 'Gestion d''entrepôt', 'Warehousing'),
((SELECT id FROM domains WHERE slug = 'achats-logistique'), 'transport', 'Transport', 'Transport'),
((SELECT id FROM domains WHERE slug = 'rse'), 'bilan-carbone', 'Bilan carbone', 'Carbon accounting'),
((SELECT id FROM domains WHERE slug = 'rse'), 'csrd', 'Reporting CSRD', 'CSRD reporting'),
((SELECT id FROM domains WHERE slug = 'rse'), 'efficacite-energetique', 'Efficacité énergétique', 'Energy efficiency'),
((SELECT id FROM domains WHERE slug = 'rse'), 'economie-circulaire', 'Économie circulaire', 'Circular economy'),
((SELECT id FROM domains WHERE slug = 'immobilier-btp'), 'maitrise-oeuvre', 'Maîtrise d''œuvre', 'Project management (construction)'),
((SELECT id FROM domains WHERE slug = 'immobilier-btp'), 'bim', 'BIM', 'BIM'),
((SELECT id FROM domains WHERE slug = 'immobilier-btp'), 'gestion-patrimoine', 'Gestion de patrimoine immobilier', 'Property management'),
((SELECT id FROM domains WHERE slug = 'immobilier-btp'), 'economie-construction', 'Économie de la construction', 'Construction economics'),
((SELECT id FROM domains WHERE slug = 'formation'), 'ingenierie-pedagogique', 'Ingénierie pédagogique', 'Instructional design'),
((SELECT id FROM domains WHERE slug = 'formation'), 'coaching', 'Coaching de dirigeants', 'Executive coaching'),
((SELECT id FROM domains WHERE slug = 'formation'), 'formation-management', 'Formation au management', 'Management training'),
((SELECT id FROM domains WHERE slug = 'formation'), 'e-learning', 'E-learning', 'E-learning');

-- Public card: first_name, departement_code, photo_key, years_experience (→ level),
-- education, domains, languages. Everything else is private.
ALTER TABLE experts
    ADD COLUMN account_id            uuid UNIQUE REFERENCES accounts (id) ON DELETE CASCADE,
    ADD COLUMN photo_key             text,
    ADD COLUMN years_experience      smallint NOT NULL DEFAULT 0 CHECK (years_experience BETWEEN 0 AND 60),
    ADD COLUMN education             text[] NOT NULL DEFAULT '{}',
    ADD COLUMN last_name             text,
    ADD COLUMN email                 text,
    ADD COLUMN phone                 text,
    ADD COLUMN postal_address        text,
    ADD COLUMN legal_form            text,
    ADD COLUMN siret                 text CHECK (siret ~ '^[0-9]{14}$'),
    ADD COLUMN vat_number            text,
    ADD COLUMN daily_rate            numeric(10, 2) CHECK (daily_rate > 0),
    ADD COLUMN available_from        date,
    ADD COLUMN remote_ok             boolean NOT NULL DEFAULT false,
    ADD COLUMN attestation_issued_on date,
    ADD COLUMN is_demo               boolean NOT NULL DEFAULT false;

CREATE TABLE expert_domains (
    expert_id  uuid NOT NULL REFERENCES experts (id) ON DELETE CASCADE,
    domain_id  smallint NOT NULL REFERENCES domains (id),
    PRIMARY KEY (expert_id, domain_id)
);
CREATE INDEX expert_domains_domain ON expert_domains (domain_id);

CREATE TABLE expert_languages (
    expert_id  uuid NOT NULL REFERENCES experts (id) ON DELETE CASCADE,
    code       text NOT NULL CHECK (code ~ '^[a-z]{2}$'),
    level      text NOT NULL CHECK (level IN ('A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'Native')),
    PRIMARY KEY (expert_id, code)
);
CREATE INDEX expert_languages_code ON expert_languages (code);

CREATE TABLE expert_skills (
    expert_id  uuid NOT NULL REFERENCES experts (id) ON DELETE CASCADE,
    skill_id   smallint NOT NULL REFERENCES skills (id),
    years      smallint NOT NULL DEFAULT 0 CHECK (years BETWEEN 0 AND 60),
    PRIMARY KEY (expert_id, skill_id)
);

CREATE TABLE expert_mobility (
    expert_id         uuid NOT NULL REFERENCES experts (id) ON DELETE CASCADE,
    departement_code  text NOT NULL REFERENCES departements (code),
    PRIMARY KEY (expert_id, departement_code)
);

CREATE TABLE expert_experiences (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    expert_id    uuid NOT NULL REFERENCES experts (id) ON DELETE CASCADE,
    title        text NOT NULL,
    sector       text NOT NULL,
    started_on   date NOT NULL,
    ended_on     date,
    description  text NOT NULL DEFAULT ''
);
