-- Tenants: the one platform table. Row-level security is enabled and forced even here, so the
-- runtime role sees a tenant row only from inside that tenant's scope (app.tenant_id) or from the
-- platform scope (app.platform = 'on'), which only the platform API and login's slug lookup use.
-- Both settings are transaction-local (set_config(..., true)); nullif matters because a setting
-- once set locally reads back as '' rather than NULL on a reused connection. The (SELECT ...)
-- wrappers make PostgreSQL evaluate each setting once per query instead of once per row.

CREATE TABLE tenants (
    id             uuid        NOT NULL,
    slug           text        NOT NULL,
    name           text        NOT NULL,
    status         text        NOT NULL DEFAULT 'active',
    rate_limit_max integer,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT tenants_pkey PRIMARY KEY (id),
    CONSTRAINT tenants_slug_key UNIQUE (slug),
    CONSTRAINT tenants_slug_format CHECK (slug ~ '^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$'),
    CONSTRAINT tenants_name_length CHECK (length(name) BETWEEN 1 AND 200),
    CONSTRAINT tenants_status_known CHECK (status IN ('active', 'suspended')),
    CONSTRAINT tenants_rate_limit_positive CHECK (rate_limit_max IS NULL OR rate_limit_max >= 1)
);

ALTER TABLE tenants ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenants FORCE ROW LEVEL SECURITY;

CREATE POLICY tenants_own_row ON tenants
    USING (id = (SELECT nullif(current_setting('app.tenant_id', true), '')::uuid))
    WITH CHECK (id = (SELECT nullif(current_setting('app.tenant_id', true), '')::uuid));

CREATE POLICY tenants_platform_scope ON tenants
    USING ((SELECT coalesce(nullif(current_setting('app.platform', true), ''), 'off') = 'on'))
    WITH CHECK ((SELECT coalesce(nullif(current_setting('app.platform', true), ''), 'off') = 'on'));
