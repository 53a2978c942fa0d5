-- A registration reserves its email and slug with an inactive catalog row before the tenant's database exists;
-- the row is activated (provisioning_started_at back to NULL) once the database, pool, first key and session are
-- in place. A row still provisioning long after it started belongs to a registration that died half-way: the
-- sweep drops its database and deletes it.
ALTER TABLE tenants ADD COLUMN provisioning_started_at TIMESTAMPTZ;
ALTER TABLE tenants ADD CONSTRAINT tenants_provisioning_inactive_ck CHECK (provisioning_started_at IS NULL OR NOT is_active);
CREATE INDEX tenants_provisioning_idx ON tenants (provisioning_started_at) WHERE provisioning_started_at IS NOT NULL;
