package io.erpcore.adapter.http;

import io.erpcore.config.Secret;
import io.javalin.http.Header;
import java.util.Optional;

/**
 * The chain's rules for platform routes ({@link RouteAccess.Kind#PLATFORM}): their bearer value is
 * {@code PLATFORM_ADMIN_TOKEN}, not a user's token, so it never reaches the {@code Authenticator},
 * and {@code platform-authorization} checks it in constant time. Neither step logs or echoes what
 * the caller sent.
 */
final class PlatformSteps {

    private static final String NEEDS_TOKEN = "the platform API needs 'Authorization: Bearer <PLATFORM_ADMIN_TOKEN>'";

    private PlatformSteps() {
    }

    /** {@code step} under its own name, skipped on platform routes. */
    static NamedStep exceptOnPlatformRoutes(NamedStep step) {
        return new NamedStep(step.name(), (ctx, request) -> {
            if (request.access().kind() != RouteAccess.Kind.PLATFORM) {
                step.step().apply(ctx, request);
            }
        });
    }

    /**
     * On platform routes: no bearer value is 401 {@code NOT_AUTHENTICATED}; a bearer value other
     * than {@code token} (a user's token included) is 403 {@code PLATFORM_TOKEN_REQUIRED}.
     */
    static NamedStep platformAuthorization(Optional<Secret> token) {
        Optional<BearerToken> expected = token.map(BearerToken::of);
        return new NamedStep("platform-authorization", (ctx, request) -> {
            if (request.access().kind() != RouteAccess.Kind.PLATFORM) {
                return;
            }
            if (expected.isEmpty()) {
                // ApiRoutes registers no platform route without the token; should one exist anyway, it is hidden.
                throw ErrorCode.NOT_FOUND.problem("no route matches this path");
            }
            String authorization = RequestHeaders.fieldValue(ctx, Header.AUTHORIZATION);
            if (!BearerToken.isBearer(authorization)) {
                throw ErrorCode.NOT_AUTHENTICATED.problem(NEEDS_TOKEN);
            }
            if (!expected.get().matches(authorization)) {
                throw ErrorCode.PLATFORM_TOKEN_REQUIRED.problem(
                        "the platform API accepts only the platform token, never a user's or an API key's credentials");
            }
        });
    }
}
