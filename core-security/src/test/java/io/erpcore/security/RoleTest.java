package io.erpcore.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RoleTest {

    private static Permission permission(String text) {
        return Permission.parse(text);
    }

    @Test
    void ids_are_the_lower_case_names_of_the_wire_format() {
        assertThat(Role.values()).extracting(Role::id).containsExactly("owner", "admin", "auditor", "member");
    }

    @Test
    void of_finds_a_role_by_its_id() {
        assertThat(Role.of("auditor")).contains(Role.AUDITOR);
    }

    @Test
    void of_knows_nothing_of_unknown_upper_case_or_null_ids() {
        assertThat(Role.of("superuser")).isEmpty();
        assertThat(Role.of("ADMIN")).isEmpty();
        assertThat(Role.of(null)).isEmpty();
    }

    @Test
    void the_owner_holds_everything() {
        assertThat(Role.OWNER.permissions()).containsExactly(Permission.ALL);
    }

    @Test
    void the_permissions_are_those_of_the_roles_table() {
        assertThat(Role.ADMIN.permissions()).containsExactlyInAnyOrder(permission("users:read"), permission("users:write"),
                permission("apikeys:read"), permission("apikeys:write"), permission("audit:read"));
        assertThat(Role.AUDITOR.permissions()).containsExactlyInAnyOrder(permission("users:read"), permission("audit:read"));
        assertThat(Role.MEMBER.permissions()).containsExactly(permission("me:read"));
    }

    @Test
    void permissions_of_several_roles_are_their_union() {
        assertThat(Role.permissionsOf(List.of("auditor", "member")))
                .containsExactlyInAnyOrder(permission("users:read"), permission("audit:read"), permission("me:read"));
    }

    @Test
    void unknown_role_ids_grant_nothing() {
        assertThat(Role.permissionsOf(List.of("root", "Owner", ""))).isEmpty();
    }

    @Test
    void every_user_reads_their_own_account_whatever_their_roles() {
        assertThat(Role.userPermissions(List.of("auditor"))).contains(Role.SELF)
                .containsAll(Role.AUDITOR.permissions());
        assertThat(Role.userPermissions(List.of("no-such-role"))).containsExactly(Role.SELF);
    }
}
