-- Every attempt to e-mail an invoice (issue 12 item 8), oldest first: [{at, to, outcome, message}].
ALTER TABLE invoices ADD COLUMN email_attempts jsonb NOT NULL DEFAULT '[]'::jsonb;
