-- Admins hide a skill from new choices; profiles and projects that hold it keep it.
ALTER TABLE skills ADD COLUMN active boolean NOT NULL DEFAULT true;
