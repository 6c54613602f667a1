package io.erpcore.tenancy;

import java.util.Objects;

/**
 * The outcome of {@link TenantResolver#resolve}: the request's tenant, or a refusal that the HTTP
 * adapter answers with the refusal's status and code.
 */
public sealed interface TenantResolution permits TenantResolution.Resolved, TenantResolution.Refused {

    /** The request runs as {@code tenant}; the directory still decides whether it may be served. */
    record Resolved(TenantId tenant) implements TenantResolution {

        /** Refuses a missing tenant. */
        public Resolved {
            Objects.requireNonNull(tenant, "tenant");
        }
    }

    /**
     * The request is refused for {@code reason}; {@code detail} says why in words that are safe to
     * show the caller (it repeats only the caller's own input and the caller's own tenant).
     */
    record Refused(Refusal reason, String detail) implements TenantResolution, TenantAdmission {

        /** Refuses a missing reason or a blank detail. */
        public Refused {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
            if (detail.isBlank()) {
                throw new IllegalArgumentException("'detail' must not be blank");
            }
        }
    }

    /**
     * Why a request cannot run as a tenant, with the HTTP status and the stable error code it is
     * answered with. The codes are part of the API: never rename one.
     */
    enum Refusal {
        /** No valid credentials on a tenant route (a tenant header alone is never trusted). */
        NOT_AUTHENTICATED(401, "NOT_AUTHENTICATED"),
        /** The {@code X-Tenant-ID} header, or the credentials' {@code tid} claim, is not a UUID. */
        MALFORMED_TENANT(400, "MALFORMED_TENANT"),
        /**
         * Valid credentials that carry no tenant (no {@code tid} claim). 403, not 401: the caller is
         * authenticated, and refreshing the same credentials would give the same answer forever.
         */
        NO_TENANT(403, "NO_TENANT"),
        /** The {@code X-Tenant-ID} header names another tenant than the credentials. */
        TENANT_MISMATCH(403, "TENANT_MISMATCH"),
        /**
         * The credentials name a tenant the directory does not know (it was deleted). 401, not 403:
         * credentials of a tenant that no longer exists identify no one, like those of a deleted
         * user; new credentials are the only remedy.
         */
        TENANT_NOT_FOUND(401, "TENANT_NOT_FOUND"),
        /** The tenant exists and is suspended (DESIGN section 4: 403). */
        TENANT_SUSPENDED(403, "TENANT_SUSPENDED");

        private final int httpStatus;
        private final String code;

        Refusal(int httpStatus, String code) {
            this.httpStatus = httpStatus;
            this.code = code;
        }

        /** The HTTP status the refusal is answered with. */
        public int httpStatus() {
            return httpStatus;
        }

        /** The stable error code of the problem answer, e.g. {@code TENANT_MISMATCH}. */
        public String code() {
            return code;
        }
    }
}
