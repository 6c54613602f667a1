package io.erpcore.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * Before any load: every server answers every tenant's first page once, 200 with the page's rows,
 * and the three answers are the same JSON. So the configurations are compared doing the same work,
 * and a broken set-up (a token the host refuses, a role that sees no rows) stops the run instead of
 * being measured.
 */
final class AnswerCheck {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private AnswerCheck() {
    }

    /** @throws IllegalStateException naming the tenant and server whose answer differs or failed */
    static void sameAnswers(List<ServerProcess> servers, List<LoadDataset.SeededTenant> tenants, int limit, int users)
            throws IOException, InterruptedException {
        for (LoadDataset.SeededTenant tenant : tenants) {
            JsonNode first = null;
            for (ServerProcess server : servers) {
                JsonNode answer = answer(server, tenant, limit);
                int rows = answer.path("data").size();
                if (rows != Math.min(limit, users)) {
                    throw new IllegalStateException(server.name() + " answered " + rows + " users of tenant " + tenant.slug()
                            + ", not " + Math.min(limit, users));
                }
                if (first != null && !first.equals(answer)) {
                    throw new IllegalStateException(server.name() + " answered tenant " + tenant.slug() + " with other JSON than "
                            + servers.get(0).name() + ":\n" + answer + "\n" + first);
                }
                first = answer;
            }
        }
    }

    private static JsonNode answer(ServerProcess server, LoadDataset.SeededTenant tenant, int limit)
            throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port() + "/api/v1/users?limit=" + limit))
                .header("Authorization", "Bearer " + tenant.tokens().get(0)).header("X-Tenant-ID", tenant.id().toString())
                .header("Accept", "application/json").timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(server.name() + " answered " + response.statusCode() + " for tenant "
                    + tenant.slug() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
