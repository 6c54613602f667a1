-- Credentials. Only hashes are stored. A refresh token belongs to a family: presenting a token
-- that was already rotated revokes the whole family (reuse detection). Foreign keys between
-- tenant tables include tenant_id, so a row can never point into another tenant.

CREATE TABLE refresh_tokens (
    tenant_id   uuid        NOT NULL,
    id          uuid        NOT NULL,
    user_id     uuid        NOT NULL,
    family_id   uuid        NOT NULL,
    token_hash  text        NOT NULL,
    expires_at  timestamptz NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    rotated_at  timestamptz,
    revoked_at  timestamptz,
    CONSTRAINT refresh_tokens_pkey PRIMARY KEY (tenant_id, id),
    CONSTRAINT refresh_tokens_user_fkey FOREIGN KEY (tenant_id, user_id)
        REFERENCES users (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT refresh_tokens_hash_key UNIQUE (tenant_id, token_hash)
);

CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (tenant_id, family_id);
CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (tenant_id, user_id);

ALTER TABLE refresh_tokens ENABLE ROW LEVEL SECURITY;
ALTER TABLE refresh_tokens FORCE ROW LEVEL SECURITY;

CREATE POLICY refresh_tokens_tenant_isolation ON refresh_tokens
    USING (tenant_id = (SELECT nullif(current_setting('app.tenant_id', true), '')::uuid))
    WITH CHECK (tenant_id = (SELECT nullif(current_setting('app.tenant_id', true), '')::uuid));

CREATE TABLE api_keys (
    tenant_id    uuid        NOT NULL,
    id           uuid        NOT NULL,
    created_by   uuid        NOT NULL,
    name         text        NOT NULL,
    prefix       text        NOT NULL,
    key_hash     text        NOT NULL,
    scopes       text[]      NOT NULL DEFAULT '{}',
    created_at   timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz,
    last_used_at timestamptz,
    revoked_at   timestamptz,
    CONSTRAINT api_keys_pkey PRIMARY KEY (tenant_id, id),
    CONSTRAINT api_keys_creator_fkey FOREIGN KEY (tenant_id, created_by)
        REFERENCES users (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT api_keys_prefix_key UNIQUE (tenant_id, prefix),
    CONSTRAINT api_keys_name_length CHECK (length(name) BETWEEN 1 AND 200)
);

ALTER TABLE api_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE api_keys FORCE ROW LEVEL SECURITY;

CREATE POLICY api_keys_tenant_isolation ON api_keys
    USING (tenant_id = (SELECT nullif(current_setting('app.tenant_id', true), '')::uuid))
    WITH CHECK (tenant_id = (SELECT nullif(current_setting('app.tenant_id', true), '')::uuid));
