-- Users belong to one tenant. tenant_id leads the primary key and every index, so the table can
-- later be distributed by tenant; the e-mail is unique per tenant only (a global unique e-mail
-- would tell one tenant that an address is registered with another). The phone number is stored
-- encrypted by the application; only the password's hash is kept.

CREATE TABLE users (
    tenant_id       uuid        NOT NULL,
    id              uuid        NOT NULL,
    email           text        NOT NULL,
    display_name    text        NOT NULL,
    phone_encrypted text,
    password_hash   text        NOT NULL,
    roles           text[]      NOT NULL DEFAULT '{}',
    status          text        NOT NULL DEFAULT 'active',
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT users_pkey PRIMARY KEY (tenant_id, id),
    CONSTRAINT users_tenant_fkey FOREIGN KEY (tenant_id) REFERENCES tenants (id),
    CONSTRAINT users_status_known CHECK (status IN ('active', 'disabled')),
    CONSTRAINT users_email_length CHECK (length(email) BETWEEN 3 AND 320),
    CONSTRAINT users_display_name_length CHECK (length(display_name) BETWEEN 1 AND 200)
);

CREATE UNIQUE INDEX users_tenant_email_key ON users (tenant_id, lower(email));

ALTER TABLE users ENABLE ROW LEVEL SECURITY;
ALTER TABLE users FORCE ROW LEVEL SECURITY;

CREATE POLICY users_tenant_isolation ON users
    USING (tenant_id = (SELECT nullif(current_setting('app.tenant_id', true), '')::uuid))
    WITH CHECK (tenant_id = (SELECT nullif(current_setting('app.tenant_id', true), '')::uuid));
