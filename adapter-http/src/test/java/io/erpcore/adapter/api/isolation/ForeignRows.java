package io.erpcore.adapter.api.isolation;

import static io.erpcore.adapter.api.StandaloneServer.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.erpcore.adapter.api.isolation.ProbePlan.Op;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every row the probe was answered, under the tenant that was answered it, and the check that each
 * belongs to that tenant: a user or key id it holds, an audit event shown to it alone whose actor
 * is one of its users and whose resource names only its own ids. The check runs once every
 * operation is done, when every id a tenant created is known; a row answered before its creation's
 * answer arrived is then no false alarm.
 */
final class ForeignRows {

    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /** A row as it was answered: by which operation, and what of it names users, keys or tenants. */
    private record Seen(Op op, String owner, String text) {
    }

    private final List<ProbeTenant> tenants;
    private final Map<Integer, Map<String, Seen>> users = new ConcurrentHashMap<>();
    private final Map<Integer, Map<String, Seen>> keys = new ConcurrentHashMap<>();
    private final Map<Integer, Map<String, Seen>> auditEvents = new ConcurrentHashMap<>();
    private final LongAdder checked = new LongAdder();

    ForeignRows(List<ProbeTenant> tenants) {
        this.tenants = tenants;
    }

    /** The user of a 2xx answer ({@code /me}, one user, a creation or a change). */
    void user(Op op, ProbeTenant caller, HttpResponse<String> answer) {
        if (answer.statusCode() / 100 == 2) {
            seeUser(op, caller, json(answer));
        }
    }

    /** The users of a 2xx list. */
    void users(Op op, ProbeTenant caller, HttpResponse<String> answer) {
        if (answer.statusCode() / 100 == 2) {
            json(answer).get("data").forEach(user -> seeUser(op, caller, user));
        }
    }

    /** The key of a 2xx creation. */
    void key(Op op, ProbeTenant caller, HttpResponse<String> answer) {
        if (answer.statusCode() / 100 == 2) {
            seeKey(op, caller, json(answer));
        }
    }

    /** The keys of a 2xx list. */
    void keys(Op op, ProbeTenant caller, HttpResponse<String> answer) {
        if (answer.statusCode() / 100 == 2) {
            json(answer).get("data").forEach(key -> seeKey(op, caller, key));
        }
    }

    /** The events of a 2xx audit list. */
    void auditEvents(Op op, ProbeTenant caller, HttpResponse<String> answer) {
        if (answer.statusCode() / 100 == 2) {
            json(answer).get("data").forEach(event -> {
                checked.increment();
                caller.auditEventsShown.add(event.get("id").asText());
                String actor = event.path("actorId").isNull() ? "" : event.path("actorId").asText();
                seen(auditEvents, caller).putIfAbsent(event.get("id").asText(), new Seen(op, actor,
                        event.path("resource").asText()));
            });
        }
    }

    long checked() {
        return checked.sum();
    }

    /** Every row answered to a tenant that does not belong to it. */
    List<String> foreign() {
        List<String> foreign = new ArrayList<>();
        for (ProbeTenant tenant : tenants) {
            seen(users, tenant).forEach((id, seen) -> {
                if (!tenant.knownUsers.contains(id) || !seen.text().endsWith("@" + tenant.account.slug() + ".example")) {
                    foreign.add(seen.op() + ": tenant " + tenant.index + " was answered user " + id + " (" + seen.text()
                            + ")" + owner(id));
                }
            });
            seen(keys, tenant).forEach((id, seen) -> {
                if (!tenant.knownKeys.contains(id) || !tenant.knownUsers.contains(seen.owner())) {
                    foreign.add(seen.op() + ": tenant " + tenant.index + " was answered API key " + id + " created by "
                            + seen.owner() + owner(id));
                }
            });
            seen(auditEvents, tenant).forEach((id, seen) -> auditProblem(tenant, id, seen).ifPresent(foreign::add));
        }
        return foreign;
    }

    private Optional<String> auditProblem(ProbeTenant tenant, String id, Seen seen) {
        for (ProbeTenant other : tenants) {
            if (other != tenant && other.auditEventsShown.contains(id)) {
                return Optional.of(seen.op() + ": audit event " + id + " was shown to tenant " + tenant.index
                        + " and to tenant " + other.index);
            }
        }
        if (!seen.owner().isEmpty() && !tenant.knownUsers.contains(seen.owner())) {
            return Optional.of(seen.op() + ": tenant " + tenant.index + " was answered audit event " + id + " of actor "
                    + seen.owner() + owner(seen.owner()));
        }
        Matcher ids = UUID.matcher(seen.text());
        while (ids.find()) {
            String named = ids.group();
            if (!tenant.knownUsers.contains(named) && !tenant.knownKeys.contains(named) && !named.equals(tenant.id())) {
                return Optional.of(seen.op() + ": tenant " + tenant.index + " was answered audit event " + id + " about "
                        + seen.text() + owner(named));
            }
        }
        return Optional.empty();
    }

    private void seeUser(Op op, ProbeTenant caller, JsonNode user) {
        checked.increment();
        seen(users, caller).putIfAbsent(user.get("id").asText(), new Seen(op, "", user.path("email").asText()));
    }

    private void seeKey(Op op, ProbeTenant caller, JsonNode key) {
        checked.increment();
        seen(keys, caller).putIfAbsent(key.get("id").asText(), new Seen(op, key.path("createdBy").asText(), ""));
    }

    private static Map<String, Seen> seen(Map<Integer, Map<String, Seen>> rows, ProbeTenant tenant) {
        return rows.computeIfAbsent(tenant.index, index -> new ConcurrentHashMap<>());
    }

    /** Which tenant {@code id} belongs to, as far as the probe knows, for the failure message. */
    private String owner(String id) {
        for (ProbeTenant tenant : tenants) {
            Set<String> all = new HashSet<>(tenant.knownUsers);
            all.addAll(tenant.knownKeys);
            all.add(tenant.id());
            if (all.contains(id)) {
                return ", which belongs to tenant " + tenant.index;
            }
        }
        return ", which the probe knows in no tenant";
    }
}
