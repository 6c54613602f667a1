package io.erpcore.config;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The annotated string is a browser origin, {@code https://app.example.com[:port]} (scheme
 * http or https, a host, an optional port, nothing else), or {@code *} for any origin.
 */
@Documented
@Constraint(validatedBy = WebOriginValidator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface WebOrigin {

    String message() default "must be * or an origin such as https://app.example.com (scheme, host, optional port; no path)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
