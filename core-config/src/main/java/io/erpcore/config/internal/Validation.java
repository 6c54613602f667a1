package io.erpcore.config.internal;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Set;
import org.hibernate.validator.HibernateValidator;

/** The one Jakarta validator of core-config, built on first use (building it costs ~100 ms). */
public final class Validation {

    private Validation() {
    }

    /** Validates {@code target} against the constraints of {@code groups}. */
    public static <T> Set<ConstraintViolation<T>> validate(T target, Class<?>... groups) {
        return Holder.VALIDATOR.validate(target, groups);
    }

    private static final class Holder {
        private static final ValidatorFactory FACTORY = jakarta.validation.Validation
                .byProvider(HibernateValidator.class)
                .configure()
                .buildValidatorFactory();
        static final Validator VALIDATOR = FACTORY.getValidator();
    }
}
