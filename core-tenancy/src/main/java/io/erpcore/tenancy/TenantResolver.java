package io.erpcore.tenancy;

import io.erpcore.tenancy.TenantResolution.Refusal;
import io.erpcore.tenancy.TenantResolution.Refused;
import io.erpcore.tenancy.TenantResolution.Resolved;
import io.erpcore.tenancy.internal.InputText;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Decides a request's tenant from its verified credentials and its {@code X-Tenant-ID} header
 * (DESIGN section 4). A pure function: no I/O, no state, the same answer for the same request.
 *
 * <p>The rules, in the order they are applied:
 * <ol>
 *   <li>Not authenticated: {@code NOT_AUTHENTICATED} (401), whatever the header says; a header
 *       is never trusted on its own.
 *   <li>Authenticated without a {@code tid} claim: {@code NO_TENANT} (403); the header cannot
 *       supply a tenant the credentials do not carry.
 *   <li>A {@code tid} claim that is not a UUID: {@code MALFORMED_TENANT} (400). Credentials are
 *       verified before this step, so this indicates a bug upstream (the token or API key issuer).
 *   <li>A header that is not a UUID: {@code MALFORMED_TENANT} (400).
 *   <li>A header that names another tenant than the claim: {@code TENANT_MISMATCH} (403), compared
 *       as UUIDs so letter case does not matter.
 *   <li>Otherwise the claim's tenant: the claim is authoritative; an agreeing header is fine.
 * </ol>
 */
public final class TenantResolver {

    /** The request header a client may send to state the tenant it expects. */
    public static final String TENANT_HEADER = "X-Tenant-ID";

    /** The claim of a verified token or API key that names its tenant. */
    public static final String TENANT_CLAIM = "tid";

    private TenantResolver() {
    }

    /**
     * What resolution looks at.
     *
     * @param tokenTenantClaim the {@code tid} claim of already-verified credentials, as written
     * @param tenantHeader the raw {@code X-Tenant-ID} header, as sent
     * @param authenticated whether the request carries valid credentials
     */
    public record Request(Optional<String> tokenTenantClaim, Optional<String> tenantHeader, boolean authenticated) {

        /** Refuses missing optionals. */
        public Request {
            Objects.requireNonNull(tokenTenantClaim, "tokenTenantClaim");
            Objects.requireNonNull(tenantHeader, "tenantHeader");
        }
    }

    /** The request's tenant, or why it has none; see the class description for the rules. */
    public static TenantResolution resolve(Request request) {
        Objects.requireNonNull(request, "request");
        if (!request.authenticated()) {
            return notAuthenticated(request.tenantHeader().isPresent());
        }
        if (request.tokenTenantClaim().isEmpty()) {
            return new Refused(Refusal.NO_TENANT, "the credentials carry no tenant ('" + TENANT_CLAIM
                    + "' claim) and cannot be used on a tenant route");
        }
        return resolveClaim(request.tokenTenantClaim().get(), request.tenantHeader());
    }

    private static TenantResolution resolveClaim(String claimText, Optional<String> header) {
        Optional<UUID> claim = InputText.parseUuid(claimText);
        if (claim.isEmpty()) {
            return new Refused(Refusal.MALFORMED_TENANT, "the credentials' '" + TENANT_CLAIM
                    + "' claim must be a UUID but was " + InputText.quote(claimText));
        }
        return header
                .map(text -> checkHeader(text, claim.get()))
                .orElseGet(() -> new Resolved(TenantId.of(claim.get())));
    }

    private static TenantResolution notAuthenticated(boolean headerSent) {
        return new Refused(Refusal.NOT_AUTHENTICATED, headerSent
                ? "a tenant route needs valid credentials; '" + TENANT_HEADER + "' alone is never trusted"
                : "a tenant route needs valid credentials");
    }

    private static TenantResolution checkHeader(String header, UUID claim) {
        Optional<UUID> stated = InputText.parseUuid(header);
        if (stated.isEmpty()) {
            return new Refused(Refusal.MALFORMED_TENANT,
                    "'" + TENANT_HEADER + "' must be a UUID but was " + InputText.quote(header));
        }
        if (!stated.get().equals(claim)) {
            return new Refused(Refusal.TENANT_MISMATCH, "'" + TENANT_HEADER + "' names tenant '" + stated.get()
                    + "' but the credentials belong to tenant '" + claim + "'");
        }
        return new Resolved(TenantId.of(claim));
    }
}
