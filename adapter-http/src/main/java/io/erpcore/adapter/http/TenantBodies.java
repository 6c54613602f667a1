package io.erpcore.adapter.http;

import io.erpcore.adapter.jdbi.NewTenant;
import io.erpcore.adapter.jdbi.TenantUpdate;
import io.erpcore.tenancy.InvalidTenantException;
import io.erpcore.tenancy.Tenant;
import io.erpcore.tenancy.TenantId;
import io.erpcore.tenancy.TenantStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The platform API's request bodies (DESIGN section 4), checked field by field against the rules of
 * {@link Tenant} and {@link NewTenant.Admin}, every problem reported at once. Passwords are never
 * quoted in a problem.
 */
final class TenantBodies {

    /** The fewest characters an owner's password may have, whatever the caller's policy says. */
    static final int PASSWORD_MIN_LENGTH = 12;

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");
    private static final String STATUS_RULE = "must be one of [active, suspended]";
    private static final String RATE_LIMIT_RULE = "must be a whole number of at least 1, or null to remove the"
            + " tenant's own limit";

    private TenantBodies() {
    }

    /**
     * The tenant of a create body {@code {"slug","name","admin":{"email","displayName","password"}}};
     * the password is hashed by {@code hasher} only once everything else is valid.
     */
    static NewTenant create(JsonFields body, Function<String, List<String>> passwordViolations,
            Function<String, String> hasher) {
        body.onlyKnown(Set.of("slug", "name", "admin"));
        Optional<String> slug = body.requiredText("slug");
        slug.ifPresent(text -> body.check("slug", () -> tenantWith(text, "x")));
        Optional<String> name = body.requiredText("name");
        name.ifPresent(text -> body.check("name", () -> tenantWith("x", text)));
        Optional<JsonFields> admin = body.requiredObject("admin");
        admin.ifPresent(fields -> fields.onlyKnown(Set.of("email", "displayName", "password")));
        Optional<String> email = admin.flatMap(fields -> email(fields));
        Optional<String> displayName = admin.flatMap(fields -> fields.requiredText("displayName"));
        admin.ifPresent(fields -> displayName.ifPresent(text ->
                fields.check("displayName", () -> new NewTenant.Admin("a@b.c", text, "x"))));
        Optional<String> password = admin.flatMap(fields -> password(fields, passwordViolations));
        body.throwIfInvalid();
        return new NewTenant(slug.orElseThrow(), name.orElseThrow(), new NewTenant.Admin(email.orElseThrow(),
                displayName.orElseThrow(), hasher.apply(password.orElseThrow())));
    }

    /** The change of a patch body with any of {@code name}, {@code status} and {@code rateLimitMax}. */
    static TenantUpdate update(JsonFields body) {
        body.onlyKnown(Set.of("name", "status", "rateLimitMax"));
        Optional<String> name = body.optionalText("name");
        name.ifPresent(text -> body.check("name", () -> tenantWith("x", text)));
        Optional<TenantStatus> status = body.isNull("status") ? failed(body, "status", STATUS_RULE)
                : body.optionalText("status").flatMap(text -> status(body, text));
        Optional<Integer> rateLimitMax = body.optionalInt("rateLimitMax", RATE_LIMIT_RULE);
        rateLimitMax.filter(max -> max < 1).ifPresent(max -> body.add("rateLimitMax", RATE_LIMIT_RULE));
        body.throwIfInvalid();
        TenantUpdate update = TenantUpdate.none();
        update = name.map(update::withName).orElse(update);
        update = status.map(update::withStatus).orElse(update);
        update = rateLimitMax.map(update::withRateLimitMax).orElse(update);
        return body.isNull("rateLimitMax") ? update.withoutRateLimitMax() : update;
    }

    private static Optional<String> email(JsonFields admin) {
        Optional<String> email = admin.requiredText("email");
        email.ifPresent(text -> admin.check("email", () -> {
            new NewTenant.Admin(text, "x", "x");
            if (!EMAIL.matcher(text).matches()) {
                throw new IllegalArgumentException("must be an e-mail address such as ada@example.com");
            }
        }));
        return email;
    }

    // Problems name the rule and never the password itself.
    private static Optional<String> password(JsonFields admin, Function<String, List<String>> policy) {
        Optional<String> password = admin.requiredText("password");
        if (password.isEmpty()) {
            return password;
        }
        List<String> violations = new ArrayList<>();
        if (password.get().codePointCount(0, password.get().length()) < PASSWORD_MIN_LENGTH) {
            violations.add("must be at least " + PASSWORD_MIN_LENGTH + " characters long");
        }
        violations.addAll(policy.apply(password.get()));
        violations.stream().distinct().forEach(violation -> admin.add("password", violation));
        return password;
    }

    private static Optional<TenantStatus> status(JsonFields body, String text) {
        try {
            return Optional.of(TenantStatus.ofId(text));
        } catch (InvalidTenantException unknown) {
            body.add("status", STATUS_RULE);
            return Optional.empty();
        }
    }

    private static <T> Optional<T> failed(JsonFields body, String field, String message) {
        body.add(field, message);
        return Optional.empty();
    }

    // Tenant's compact constructor holds the slug and name rules; a throwaway instance applies them.
    private static Tenant tenantWith(String slug, String name) {
        return new Tenant(TenantId.random(), slug, name, TenantStatus.ACTIVE, Optional.empty(), Instant.EPOCH);
    }
}
