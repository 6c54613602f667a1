package io.erpcore.adapter.jdbi;

import io.erpcore.security.audit.AuditRecord;

/**
 * What a repository's transaction changed, and the audit event it appended for the change (null
 * when nothing changed enough to record): the event is published only after the commit.
 */
record Recorded<T>(T value, AuditRecord event) {
}
