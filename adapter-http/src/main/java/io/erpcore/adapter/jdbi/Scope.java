package io.erpcore.adapter.jdbi;

import io.erpcore.tenancy.TenantId;

/**
 * The transaction-local settings a scope consists of, as one SQL statement of one result. The
 * tenant id is written as a literal: it is a parsed UUID, so the text cannot carry anything else,
 * and a literal leaves the work's own parameter positions untouched. ({@code SET LOCAL} would do
 * the same; measured through pgjdbc's extended protocol it was slower than {@code set_config},
 * whose statement the driver prepares once per connection.)
 *
 * @param tenant the scoped tenant, null for the platform scope
 */
record Scope(String setting, TenantId tenant) {

    static Scope tenant(TenantId tenant) {
        return new Scope("select set_config('app.tenant_id', '" + tenant + "', true)", tenant);
    }

    static Scope platform() {
        return new Scope("select set_config('app.platform', 'on', true)", null);
    }

    static Scope provisioning(TenantId tenant) {
        return new Scope("select set_config('app.platform', 'on', true), set_config('app.tenant_id', '"
                + tenant + "', true)", tenant);
    }
}
