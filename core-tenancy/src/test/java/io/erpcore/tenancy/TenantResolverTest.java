package io.erpcore.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import io.erpcore.tenancy.TenantResolution.Refusal;
import io.erpcore.tenancy.TenantResolution.Refused;
import io.erpcore.tenancy.TenantResolution.Resolved;
import io.erpcore.tenancy.TenantResolver.Request;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TenantResolverTest {

    private static final String ACME = "3f2b8c1e-0d4a-4c8e-9b7a-2f1e6d5c4b3a";
    private static final String GLOBEX = "8d0c6f5e-1b2a-4c3d-9e8f-7a6b5c4d3e2f";
    private static final TenantId ACME_ID = TenantId.parse(ACME);

    /** One rule: what the request carries, and the refusal it gets (null: it resolves to ACME). */
    record Rule(String rule, String claim, String header, boolean authenticated, Refusal refusal) {

        @Override
        public String toString() {
            return rule;
        }
    }

    static Stream<Rule> rules() {
        return Stream.of(
                resolved("the claim alone decides the tenant", ACME, null),
                resolved("a header that agrees with the claim is fine", ACME, ACME),
                resolved("a header in upper case still agrees", ACME, ACME.toUpperCase()),
                resolved("a claim in upper case still agrees", ACME.toUpperCase(), ACME),
                resolved("a header with surrounding blanks still agrees", ACME, " " + ACME + " "),
                refused("a header naming another tenant is a mismatch", ACME, GLOBEX, true, Refusal.TENANT_MISMATCH),
                refused("a header that is not a UUID is malformed", ACME, "abc", true, Refusal.MALFORMED_TENANT),
                refused("an empty header is malformed", ACME, "", true, Refusal.MALFORMED_TENANT),
                refused("a header without dashes is malformed", ACME, ACME.replace("-", ""), true,
                        Refusal.MALFORMED_TENANT),
                refused("a header in braces is malformed", ACME, "{" + ACME + "}", true, Refusal.MALFORMED_TENANT),
                refused("a claim that is not a UUID is malformed", "abc", null, true, Refusal.MALFORMED_TENANT),
                refused("a malformed claim is reported before the header", "abc", ACME, true,
                        Refusal.MALFORMED_TENANT),
                refused("credentials without a claim carry no tenant", null, null, true, Refusal.NO_TENANT),
                refused("a header cannot supply the tenant the claim lacks", null, ACME, true, Refusal.NO_TENANT),
                refused("no credentials is not authenticated", null, null, false, Refusal.NOT_AUTHENTICATED),
                refused("a header alone is never trusted", null, ACME, false, Refusal.NOT_AUTHENTICATED),
                refused("a malformed header alone is not authenticated", null, "abc", false,
                        Refusal.NOT_AUTHENTICATED),
                refused("a claim without authentication is ignored", ACME, ACME, false, Refusal.NOT_AUTHENTICATED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void applies_the_rule(Rule rule) {
        TenantResolution outcome = TenantResolver.resolve(
                new Request(Optional.ofNullable(rule.claim()), Optional.ofNullable(rule.header()), rule.authenticated()));

        if (rule.refusal() == null) {
            assertThat(outcome).isEqualTo(new Resolved(ACME_ID));
        } else {
            assertThat(outcome).isInstanceOfSatisfying(Refused.class,
                    refused -> assertThat(refused.reason()).isEqualTo(rule.refusal()));
        }
    }

    @Test
    void a_mismatch_names_both_tenants() {
        assertThat(resolve(ACME, GLOBEX)).isEqualTo(new Refused(Refusal.TENANT_MISMATCH, "'X-Tenant-ID' names tenant '"
                + GLOBEX + "' but the credentials belong to tenant '" + ACME + "'"));
    }

    @Test
    void a_malformed_header_is_quoted_with_the_header_name() {
        assertThat(resolve(ACME, "abc")).isEqualTo(
                new Refused(Refusal.MALFORMED_TENANT, "'X-Tenant-ID' must be a UUID but was 'abc'"));
    }

    @Test
    void a_long_malformed_header_is_quoted_only_in_part() {
        Refused refused = (Refused) resolve(ACME, "h".repeat(500));

        assertThat(refused.detail()).endsWith("but was '" + "h".repeat(40) + "' (first 40 of 500 characters)");
    }

    @Test
    void a_malformed_claim_names_the_claim() {
        assertThat(resolve("abc", null)).isEqualTo(
                new Refused(Refusal.MALFORMED_TENANT, "the credentials' 'tid' claim must be a UUID but was 'abc'"));
    }

    @Test
    void a_header_without_credentials_is_told_it_is_never_trusted_alone() {
        TenantResolution outcome = TenantResolver.resolve(new Request(Optional.empty(), Optional.of(ACME), false));

        assertThat(((Refused) outcome).detail()).contains("'X-Tenant-ID' alone is never trusted");
    }

    @Test
    void the_resolved_tenant_is_the_claims_in_canonical_form() {
        assertThat(resolve(ACME.toUpperCase(), null)).isEqualTo(new Resolved(ACME_ID));
    }

    private static TenantResolution resolve(String claim, String header) {
        return TenantResolver.resolve(new Request(Optional.ofNullable(claim), Optional.ofNullable(header), true));
    }

    private static Rule resolved(String rule, String claim, String header) {
        return new Rule(rule, claim, header, true, null);
    }

    private static Rule refused(String rule, String claim, String header, boolean authenticated, Refusal reason) {
        return new Rule(rule, claim, header, authenticated, reason);
    }
}
