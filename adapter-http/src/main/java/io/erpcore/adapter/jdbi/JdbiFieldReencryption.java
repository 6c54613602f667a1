package io.erpcore.adapter.jdbi;

import io.erpcore.persistence.Execution;
import io.erpcore.persistence.RlsExecutor;
import io.erpcore.security.FieldDecryptionException;
import io.erpcore.security.FieldEncryption;
import io.erpcore.tenancy.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Moves every encrypted value in PostgreSQL to the current key after a key rotation: today the
 * users' phone numbers ({@code users.phone_encrypted}); a new encrypted column adds its statements
 * here. Named for the work it does across columns rather than as a repository, because it reads
 * and writes no entity, only ciphertext.
 *
 * <p>It goes through every tenant (listed in the platform scope) and, in the tenant's own scope,
 * through its values in batches ordered by id (keyset pagination, so a batch costs the same at
 * any depth). A value already under {@link FieldEncryption#currentKeyId()} is left alone; any
 * other is decrypted under the key it names and encrypted under the current one, and written back
 * by one statement per batch that updates a row only while it still holds the old ciphertext: a
 * user's edit made in between is never overwritten, only counted. Re-encryption does not touch
 * {@code updated_at}: nothing about the user changed. Running it again is harmless, and after a
 * complete run it re-encrypts nothing.
 *
 * <p><b>Running it.</b> The CLI has no command for it yet; until it does, an operator runs it
 * with the host's wiring after the rotation's configuration is deployed everywhere (new
 * {@code ENCRYPTION_KEY} and {@code ENCRYPTION_KEY_ID}, the old key moved to
 * {@code ENCRYPTION_PREVIOUS_KEYS}), against the runtime role's database:
 * {@code JdbiFieldReencryption.create(database.rls(), FieldEncryption.from(config.encryptionConfig())).run()},
 * and keeps the old key until a run's {@link Report} shows nothing re-encrypted, nothing changed
 * meanwhile and nothing undecryptable (docs/security.md, "Key rotation").
 *
 * <p>A value under a key id the configuration does not hold stops the run with a
 * {@link FieldDecryptionException}: the configuration is missing a previous key, and no row has
 * been written wrongly. A value that is malformed or fails authentication cannot be recovered by
 * any key; it is counted and listed (the first {@value #LISTED_FAILURES}) and the run goes on.
 * Blocks until done; one run at a time is enough, though two would only repeat each other's work.
 */
public final class JdbiFieldReencryption {

    /** Rows read and written per statement unless {@link #create(RlsExecutor, FieldEncryption, int)} says otherwise. */
    public static final int DEFAULT_BATCH = 500;
    /** How many undecryptable values a {@link Report} names at most. */
    public static final int LISTED_FAILURES = 100;

    private static final int TENANT_BATCH = 100;

    private static final String FIRST_BATCH = "select id, phone_encrypted from users "
            + "where phone_encrypted is not null order by id limit :rows";
    private static final String NEXT_BATCH = "select id, phone_encrypted from users "
            + "where phone_encrypted is not null and id > :after order by id limit :rows";
    private static final String REWRITE = "update users set phone_encrypted = v.new_text "
            + "from unnest(cast(cast(:ids as text[]) as uuid[]), cast(:olds as text[]), cast(:news as text[])) "
            + "as v(id, old_text, new_text) where users.id = v.id and users.phone_encrypted = v.old_text";

    private final RlsExecutor<Handle> rls;
    private final FieldEncryption encryption;
    private final int batchSize;

    private JdbiFieldReencryption(RlsExecutor<Handle> rls, FieldEncryption encryption, int batchSize) {
        this.rls = rls;
        this.encryption = encryption;
        this.batchSize = batchSize;
    }

    /** Re-encryption through {@code rls} (the runtime role) to {@code encryption}'s current key. */
    public static JdbiFieldReencryption create(RlsExecutor<Handle> rls, FieldEncryption encryption) {
        return create(rls, encryption, DEFAULT_BATCH);
    }

    /** The same, reading and writing {@code batchSize} rows (1 to 10000) per statement. */
    public static JdbiFieldReencryption create(RlsExecutor<Handle> rls, FieldEncryption encryption, int batchSize) {
        if (batchSize < 1 || batchSize > 10_000) {
            throw new IllegalArgumentException("'batchSize' must be between 1 and 10000 but was " + batchSize);
        }
        return new JdbiFieldReencryption(Objects.requireNonNull(rls, "rls"),
                Objects.requireNonNull(encryption, "encryption"), batchSize);
    }

    /**
     * Re-encrypts every tenant's values that are not under the current key.
     *
     * @throws FieldDecryptionException for a value under a key id the configuration lacks
     */
    public Report run() {
        Tally tally = new Tally();
        Optional<UUID> after = Optional.empty();
        List<UUID> tenants;
        do {
            tenants = tenantsAfter(after);
            tenants.forEach(tenant -> reencrypt(TenantId.of(tenant), tally));
            after = tenants.isEmpty() ? after : Optional.of(tenants.get(tenants.size() - 1));
        } while (tenants.size() == TENANT_BATCH);
        return tally.report();
    }

    /** The next batch of tenant ids after {@code after}, in id order, read in the platform scope. */
    private List<UUID> tenantsAfter(Optional<UUID> after) {
        return rls.inPlatformScope(Execution.singleStatement().idempotent(), handle -> (after.isEmpty()
                ? handle.createQuery("select id from tenants order by id limit :rows")
                : handle.createQuery("select id from tenants where id > :after order by id limit :rows")
                        .bind("after", after.get()))
                .bind("rows", TENANT_BATCH).mapTo(UUID.class).list());
    }

    private void reencrypt(TenantId tenant, Tally tally) {
        tally.tenants++;
        Optional<UUID> after = Optional.empty();
        List<StoredValue> batch;
        do {
            batch = read(tenant, after);
            rewrite(tenant, batch, tally);
            after = batch.isEmpty() ? after : Optional.of(batch.get(batch.size() - 1).id());
        } while (batch.size() == batchSize);
    }

    private List<StoredValue> read(TenantId tenant, Optional<UUID> after) {
        return rls.inTenant(tenant, Execution.singleStatement().idempotent(), handle ->
                (after.isEmpty() ? handle.createQuery(FIRST_BATCH)
                        : handle.createQuery(NEXT_BATCH).bind("after", after.get()))
                        .bind("rows", batchSize)
                        .map((row, context) -> new StoredValue(Columns.uuid(row, "id"), row.getString("phone_encrypted")))
                        .list());
    }

    private void rewrite(TenantId tenant, List<StoredValue> batch, Tally tally) {
        List<String> ids = new ArrayList<>();
        List<String> olds = new ArrayList<>();
        List<String> news = new ArrayList<>();
        for (StoredValue value : batch) {
            if (encryption.isCurrent(value.ciphertext())) {
                tally.alreadyCurrent++;
                continue;
            }
            try {
                news.add(encryption.reencrypt(tenant, JdbiUserRepository.PHONE, value.ciphertext()));
            } catch (FieldDecryptionException failure) {
                if (failure.reason() == FieldDecryptionException.Reason.UNKNOWN_KEY_ID) {
                    throw failure;
                }
                tally.undecryptable(new Undecryptable(tenant, value.id(), failure.reason()));
                continue;
            }
            ids.add(value.id().toString());
            olds.add(value.ciphertext());
        }
        if (ids.isEmpty()) {
            return;
        }
        // Guarded by the old text, so a retry after an unseen commit simply matches nothing.
        int written = rls.inTenant(tenant, Execution.singleStatement().idempotent(), handle ->
                handle.createUpdate(REWRITE).bindArray("ids", String.class, ids).bindArray("olds", String.class, olds)
                        .bindArray("news", String.class, news).execute());
        tally.reencrypted += written;
        tally.changedMeanwhile += ids.size() - written;
    }

    /**
     * What a run did.
     *
     * @param tenantsVisited every tenant, whether it had values or not
     * @param reencrypted values rewritten under the current key
     * @param alreadyCurrent values found under the current key and left alone
     * @param changedMeanwhile values a user's edit replaced between reading and rewriting; left as
     *     the edit wrote them, which is under the current key when every replica has the new configuration
     * @param undecryptableCount values that are malformed or fail authentication, left as they are
     * @param undecryptable the first {@value #LISTED_FAILURES} of those, by tenant and user id
     */
    public record Report(int tenantsVisited, long reencrypted, long alreadyCurrent, long changedMeanwhile,
            long undecryptableCount, List<Undecryptable> undecryptable) {

        /** Copies the list. */
        public Report {
            undecryptable = List.copyOf(undecryptable);
        }

        /** Whether the run found nothing left to do: the previous keys are no longer needed by these columns. */
        public boolean foundNothingToDo() {
            return reencrypted == 0 && changedMeanwhile == 0 && undecryptableCount == 0;
        }
    }

    /** A stored value no configured key decrypts: its row, never its text. */
    public record Undecryptable(TenantId tenant, UUID userId, FieldDecryptionException.Reason reason) {

        /** Refuses missing fields. */
        public Undecryptable {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(reason, "reason");
        }
    }

    private record StoredValue(UUID id, String ciphertext) {
    }

    // Counts of one run, confined to the thread that runs it.
    private static final class Tally {
        int tenants;
        long reencrypted;
        long alreadyCurrent;
        long changedMeanwhile;
        long undecryptableCount;
        final List<Undecryptable> undecryptable = new ArrayList<>();

        void undecryptable(Undecryptable value) {
            undecryptableCount++;
            if (undecryptable.size() < LISTED_FAILURES) {
                undecryptable.add(value);
            }
        }

        Report report() {
            return new Report(tenants, reencrypted, alreadyCurrent, changedMeanwhile, undecryptableCount, undecryptable);
        }
    }
}
