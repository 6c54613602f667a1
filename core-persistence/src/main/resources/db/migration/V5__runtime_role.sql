-- What the runtime role (the user of DATABASE_URL, passed in as ${runtime_role}) may do: exactly
-- the statements the application runs, nothing more. It owns nothing, so row-level security
-- applies to it; audit_events is append-only for it; tenants cannot be deleted.

GRANT USAGE ON SCHEMA public TO "${runtime_role}";

GRANT SELECT, INSERT, UPDATE ON tenants TO "${runtime_role}";
GRANT SELECT, INSERT, UPDATE, DELETE ON users TO "${runtime_role}";
GRANT SELECT, INSERT, UPDATE, DELETE ON refresh_tokens TO "${runtime_role}";
GRANT SELECT, INSERT, UPDATE, DELETE ON api_keys TO "${runtime_role}";
GRANT SELECT, INSERT ON audit_events TO "${runtime_role}";

-- One stuck request must not hold a connection forever. The pool also sends these settings when
-- it connects, from DATABASE_TIMEOUT; setting them on the role covers every other client. Changing
-- another role's defaults needs CREATEROLE, which a least-privilege owner may lack: then the
-- migration says so and the pool's settings alone apply (the tenancy lint reports it too).
DO $$
BEGIN
    IF (SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user) THEN
        EXECUTE format('ALTER ROLE %I SET statement_timeout = %L', '${runtime_role}', '30s');
        EXECUTE format('ALTER ROLE %I SET lock_timeout = %L', '${runtime_role}', '10s');
        EXECUTE format('ALTER ROLE %I SET idle_in_transaction_session_timeout = %L', '${runtime_role}', '60s');
    ELSE
        RAISE WARNING 'cannot set the timeouts of role %: % lacks CREATEROLE; ask the DBA to run ALTER ROLE % SET statement_timeout = ''30s'' (and lock_timeout, idle_in_transaction_session_timeout)',
            '${runtime_role}', current_user, '${runtime_role}';
    END IF;
END
$$;
