package io.erpcore.config;

import jakarta.validation.constraints.Pattern;

/**
 * A token-signing secret and its key id ({@code kid}); previous keys stay here after a rotation
 * so tokens signed before it still verify until they expire.
 */
public record JwtKey(
        @Pattern(regexp = JwtKey.ID_PATTERN, message = JwtKey.ID_RULE) String id,
        @StrongSecret(minBytes = 32, groups = OutsideDevelopment.class) Secret secret) {

    static final String ID_PATTERN = "[A-Za-z0-9._-]{1,64}";
    static final String ID_RULE = "key ids must be 1 to 64 letters, digits, '.', '_' or '-'";

    /** {@code kid:secret}; the secret may itself contain ':'. */
    static JwtKey parse(String entry) {
        int colon = entry.indexOf(':');
        if (colon <= 0 || colon == entry.length() - 1) {
            throw new IllegalArgumentException("must be a comma list of kid:secret pairs");
        }
        return new JwtKey(entry.substring(0, colon).strip(), Secret.of(entry.substring(colon + 1).strip()));
    }

    @Override
    public String toString() {
        return id + ":" + Secret.MASK;
    }
}
