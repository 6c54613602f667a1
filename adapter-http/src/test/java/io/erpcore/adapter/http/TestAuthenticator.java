package io.erpcore.adapter.http;

import io.erpcore.security.Authentication;
import io.erpcore.security.Authenticator;
import io.erpcore.security.Permission;
import io.erpcore.security.Principal;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Test credentials in plain text, {@code Bearer test:<subject>:<tenant>:<permission,...>}: the chain's
 * steps after authentication, without the token code of the identity module.
 */
public final class TestAuthenticator implements Authenticator {

    private static final String PREFIX = "Bearer test:";

    // Parsed once per distinct header: a real authenticator verifies in microseconds, and the chain's
    // benchmark should measure the chain, not this double's string splitting.
    private final Map<String, Authentication> parsed = new ConcurrentHashMap<>();

    /** The header of a user of {@code tenant} holding {@code permissions}. */
    public static String header(String subject, String tenant, String... permissions) {
        return PREFIX + subject + ":" + tenant + ":" + String.join(",", permissions);
    }

    @Override
    public Authentication authenticate(String authorization) {
        if (authorization == null) {
            return Authentication.anonymous();
        }
        return parsed.computeIfAbsent(authorization, TestAuthenticator::parse);
    }

    private static Authentication parse(String authorization) {
        if (!authorization.startsWith(PREFIX)) {
            return new Authentication.Refused("INVALID_TOKEN", "the token is not valid");
        }
        String[] parts = authorization.substring(PREFIX.length()).split(":", 3);
        return new Authentication.Authenticated(new Principal(parts[0],
                parts[1].isEmpty() ? Optional.empty() : Optional.of(parts[1]),
                Arrays.stream(parts[2].split(",")).filter(p -> !p.isEmpty()).map(Permission::parse)
                        .collect(Collectors.toSet())));
    }
}
