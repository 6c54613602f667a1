package io.erpcore.config;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the configuration variable a record component is bound from. On a validation method
 * ({@code @AssertTrue boolean isTenantShareWithinPool()}) it names the variable a broken
 * cross-field rule is reported against.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.METHOD})
public @interface Variable {

    /** The variable's name in the catalogue, such as {@code DATABASE_MAX_CONNECTIONS}. */
    String value();

    /**
     * For a cross-field rule, the other variables it compares against. When one of them is
     * already in error, the rule is not reported: it would only repeat that error.
     */
    String[] reads() default {};
}
