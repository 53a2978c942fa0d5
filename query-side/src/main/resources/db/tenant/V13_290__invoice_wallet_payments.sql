-- What each wallet paid of an invoice at its finalization and from which grants and purchases (issue 13 item 4):
-- [{walletId, transactionId, amount, credits, paidFrom: [{transactionId, type, createdAt, transactionAmount, amount,
-- credits, description}]}], major units.
ALTER TABLE invoices ADD COLUMN wallet_payments jsonb NOT NULL DEFAULT '[]'::jsonb;
