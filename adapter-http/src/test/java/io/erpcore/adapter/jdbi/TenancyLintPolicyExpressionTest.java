package io.erpcore.adapter.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import io.erpcore.persistence.lint.PolicyExpression;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How the tenancy lint reads policy expressions, in the form PostgreSQL prints them
 * ({@code pg_get_expr}); the lint's database tests prove that it reads them from the catalog.
 */
class TenancyLintPolicyExpressionTest {

    private static final String SETTING =
            "( SELECT (NULLIF(current_setting('app.tenant_id'::text, true), ''::text))::uuid AS \"nullif\")";
    private static final String PLATFORM =
            "( SELECT (COALESCE(NULLIF(current_setting('app.platform'::text, true), ''::text), 'off'::text) = 'on'::text))";

    @ParameterizedTest
    @ValueSource(strings = {
            "(tenant_id = " + SETTING + ")",
            "(tenant_id = (NULLIF(current_setting('app.tenant_id'::text, true), ''::text))::uuid)",
            "(" + SETTING + " = tenant_id)",
            "((tenant_id = " + SETTING + ") AND (status = 'active'::text))",
            "((status = 'active'::text) AND ((tenant_id = " + SETTING + ") AND true))",
            "((tenant_id = " + SETTING + ") OR ((tenant_id = " + SETTING + ") AND (id IS NULL)))",
            "(users.tenant_id = " + SETTING + ")",
    })
    void a_comparison_of_tenant_id_with_the_nullif_setting_is_scoped(String expression) {
        assertThat(PolicyExpression.scopedToTenant(expression, "tenant_id")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "true",
            "(tenant_id IS NOT NULL)",
            "((tenant_id = " + SETTING + ") OR true)",
            "((tenant_id = " + SETTING + ") OR (tenant_id IS NULL))",
            "(tenant_id = (current_setting('app.tenant_id'::text))::uuid)",
            "(tenant_id = COALESCE((NULLIF(current_setting('app.tenant_id'::text, true), ''::text))::uuid, tenant_id))",
            "(tenant_id = (NULLIF(current_setting('app.other'::text, true), ''::text))::uuid)",
            "(id = " + SETTING + ")",
            "(NOT (tenant_id = " + SETTING + "))",
            "(tenant_id <> " + SETTING + ")",
            "(EXISTS ( SELECT 1 FROM memberships m WHERE (m.tenant_id = " + SETTING + ")))",
            "( SELECT true FROM memberships m WHERE ((m.id IS NOT NULL) AND (tenant_id = " + SETTING + ")))",
            PLATFORM,
    })
    void anything_else_is_not_scoped(String expression) {
        assertThat(PolicyExpression.scopedToTenant(expression, "tenant_id")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            PLATFORM,
            "(current_setting('app.platform'::text, true) = 'on'::text)",
            "(id = " + SETTING + ")",
            "((id = " + SETTING + ") OR " + PLATFORM + ")",
    })
    void on_tenants_the_platform_scope_or_the_own_id_is_scoped(String expression) {
        assertThat(PolicyExpression.scopedToTenantOrPlatform(expression, "id")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "( SELECT (COALESCE(current_setting('app.platform'::text, true), 'on'::text) = 'on'::text))",
            "( SELECT (COALESCE(NULLIF(current_setting('app.platform'::text, true), ''::text), 'on'::text) = 'on'::text))",
            "(current_setting('app.platform'::text, true) <> 'off'::text)",
            "((id = " + SETTING + ") OR true)",
    })
    void on_tenants_a_platform_scope_that_fails_open_is_not_scoped(String expression) {
        assertThat(PolicyExpression.scopedToTenantOrPlatform(expression, "id")).isFalse();
    }
}
