-- Each audit event carries the correlation id of the request it happened in, so an auditor can
-- find the request's log lines. The hash covers it (canonical form v1 of the audit chain).
-- Actions keep the shape the application checks (dot-separated lower-case words), so a stored
-- action is always one the API can filter by.

ALTER TABLE audit_events ADD COLUMN correlation_id text;

ALTER TABLE audit_events
    ADD CONSTRAINT audit_events_correlation_id_length CHECK (length(correlation_id) BETWEEN 1 AND 128),
    ADD CONSTRAINT audit_events_action_shape
        CHECK (length(action) <= 100 AND action ~ '^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$'),
    ADD CONSTRAINT audit_events_resource_length CHECK (length(resource) BETWEEN 1 AND 300);

-- The audit list filters by action and by actor, newest first; these indexes answer a page of
-- either without scanning the tenant's whole trail. tenant_id leads, as on every tenant index.
CREATE INDEX audit_events_action_idx ON audit_events (tenant_id, action, seq);
CREATE INDEX audit_events_actor_idx ON audit_events (tenant_id, actor_id, seq);
