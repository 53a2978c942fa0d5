-- Coupons and add-ons applied to a customer check the customer's currency. Rows written before this column existed
-- stay NULL (no currency known) until the customer's next update.
ALTER TABLE customer_lookup ADD COLUMN currency VARCHAR(3);
