package io.erpcore.adapter.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;

/** Assertions on RFC 9457 problem answers, shared by the end-to-end tests. */
final class Problems {

    private Problems() {
    }

    /** Asserts that {@code response} is a problem+json of {@code status} and {@code code}, with every member; its body. */
    static JsonNode assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).as("Content-Type")
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode body = StandaloneServer.json(response);
        assertThat(body.path("code").asText()).as(response.body()).isEqualTo(code);
        assertThat(body.path("status").asInt()).isEqualTo(status);
        for (String member : new String[] {"type", "title", "detail", "instance", "correlationId"}) {
            assertThat(body.path(member).asText()).as("problem member '%s' of %s", member, response.body()).isNotBlank();
        }
        return body;
    }
}
