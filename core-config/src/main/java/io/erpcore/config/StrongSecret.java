package io.erpcore.config;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The annotated {@link Secret} is long enough, is not one character repeated and is not a
 * placeholder copied from documentation ({@code changeme}, {@code your-jwt-secret}). Absent
 * values are valid: whether a secret is required is the catalogue's business.
 */
@Documented
@Constraint(validatedBy = StrongSecretValidator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface StrongSecret {

    String message() default "must be a strong secret";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The fewest bytes of secret material accepted. */
    int minBytes() default 32;

    /** Whether the material is the base64-decoded value rather than the text itself. */
    boolean base64() default false;
}
