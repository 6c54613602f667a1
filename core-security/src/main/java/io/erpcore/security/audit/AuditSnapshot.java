package io.erpcore.security.audit;

import io.erpcore.logging.Redactor;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The state of a resource before or after a change, as an audit event keeps it: a flat JSON
 * object of text, numbers, booleans, nulls and lists of text. Keys that name secrets (password,
 * token, secret, hash and the rest of the log redactor's list) are refused, so no secret can
 * reach the append-only table, where it could never be erased. A field stored encrypted is kept
 * only as {@link #ENCRYPTED}: the trail says that it changed, never what it holds.
 */
public final class AuditSnapshot {

    /** What an encrypted field's value reads as in a snapshot. */
    public static final String ENCRYPTED = "[encrypted]";

    // The log redactor's list, plus hash: a password's or a key's hash is as secret as the value.
    private static final Redactor SECRETS = Redactor.withExtraKeys(List.of("hash"));

    private final Map<String, Object> fields;

    private AuditSnapshot(Map<String, Object> fields) {
        this.fields = Collections.unmodifiableMap(fields);
    }

    /** A snapshot to fill. */
    public static Builder builder() {
        return new Builder();
    }

    /** The fields, sorted by key: values are {@code String}, {@code Long}, {@code Boolean}, {@code List<String>} or null. */
    public Map<String, Object> fields() {
        return fields;
    }

    public boolean isEmpty() {
        return fields.isEmpty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AuditSnapshot snapshot && snapshot.fields.equals(fields);
    }

    @Override
    public int hashCode() {
        return fields.hashCode();
    }

    @Override
    public String toString() {
        return "AuditSnapshot" + fields;
    }

    /** Collects fields; each key at most once. Not thread-safe. */
    public static final class Builder {

        private final TreeMap<String, Object> fields = new TreeMap<>();

        private Builder() {
        }

        /** {@code key} holds {@code value}, or null. */
        public Builder put(String key, String value) {
            return add(key, value);
        }

        public Builder put(String key, long value) {
            return add(key, value);
        }

        public Builder put(String key, boolean value) {
            return add(key, value);
        }

        public Builder put(String key, List<String> values) {
            return add(key, List.copyOf(values));
        }

        /**
         * {@code key} is a field stored encrypted: the snapshot says whether it holds a value
         * ({@link #ENCRYPTED}) or not (null), never the value.
         */
        public Builder encrypted(String key, boolean present) {
            return add(key, present ? ENCRYPTED : null);
        }

        public AuditSnapshot build() {
            return new AuditSnapshot(new TreeMap<>(fields));
        }

        private Builder add(String key, Object value) {
            Objects.requireNonNull(key, "key");
            if (key.isBlank()) {
                throw new IllegalArgumentException("an audit snapshot key must not be blank");
            }
            if (SECRETS.isSensitive(key)) {
                throw new IllegalArgumentException("audit snapshot key '" + key
                        + "' names a secret; the audit trail keeps no secrets, leave the field out");
            }
            if (fields.containsKey(key)) {
                throw new IllegalArgumentException("audit snapshot key '" + key + "' is already set");
            }
            fields.put(key, value);
            return this;
        }
    }
}
