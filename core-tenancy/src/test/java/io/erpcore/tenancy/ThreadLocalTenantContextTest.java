package io.erpcore.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.erpcore.logging.LogContext;
import io.erpcore.logging.LogField;
import io.erpcore.logging.LogScope;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ThreadLocalTenantContextTest extends TenantContextContract {

    private static final TenantId ACME = TenantId.parse("3f2b8c1e-0d4a-4c8e-9b7a-2f1e6d5c4b3a");
    private static final TenantId GLOBEX = TenantId.parse("8d0c6f5e-1b2a-4c3d-9e8f-7a6b5c4d3e2f");

    private final ThreadLocalTenantContext context = ThreadLocalTenantContext.create();

    @Override
    protected TenantContext newContext() {
        return ThreadLocalTenantContext.create();
    }

    @Test
    void the_log_context_carries_the_tenant_inside_the_work() {
        Optional<String> logged = context.callAs(ACME, () -> LogContext.get(LogField.TENANT_ID));

        assertThat(logged).contains("3f2b8c1e-0d4a-4c8e-9b7a-2f1e6d5c4b3a");
    }

    @Test
    void the_log_context_no_longer_carries_the_tenant_after_the_work() {
        context.runAs(ACME, () -> { });

        assertThat(LogContext.get(LogField.TENANT_ID)).isEmpty();
    }

    @Test
    void the_log_context_no_longer_carries_the_tenant_after_the_work_throws() {
        assertThatThrownBy(() -> context.runAs(ACME, () -> {
            throw new IllegalStateException("boom");
        })).hasMessage("boom");

        assertThat(LogContext.get(LogField.TENANT_ID)).isEmpty();
    }

    @Test
    void a_tenant_field_set_before_the_work_is_restored_after_it() {
        try (LogScope outer = LogContext.put(LogField.TENANT_ID, "set-by-the-caller")) {
            context.runAs(ACME, () -> { });

            assertThat(LogContext.get(LogField.TENANT_ID)).contains("set-by-the-caller");
        }
    }

    @Test
    void the_log_context_keeps_the_outer_tenant_after_a_refused_entry() {
        Optional<String> logged = context.callAs(ACME, () -> {
            assertThatThrownBy(() -> context.runAs(GLOBEX, () -> { }))
                    .isInstanceOf(TenantContextConflictException.class);
            return LogContext.get(LogField.TENANT_ID);
        });

        assertThat(logged).contains(ACME.toString());
    }

    @Test
    void instances_share_the_tenant_of_the_thread() {
        ThreadLocalTenantContext other = ThreadLocalTenantContext.create();

        Optional<TenantId> seenByOther = context.callAs(ACME, other::current);

        assertThat(seenByOther).contains(ACME);
    }
}
