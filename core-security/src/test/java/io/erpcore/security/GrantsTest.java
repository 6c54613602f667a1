package io.erpcore.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class GrantsTest {

    private static Set<Permission> permissions(String... texts) {
        return Arrays.stream(texts).map(Permission::parse).collect(Collectors.toSet());
    }

    @Test
    void an_admin_cannot_make_an_owner() {
        assertThat(Grants.canGrant(Role.ADMIN.permissions(), Role.OWNER.permissions())).isFalse();
    }

    @Test
    void an_admin_cannot_grant_a_permission_it_lacks() {
        assertThat(Grants.canGrant(Role.ADMIN.permissions(), permissions("tenants:write"))).isFalse();
    }

    @Test
    void an_admin_can_grant_a_permission_it_holds() {
        assertThat(Grants.canGrant(Role.ADMIN.permissions(), permissions("users:read"))).isTrue();
    }

    @Test
    void an_admin_can_make_an_auditor() {
        assertThat(Grants.canGrant(Role.ADMIN.permissions(), Role.AUDITOR.permissions())).isTrue();
    }

    @Test
    void an_owner_can_grant_anything() {
        assertThat(Grants.canGrant(Role.OWNER.permissions(), permissions("*", "tenants:write", "users:*", "*:read"))).isTrue();
    }

    @Test
    void an_auditor_cannot_grant_write_access() {
        assertThat(Grants.canGrant(Role.AUDITOR.permissions(), permissions("users:write"))).isFalse();
    }

    @Test
    void a_resource_wildcard_grants_its_actions_but_not_everything() {
        assertThat(Grants.canGrant(permissions("users:*"), permissions("users:read"))).isTrue();
        assertThat(Grants.canGrant(permissions("users:*"), permissions("*"))).isFalse();
    }

    @Test
    void every_action_held_one_by_one_does_not_grant_the_wildcard() {
        assertThat(Grants.canGrant(permissions("users:read", "users:write"), permissions("users:*"))).isFalse();
    }

    @Test
    void one_missing_permission_refuses_the_whole_request() {
        assertThat(Grants.canGrant(permissions("users:read"), permissions("users:read", "audit:read"))).isFalse();
    }

    @Test
    void nothing_requested_is_always_grantable() {
        assertThat(Grants.canGrant(Set.of(), Set.of())).isTrue();
    }

    @Test
    void an_admin_user_can_make_a_member_because_every_user_reads_their_own_account() {
        assertThat(Grants.canGrant(Role.userPermissions(List.of("admin")), Role.userPermissions(List.of("member"))))
                .isTrue();
    }

    @Test
    void an_admin_user_can_make_an_auditor_or_an_admin_but_not_an_owner() {
        Set<Permission> admin = Role.userPermissions(List.of("admin"));
        assertThat(Grants.canGrant(admin, Role.userPermissions(List.of("auditor", "admin")))).isTrue();
        assertThat(Grants.canGrant(admin, Role.userPermissions(List.of("member", "owner")))).isFalse();
    }

    @Test
    void an_auditor_user_cannot_make_an_admin() {
        assertThat(Grants.canGrant(Role.userPermissions(List.of("auditor")), Role.userPermissions(List.of("admin"))))
                .isFalse();
    }
}
