-- The audit trail: append-only for the runtime role (V5 grants no UPDATE or DELETE) and
-- hash-chained per tenant. seq numbers a tenant's events without gaps; each row carries the hash
-- of the row before it, so a changed, removed or inserted row breaks the chain at that point.
-- before and after never hold secrets or decrypted personal data.

CREATE TABLE audit_events (
    tenant_id  uuid        NOT NULL,
    seq        bigint      NOT NULL,
    id         uuid        NOT NULL,
    action     text        NOT NULL,
    actor_id   uuid,
    resource   text        NOT NULL,
    before     jsonb,
    after      jsonb,
    at         timestamptz NOT NULL DEFAULT now(),
    prev_hash  text        NOT NULL,
    hash       text        NOT NULL,
    CONSTRAINT audit_events_pkey PRIMARY KEY (tenant_id, seq),
    CONSTRAINT audit_events_id_key UNIQUE (tenant_id, id),
    CONSTRAINT audit_events_tenant_fkey FOREIGN KEY (tenant_id) REFERENCES tenants (id),
    CONSTRAINT audit_events_seq_positive CHECK (seq >= 1)
);

ALTER TABLE audit_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_events FORCE ROW LEVEL SECURITY;

CREATE POLICY audit_events_tenant_isolation ON audit_events
    USING (tenant_id = (SELECT nullif(current_setting('app.tenant_id', true), '')::uuid))
    WITH CHECK (tenant_id = (SELECT nullif(current_setting('app.tenant_id', true), '')::uuid));
