package io.erpcore.security;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where an encrypted value belongs: a table and a field of it, such as {@code users.phone}. It is
 * bound into every ciphertext as associated data ({@link FieldEncryption}), so a value copied into
 * another column does not decrypt there. It names the logical field; the column that stores the
 * ciphertext may be called differently ({@code phone_encrypted}).
 *
 * @param table a lower-case SQL identifier of at most 63 characters
 * @param column a lower-case SQL identifier of at most 63 characters
 */
public record EncryptedColumn(String table, String column) {

    // PostgreSQL's identifier limit; ASCII only, so a name is as many bytes as characters.
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    /** Refuses names that are not lower-case SQL identifiers. */
    public EncryptedColumn {
        requireName("table", table);
        requireName("column", column);
    }

    /** The field {@code column} of {@code table}. */
    public static EncryptedColumn of(String table, String column) {
        return new EncryptedColumn(table, column);
    }

    /** {@code table.column}, e.g. {@code users.phone}. */
    @Override
    public String toString() {
        return table + "." + column;
    }

    private static void requireName(String part, String name) {
        Objects.requireNonNull(name, part);
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + part + "' of an encrypted column must be a lower-case SQL identifier"
                    + " (a-z, 0-9, _; at most 63 characters) but was '" + name + "'");
        }
    }
}
