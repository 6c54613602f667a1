package io.erpcore.adapter.api;

import static io.erpcore.adapter.api.StandaloneServer.bearer;
import static io.erpcore.adapter.api.StandaloneServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The API-key list pages like every list of the API: {@code limit} and {@code cursor}, oldest first. */
class ApiKeyListTest {

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
    void the_cursor_walks_the_keys_page_by_page_oldest_first() {
        String owner = server.signInOwner(server.newTenant());
        for (int i = 0; i < 3; i++) {
            assertThat(server.post("/api/v1/api-keys", "{\"name\":\"key-" + i + "\",\"scopes\":[\"users:read\"]}",
                    bearer(owner)).statusCode()).isEqualTo(201);
        }

        JsonNode first = json(server.http().get("/api/v1/api-keys?limit=2", bearer(owner)));
        JsonNode rest = json(server.http().get("/api/v1/api-keys?limit=2&cursor=" + first.get("nextCursor").asText(),
                bearer(owner)));

        assertThat(names(first)).containsExactly("key-0", "key-1");
        assertThat(names(rest)).containsExactly("key-2");
        assertThat(rest.get("nextCursor").isNull()).isTrue();
    }

    @Test
    void a_bad_limit_or_cursor_is_400() {
        String owner = server.signInOwner(server.newTenant());

        assertThat(server.http().get("/api/v1/api-keys?limit=101", bearer(owner)).statusCode()).isEqualTo(400);
        assertThat(server.http().get("/api/v1/api-keys?cursor=forged", bearer(owner)).statusCode()).isEqualTo(400);
    }

    private static List<String> names(JsonNode page) {
        return StreamSupport.stream(page.get("data").spliterator(), false).map(key -> key.get("name").asText()).toList();
    }
}
