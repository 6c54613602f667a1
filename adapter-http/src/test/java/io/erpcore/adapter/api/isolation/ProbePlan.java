package io.erpcore.adapter.api.isolation;

import io.erpcore.adapter.api.isolation.ProbeTenant.Credential;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The isolation probe's requests, drawn from a seed before any is sent: which tenant calls, with
 * which credentials, what it aims at in which other tenant. The same seed gives the same plan, so a
 * failure names an operation that a rerun with that seed sends again (only the interleaving of the
 * client threads differs).
 */
final class ProbePlan {

    /** What an operation tries; all but the last two aim at another tenant. */
    enum Kind {
        READ_FOREIGN_USER(12), PATCH_FOREIGN_USER(8), DELETE_FOREIGN_USER(5), DELETE_FOREIGN_KEY(5),
        USERS_AFTER_FOREIGN_CURSOR(7), KEYS_AFTER_FOREIGN_CURSOR(6), AUDIT_AFTER_FOREIGN_CURSOR(6),
        AUDIT_BY_FOREIGN_ACTOR(5), FOREIGN_TENANT_HEADER(10), FOREIGN_TENANT_HEADER_AND_ID(5), SIGN_IN_ACROSS(3),
        LOG_OUT_FOREIGN_SESSION(2), OWN_READ(16), OWN_WRITE(5);

        private final int weight;

        Kind(int weight) {
            this.weight = weight;
        }

        boolean foreign() {
            return this != OWN_READ && this != OWN_WRITE;
        }
    }

    /**
     * One operation.
     *
     * @param number its place in the plan, which a failure quotes
     * @param caller the index of the calling tenant
     * @param target the index of the other tenant aimed at (another than the caller's)
     * @param pick which resource or variant, reduced modulo what there is to pick from
     * @param limit a page size in 1..100
     */
    record Op(int number, Kind kind, int caller, Credential credential, int target, int pick, int limit) {

        @Override
        public String toString() {
            return "op #" + number + " " + kind + " by tenant " + caller + " (" + credential + ")"
                    + (kind.foreign() ? " on tenant " + target : "") + " pick " + pick;
        }
    }

    private static final int[] CREDENTIAL_WEIGHTS = {30, 25, 12, 8, 25};

    private ProbePlan() {
    }

    /** {@code size} operations among {@code tenants} tenants, drawn from {@code seed}. */
    static List<Op> draw(long seed, int size, int tenants) {
        Random random = new Random(seed);
        List<Op> plan = new ArrayList<>(size);
        for (int number = 0; number < size; number++) {
            int caller = random.nextInt(tenants);
            int target = (caller + 1 + random.nextInt(tenants - 1)) % tenants;
            plan.add(new Op(number, weighted(random, Kind.values()), caller, credential(random), target,
                    random.nextInt(1 << 20), 1 + random.nextInt(100)));
        }
        return plan;
    }

    private static Kind weighted(Random random, Kind[] kinds) {
        int total = 0;
        for (Kind kind : kinds) {
            total += kind.weight;
        }
        int draw = random.nextInt(total);
        for (Kind kind : kinds) {
            draw -= kind.weight;
            if (draw < 0) {
                return kind;
            }
        }
        throw new IllegalStateException("unreachable");
    }

    private static Credential credential(Random random) {
        int draw = random.nextInt(100);
        for (int i = 0; i < CREDENTIAL_WEIGHTS.length; i++) {
            draw -= CREDENTIAL_WEIGHTS[i];
            if (draw < 0) {
                return Credential.values()[i];
            }
        }
        throw new IllegalStateException("the credential weights must add up to 100");
    }
}
