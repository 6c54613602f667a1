-- Lists are paged by (created_at, id) within a tenant; these indexes answer a page without
-- scanning the tenant's rows. tenant_id leads, as on every tenant index.

CREATE INDEX users_created_idx ON users (tenant_id, created_at, id);
CREATE INDEX tenants_created_idx ON tenants (created_at, id);
