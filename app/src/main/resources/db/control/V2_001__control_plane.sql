-- The control database: tenants, logins, refresh and reset tokens, API-key hashes. Nothing tenant-owned
-- (customers, events, read models, request counters) is ever stored here; each tenant has its own database.

CREATE TABLE tenants (
    id                    VARCHAR(64)  PRIMARY KEY,
    name                  VARCHAR(255) NOT NULL,
    email                 VARCHAR(320) NOT NULL,
    password_hash         VARCHAR(100) NOT NULL,
    slug                  VARCHAR(80)  NOT NULL,
    company_name          VARCHAR(255),
    database_name         VARCHAR(63)  NOT NULL,
    is_active             BOOLEAN      NOT NULL DEFAULT TRUE,
    settings              JSONB        NOT NULL DEFAULT '{}'::jsonb,
    rate_limit_per_minute INTEGER,
    session_version       INTEGER      NOT NULL DEFAULT 0,
    created_at            TIMESTAMPTZ  NOT NULL,
    updated_at            TIMESTAMPTZ  NOT NULL
);
CREATE UNIQUE INDEX tenants_email_uk ON tenants (lower(email));
CREATE UNIQUE INDEX tenants_slug_uk ON tenants (slug);
CREATE UNIQUE INDEX tenants_database_uk ON tenants (database_name);

CREATE TABLE refresh_tokens (
    id          VARCHAR(64) PRIMARY KEY,
    tenant_id   VARCHAR(64) NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    family_id   VARCHAR(64) NOT NULL,
    token_hash  CHAR(64)    NOT NULL UNIQUE,
    expires_at  TIMESTAMPTZ NOT NULL,
    used_at     TIMESTAMPTZ,
    revoked_at  TIMESTAMPTZ,
    created_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_tenant_idx ON refresh_tokens (tenant_id);

CREATE TABLE password_reset_tokens (
    token_hash CHAR(64)    PRIMARY KEY,
    tenant_id  VARCHAR(64) NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    expires_at TIMESTAMPTZ NOT NULL,
    used_at    TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE api_keys (
    id           VARCHAR(64)  PRIMARY KEY,
    tenant_id    VARCHAR(64)  NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    name         VARCHAR(255),
    key_hash     CHAR(64)     NOT NULL UNIQUE,
    prefix       VARCHAR(16)  NOT NULL,
    last_four    CHAR(4)      NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    last_used_at TIMESTAMPTZ,
    revoked_at   TIMESTAMPTZ
);
CREATE INDEX api_keys_tenant_idx ON api_keys (tenant_id);
