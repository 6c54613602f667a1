-- What the DBA does for ERP Core, and nothing more (README, "Tenancy and PostgreSQL"): the two
-- login roles and the database, owned by the owner role. The migrations, run by the host as
-- erp_owner (DATABASE_MIGRATION_URL), create the tables and grant erp_app (DATABASE_URL) exactly
-- what it needs.
--
-- The postgres:15 image runs this file once, when its data volume is empty, through psql as the
-- superuser. The passwords come from the container's environment (\getenv needs psql 15 or
-- newer), so they are written nowhere else.

\set ON_ERROR_STOP on
\getenv owner_password ERP_OWNER_DB_PASSWORD
\getenv app_password ERP_APP_DB_PASSWORD

CREATE ROLE erp_owner LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD :'owner_password';
CREATE ROLE erp_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD :'app_password';

-- One stuck request must not hold a connection for ever. The owner role lacks CREATEROLE and so
-- cannot set these itself; without them the tenancy lint warns.
ALTER ROLE erp_app SET statement_timeout = '30s';
ALTER ROLE erp_app SET lock_timeout = '10s';
ALTER ROLE erp_app SET idle_in_transaction_session_timeout = '60s';

CREATE DATABASE erp OWNER erp_owner;
REVOKE ALL ON DATABASE erp FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE erp TO erp_app;
