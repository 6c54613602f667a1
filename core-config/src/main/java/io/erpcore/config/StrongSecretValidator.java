package io.erpcore.config;

import io.erpcore.config.internal.Placeholders;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.Base64;
import java.util.Optional;

/**
 * Checks {@link StrongSecret}: length, a single repeated character, documentation placeholders.
 * Public only because Hibernate Validator instantiates it through its public constructor.
 */
public final class StrongSecretValidator implements ConstraintValidator<StrongSecret, Secret> {

    private int minBytes;
    private boolean base64;

    @Override
    public void initialize(StrongSecret constraint) {
        minBytes = constraint.minBytes();
        base64 = constraint.base64();
    }

    @Override
    public boolean isValid(Secret secret, ConstraintValidatorContext context) {
        if (secret == null) {
            return true;
        }
        Optional<String> weakness = weakness(secret);
        weakness.ifPresent(reason -> {
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(reason).addConstraintViolation();
        });
        return weakness.isEmpty();
    }

    /** Why {@code secret} is weak, in words that never quote it. */
    private Optional<String> weakness(Secret secret) {
        byte[] material = material(secret);
        if (material.length < minBytes) {
            return Optional.of("must be at least " + minBytes + " bytes of random data"
                    + (base64 ? " once base64-decoded" : ""));
        }
        if (oneRepeatedByte(material)) {
            return Optional.of("must not be one character repeated");
        }
        if (Placeholders.isPlaceholder(secret.reveal())) {
            return Optional.of("must not be a placeholder from the documentation (such as changeme or your-jwt-secret)");
        }
        return Optional.empty();
    }

    private byte[] material(Secret secret) {
        if (!base64) {
            return secret.bytes();
        }
        try {
            return Base64.getDecoder().decode(secret.reveal());
        } catch (IllegalArgumentException notBase64) {
            // The parser already refused it; judge the text so the answer is still about strength.
            return secret.bytes();
        }
    }

    private static boolean oneRepeatedByte(byte[] material) {
        for (byte b : material) {
            if (b != material[0]) {
                return false;
            }
        }
        return true;
    }
}
