/**
 * Who the current tenant is, and the rules for deciding it.
 *
 * <p>Will hold the {@code TenantId} value, the {@code TenantContext} port, the
 * {@code TenantResolver} that weighs a token claim against an {@code X-Tenant-ID} header, and the
 * {@code TenantDirectory} port with tenant status.
 */
package io.erpcore.tenancy;
