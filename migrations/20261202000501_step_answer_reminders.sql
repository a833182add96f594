-- A slot offer left unanswered past its deadline reminds the side that must answer, once
-- per offer; apart from `reminded_at`, which is the reminder the day before the step.
ALTER TABLE selection_steps ADD COLUMN late_reminded_at timestamptz;
