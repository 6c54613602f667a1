package io.erpcore.adapter.jdbi;

/** Audit trails for tests of the repositories that record their changes. */
public final class Audits {

    private Audits() {
    }

    /** A trail over {@code rls}, with heads of its own, as a freshly started process has. */
    public static JdbiAuditTrail trail(JdbiRlsExecutor rls) {
        return JdbiAuditTrail.create(rls, AuditHeads.create());
    }
}
