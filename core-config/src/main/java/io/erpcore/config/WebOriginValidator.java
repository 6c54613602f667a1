package io.erpcore.config;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Checks {@link WebOrigin}: {@code *}, or scheme, host and optional port with nothing else.
 * Public only because Hibernate Validator instantiates it through its public constructor.
 */
public final class WebOriginValidator implements ConstraintValidator<WebOrigin, String> {

    @Override
    public boolean isValid(String origin, ConstraintValidatorContext context) {
        if (origin == null || origin.equals("*")) {
            return true;
        }
        try {
            URI uri = new URI(origin);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    && uri.getHost() != null
                    && uri.getRawUserInfo() == null
                    && uri.getRawPath().isEmpty()
                    && uri.getRawQuery() == null
                    && uri.getRawFragment() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
