package io.erpcore.security;

import com.auth0.jwt.exceptions.AlgorithmMismatchException;
import com.auth0.jwt.exceptions.IncorrectClaimException;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.exceptions.MissingClaimException;
import com.auth0.jwt.exceptions.SignatureVerificationException;
import com.auth0.jwt.exceptions.TokenExpiredException;
import io.erpcore.security.TokenVerification.Reason;

/** Translates java-jwt's verification failures into {@link Reason}s, so no library type leaves this package's API. */
final class JwtRefusals {

    private JwtRefusals() {
    }

    static Reason reasonFor(JWTVerificationException refused) {
        if (refused instanceof AlgorithmMismatchException) {
            return Reason.UNSUPPORTED_ALGORITHM;
        }
        if (refused instanceof SignatureVerificationException) {
            return Reason.BAD_SIGNATURE;
        }
        if (refused instanceof TokenExpiredException) {
            return Reason.EXPIRED;
        }
        if (refused instanceof MissingClaimException) {
            return Reason.MISSING_CLAIM;
        }
        if (refused instanceof IncorrectClaimException incorrect) {
            return reasonForClaim(incorrect.getClaimName());
        }
        return Reason.MALFORMED;
    }

    private static Reason reasonForClaim(String claim) {
        return switch (String.valueOf(claim)) {
            case "iss" -> Reason.WRONG_ISSUER;
            case "aud" -> Reason.WRONG_AUDIENCE;
            case "exp" -> Reason.EXPIRED;
            case "nbf", "iat" -> Reason.NOT_YET_VALID;
            default -> Reason.MALFORMED;
        };
    }
}
