package io.erpcore.security;

import io.erpcore.tenancy.TenantId;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What the readable part of an API key says: whose it is and which key it claims to be. Neither is
 * proof; only the key's hash matching the stored one is.
 *
 * @param tenant the tenant the key was issued in
 * @param prefix the key's ten-character public identifier, {@code [a-z0-9]}
 */
public record ApiKeyParts(TenantId tenant, String prefix) {

    private static final Pattern PREFIX = Pattern.compile("[a-z0-9]{10}");

    /** Refuses a missing tenant and a prefix that is not ten characters {@code [a-z0-9]}. */
    public ApiKeyParts {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(prefix, "prefix");
        if (!PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("an API key prefix must be 10 characters a-z or 0-9");
        }
    }
}
