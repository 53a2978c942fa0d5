-- Requests the tenant made per UTC day, for GET /tenants/me/usage. Kept in the tenant's own database.
CREATE TABLE api_request_counts (
    day   DATE   PRIMARY KEY,
    count BIGINT NOT NULL
);
