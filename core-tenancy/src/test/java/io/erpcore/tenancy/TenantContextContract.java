package io.erpcore.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The {@link TenantContext} contract, nesting rules included: every implementation's test extends
 * this class and says how to build a context.
 */
public abstract class TenantContextContract {

    private static final TenantId ACME = TenantId.parse("3f2b8c1e-0d4a-4c8e-9b7a-2f1e6d5c4b3a");
    private static final TenantId GLOBEX = TenantId.parse("8d0c6f5e-1b2a-4c3d-9e8f-7a6b5c4d3e2f");

    /** A context with no tenant active. */
    protected abstract TenantContext newContext();

    @Test
    void no_tenant_is_active_outside_any_work() {
        assertThat(newContext().current()).isEmpty();
    }

    @Test
    void require_outside_any_work_says_how_to_enter_a_tenant() {
        assertThatThrownBy(() -> newContext().require())
                .isInstanceOf(NoTenantException.class)
                .hasMessageContaining("no tenant is active")
                .hasMessageContaining("runAs or callAs");
    }

    @Test
    void the_tenant_is_active_inside_call_as_and_its_result_is_returned() {
        TenantContext context = newContext();

        Optional<TenantId> inside = context.callAs(ACME, context::current);

        assertThat(inside).contains(ACME);
    }

    @Test
    void run_as_runs_the_work_as_the_tenant() {
        TenantContext context = newContext();
        AtomicReference<TenantId> seen = new AtomicReference<>();

        context.runAs(ACME, () -> seen.set(context.require()));

        assertThat(seen).hasValue(ACME);
    }

    @Test
    void no_tenant_is_active_after_the_work_returns() {
        TenantContext context = newContext();

        context.runAs(ACME, () -> { });

        assertThat(context.current()).isEmpty();
    }

    @Test
    void no_tenant_is_active_after_the_work_throws() {
        TenantContext context = newContext();

        assertThatThrownBy(() -> context.runAs(ACME, () -> {
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class).hasMessage("boom");
        assertThat(context.current()).isEmpty();
    }

    @Test
    void a_checked_exception_of_the_work_reaches_the_caller_unchanged() {
        TenantContext context = newContext();
        IOException failure = new IOException("disk full");

        assertThatThrownBy(() -> context.callAs(ACME, () -> {
            throw failure;
        })).isSameAs(failure);
    }

    @Test
    void entering_the_active_tenant_again_is_allowed() {
        TenantContext context = newContext();

        Optional<TenantId> nested = context.callAs(ACME, () -> context.callAs(ACME, context::current));

        assertThat(nested).contains(ACME);
    }

    @Test
    void the_tenant_stays_active_after_a_nested_entry_of_itself_returns() {
        TenantContext context = newContext();

        Optional<TenantId> afterNested = context.callAs(ACME, () -> {
            context.runAs(ACME, () -> { });
            return context.current();
        });

        assertThat(afterNested).contains(ACME);
    }

    @Test
    void the_tenant_stays_active_after_a_nested_entry_of_itself_throws() {
        TenantContext context = newContext();

        Optional<TenantId> afterFailure = context.callAs(ACME, () -> {
            assertThatThrownBy(() -> context.runAs(ACME, () -> {
                throw new IllegalStateException("inner");
            })).hasMessage("inner");
            return context.current();
        });

        assertThat(afterFailure).contains(ACME);
    }

    @Test
    void entering_a_different_tenant_inside_one_is_refused_naming_both() {
        TenantContext context = newContext();

        assertThatThrownBy(() -> context.runAs(ACME, () -> context.runAs(GLOBEX, () -> { })))
                .isInstanceOf(TenantContextConflictException.class)
                .hasMessageContaining("'" + ACME + "'")
                .hasMessageContaining("'" + GLOBEX + "'")
                .satisfies(thrown -> {
                    TenantContextConflictException conflict = (TenantContextConflictException) thrown;
                    assertThat(conflict.active()).isEqualTo(ACME);
                    assertThat(conflict.requested()).isEqualTo(GLOBEX);
                });
    }

    @Test
    void the_refused_work_never_runs() {
        TenantContext context = newContext();
        AtomicBoolean ran = new AtomicBoolean();

        context.runAs(ACME, () -> assertThatThrownBy(() -> context.runAs(GLOBEX, () -> ran.set(true)))
                .isInstanceOf(TenantContextConflictException.class));

        assertThat(ran).isFalse();
    }

    @Test
    void the_outer_tenant_stays_active_after_a_refused_entry() {
        TenantContext context = newContext();

        Optional<TenantId> afterRefusal = context.callAs(ACME, () -> {
            assertThatThrownBy(() -> context.runAs(GLOBEX, () -> { }))
                    .isInstanceOf(TenantContextConflictException.class);
            return context.current();
        });

        assertThat(afterRefusal).contains(ACME);
    }

    @Test
    void work_for_several_tenants_runs_one_after_another() {
        TenantContext context = newContext();
        List<TenantId> seen = new ArrayList<>();

        for (TenantId tenant : List.of(ACME, GLOBEX, ACME)) {
            context.runAs(tenant, () -> seen.add(context.require()));
        }

        assertThat(seen).containsExactly(ACME, GLOBEX, ACME);
    }

    @Test
    void a_thread_started_inside_a_tenant_does_not_inherit_it() throws Exception {
        TenantContext context = newContext();
        AtomicReference<Optional<TenantId>> seen = new AtomicReference<>();

        context.runAs(ACME, () -> {
            Thread child = new Thread(() -> seen.set(context.current()));
            child.start();
            child.join();
        });

        assertThat(seen.get()).isEmpty();
    }
}
