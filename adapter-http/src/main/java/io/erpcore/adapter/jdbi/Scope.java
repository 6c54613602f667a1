package io.erpcore.adapter.jdbi;

import io.erpcore.tenancy.TenantId;

/**
 * The transaction-local settings a scope consists of, as one SQL statement of one result. The
 * tenant id goes in as a bound parameter where it can: the statement's text is then the same for
 * every tenant, so the driver and the server prepare and plan it once per connection, however many
 * tenants that connection serves. ({@code SET LOCAL} would do the same work; measured through
 * pgjdbc's extended protocol it was slower than {@code set_config}, whose statement the driver
 * prepares.)
 *
 * @param template the statement, with {@value #TENANT} where the tenant id goes
 * @param tenant the scoped tenant, null for the platform scope
 */
record Scope(String template, TenantId tenant) {

    /** The name under which the scope binds its tenant id to a statement. */
    static final String TENANT_PARAMETER = "erpScopeTenant";
    private static final String TENANT = "{tenant}";

    static Scope tenant(TenantId tenant) {
        return new Scope("select set_config('app.tenant_id', " + TENANT + ", true)", tenant);
    }

    static Scope platform() {
        return new Scope("select set_config('app.platform', 'on', true)", null);
    }

    static Scope provisioning(TenantId tenant) {
        return new Scope("select set_config('app.platform', 'on', true), set_config('app.tenant_id', " + TENANT
                + ", true)", tenant);
    }

    /** The setting with {@code marker}, a parameter marker, where the tenant id goes. */
    String setting(String marker) {
        return tenant == null ? template : template.replace(TENANT, marker);
    }

    /**
     * The setting with the tenant id written as a literal, for statements whose parameters are
     * positional. The id is a parsed UUID, so the literal cannot carry anything else.
     */
    String literalSetting() {
        return setting("'" + tenant + "'");
    }
}
