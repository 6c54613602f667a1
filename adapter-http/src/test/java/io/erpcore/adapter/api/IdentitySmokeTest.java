package io.erpcore.adapter.api;

import static io.erpcore.adapter.api.StandaloneServer.bearer;
import static io.erpcore.adapter.api.StandaloneServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The standalone API end to end: a tenant made by the platform, its owner signing in and working. */
class IdentitySmokeTest {

    private static StandaloneServer server;

    @BeforeAll
    static void start() {
        server = StandaloneServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void an_owner_signs_in_creates_a_user_and_reads_it_back() {
        StandaloneServer.TenantAccount acme = server.newTenant();
        String token = server.signIn(acme.slug(), acme.ownerEmail(), StandaloneServer.OWNER_PASSWORD);

        HttpResponse<String> created = server.post("/api/v1/users", "{\"email\":\"ada@acme.example\","
                + "\"displayName\":\"Ada\",\"password\":\"an unguessable long passphrase\",\"roles\":[\"admin\"],"
                + "\"phone\":\"+44 20 7946 0958\"}", bearer(token));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json(created).get("id").asText();

        HttpResponse<String> read = server.http().get("/api/v1/users/" + id, bearer(token));
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(json(read).get("phone").asText()).isEqualTo("+44 20 7946 0958");
        HttpResponse<String> me = server.http().get("/api/v1/me", bearer(token));
        assertThat(json(me).get("email").asText()).isEqualTo(acme.ownerEmail());
    }
}
