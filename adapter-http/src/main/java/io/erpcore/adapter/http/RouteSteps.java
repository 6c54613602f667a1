package io.erpcore.adapter.http;

import java.util.Optional;
import io.erpcore.security.Authentication;
import io.erpcore.security.Authenticator;
import io.erpcore.security.Principal;
import io.erpcore.tenancy.Tenant;
import io.erpcore.tenancy.TenantAdmission;
import io.erpcore.tenancy.TenantDirectory;
import io.erpcore.tenancy.TenantResolution;
import io.erpcore.tenancy.TenantResolver;
import io.javalin.http.Header;

/**
 * The steps that need the matched route: authentication, tenant resolution and authorization. They
 * read the route's {@link RouteAccess}; a route registered without one is a tenant route, so
 * forgetting to declare access fails closed.
 */
final class RouteSteps {

    private RouteSteps() {
    }

    /** Verifies the credentials; refused credentials are 401 on every route, public ones included. */
    static NamedStep authentication(Authenticator authenticator) {
        return new NamedStep("authentication", (ctx, request) -> {
            Authentication outcome = authenticator.authenticate(RequestHeaders.fieldValue(ctx, Header.AUTHORIZATION));
            if (outcome instanceof Authentication.Authenticated authenticated) {
                request.principal(authenticated.principal());
            } else if (outcome instanceof Authentication.Refused refused) {
                throw ProblemException.of(401, refused.code(), ErrorCode.NOT_AUTHENTICATED.title(), refused.detail());
            }
        });
    }

    /** Decides the tenant of a tenant route from the credentials and {@code X-Tenant-ID}, then admits it. */
    static NamedStep tenantResolution(TenantDirectory directory) {
        return new NamedStep("tenant-resolution", (ctx, request) -> {
            if (request.access().kind() != RouteAccess.Kind.TENANT) {
                return;
            }
            Principal principal = request.principal().orElse(null);
            TenantResolution resolution = TenantResolver.resolve(new TenantResolver.Request(
                    principal == null ? Optional.empty() : principal.tenantClaim(),
                    Optional.ofNullable(RequestHeaders.fieldValue(ctx, TenantResolver.TENANT_HEADER)),
                    principal != null));
            if (resolution instanceof TenantResolution.Refused refused) {
                throw refusal(refused);
            }
            var resolved = (TenantResolution.Resolved) resolution;
            TenantAdmission admission = TenantAdmission.admit(resolved.tenant(), directory.findById(resolved.tenant()));
            if (admission instanceof TenantResolution.Refused refused) {
                throw refusal(refused);
            }
            Tenant tenant = ((TenantAdmission.Admitted) admission).tenant();
            request.tenant(tenant);
        });
    }

    /** Checks the route's permission against what the principal holds. */
    static NamedStep authorization(ChainAudit audit) {
        return new NamedStep("authorization", (ctx, request) -> {
            RouteAccess access = request.access();
            if (access.kind() != RouteAccess.Kind.TENANT || access.permission().isEmpty()) {
                return;
            }
            Principal principal = request.principal()
                    .orElseThrow(() -> ErrorCode.NOT_AUTHENTICATED.problem("this route needs valid credentials"));
            if (!principal.holds(access.permission().get())) {
                request.tenantId().ifPresent(tenant -> audit.permissionDenied(ctx.method().name(), request, tenant,
                        principal, access.permission().get().toString()));
                throw ErrorCode.PERMISSION_DENIED.problem("this route needs the permission '"
                        + access.permission().get() + "'");
            }
        });
    }

    private static ProblemException refusal(TenantResolution.Refused refused) {
        TenantResolution.Refusal reason = refused.reason();
        String title = reason.httpStatus() == 401 ? ErrorCode.NOT_AUTHENTICATED.title() : "Tenant refused";
        return ProblemException.of(reason.httpStatus(), reason.code(), title, refused.detail());
    }
}
