package io.erpcore.benchmarks;

import io.erpcore.adapter.jdbi.PostgresFixture;
import io.erpcore.adapter.jdbi.TestDatabase;
import io.erpcore.config.AppConfig;
import io.erpcore.config.ConfigLoader;
import io.erpcore.config.DatabaseUrl;
import io.erpcore.config.MapConfigSource;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The load harness of {@code GET /api/v1/users?limit=20}: three servers over one PostgreSQL
 * database of {@code --tenants} x {@code --users} seeded users, side by side in one child JVM
 * ({@link SideBySideServers}), each on a port of its own, loaded in alternating rounds by the same
 * clients with the same requests (a token of one of the tenants' readers and its
 * {@code X-Tenant-ID}, spread over every tenant):
 *
 * <ol type="a">
 *   <li>the full chain: the packaged host ({@code app-host-runnable.jar}) in production mode;
 *   <li>the same repository query on a bare route without middleware ({@link BareUsersServer} scoped);
 *   <li>the same rows read without tenant scoping by a BYPASSRLS role ({@link BareUsersServer} bypass).
 * </ol>
 *
 * First every server answers each tenant once and the three answers must be the same JSON; then
 * unrecorded warm-up rounds, then {@code --rounds} rounds at fixed concurrency (closed loop), then as
 * many at a fixed rate (open loop, latency from each request's due time). The order rotates each
 * round. It reports throughput, latency percentiles, errors, the server's CPU and the database's
 * CPU per request, and the server's peak resident memory, as {@code performance/load-results.json},
 * {@code performance/load-chart.svg} and {@code PERFORMANCE.md} under {@code --out}.
 *
 * <p>Run: {@code mvn -Pload -DskipTests verify -pl integration-tests -am [-Dload.args="--tenants 50 ..."]};
 * {@link LoadOptions} lists the options. The database comes from the test fixture:
 * {@code ERP_TEST_DATABASE_URL} (an administrator URL), else Testcontainers, else embedded.
 */
public final class UsersLoadHarness {

    static final Map<String, String> NAMES = Map.of("a", "full chain (app-host)", "b", "bare route, same query",
            "c", "unscoped read, BYPASSRLS");

    private static final String JWT_SECRET = "load-harness-jwt-secret-Zq8vN2kLw5pR7tX1yB4cF6hJ9mQ";
    private static final String ENCRYPTION_KEY = "c2VjcmV0LWxvYWQtaGFybmVzcy1rZXktMzItYnl0ZXM=";
    private static final String NEVER = "1000000000";
    private static final Pattern HOST_LISTENING = Pattern.compile("ERP Core is listening on http://[^\\s\"]*:(\\d+)");
    private static final Pattern BARE_SCOPED_LISTENING = Pattern.compile("bare scoped listening on (\\d+)");
    private static final Pattern BARE_BYPASS_LISTENING = Pattern.compile("bare bypass listening on (\\d+)");
    private static final Duration START = Duration.ofSeconds(120);

    private UsersLoadHarness() {
    }

    public static void main(String[] args) throws Exception {
        LoadResults results = run(LoadOptions.parse(args));
        System.out.println(PerformanceReport.summary(results));
    }

    /** One whole run: seeds, starts the servers, loads them, stops them, writes the reports. */
    static LoadResults run(LoadOptions options) throws Exception {
        Instant started = Instant.now();
        String loadAtStart = ProcFacts.loadAverage();
        log("seeding " + options.tenants() + " tenants x " + options.users() + " users");
        TestDatabase database = PostgresFixture.migratedDatabase();
        DatabaseUrl bypass = LoadDataset.bypassRole(database);
        Map<String, String> environment = environment(database);
        AppConfig config = ConfigLoader.load(MapConfigSource.of("load harness", environment)).config();
        LoadDataset dataset = LoadDataset.seed(database, bypass, config, options.tenants(), options.users(), options.readers());
        List<byte[]> requests = requests(dataset, options.limit());
        Path work = options.work().resolve(started.truncatedTo(ChronoUnit.SECONDS).toString().replace(":", ""));
        List<ServerProcess> servers = new ArrayList<>();
        try (DatabaseCpu databaseCpu = DatabaseCpu.of(database.adminConnection(), database.runtime())) {
            servers.addAll(start(options, work, environment, dataset));
            Map<String, Double> rssAfterStart = new LinkedHashMap<>();
            servers.forEach(server -> rssAfterStart.put(server.name(), mib(server.rssBytes())));
            AnswerCheck.sameAnswers(servers, dataset.tenants(), options.limit(), options.users());
            AlternatingRounds rounds = new AlternatingRounds(servers, requests, databaseCpu, options);
            List<LoadResults.Phase> phases = rounds.runAll();
            List<LoadResults.Server> figures = new ArrayList<>();
            for (ServerProcess server : servers) {
                figures.add(new LoadResults.Server(server.name(), NAMES.get(server.name()), description(server.name()),
                        server.pid(), rssAfterStart.get(server.name()), mib(server.peakRssBytes()), mib(server.rssBytes())));
            }
            stop(servers);
            LoadResults results = results(options, started, loadAtStart, postgresVersion(database),
                    environment, rounds.rate(), figures, phases);
            PerformanceReport.write(results, options);
            return results;
        } finally {
            stop(servers);
        }
    }

    /** The environment of all three servers: production, the harness's database and secrets, limits that never refuse. */
    private static Map<String, String> environment(TestDatabase database) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("APP_ENV", "production");
        environment.put("HOST", "127.0.0.1");
        environment.put("PORT", "0");
        environment.put("DATABASE_URL", TestDatabase.text(database.runtime()));
        environment.put("DATABASE_MIGRATION_URL", TestDatabase.text(database.owner()));
        environment.put("JWT_SECRET", JWT_SECRET);
        environment.put("ENCRYPTION_KEY", ENCRYPTION_KEY);
        environment.put("JWT_EXPIRES_IN", "2h");
        environment.put("RATE_LIMIT_MAX", NEVER);
        environment.put("TENANT_RATE_LIMIT_MAX", NEVER);
        environment.put("SPEED_LIMIT_DELAY_AFTER", NEVER);
        environment.put("SHUTDOWN_DRAIN_DELAY_MS", "0");
        return environment;
    }

    /** The variables a reader of the report needs: those that differ from production's defaults, secrets left out. */
    private static Map<String, String> reported(Map<String, String> environment) {
        Map<String, String> shown = new LinkedHashMap<>();
        environment.forEach((name, value) -> {
            if (!name.startsWith("DATABASE_") && !name.equals("JWT_SECRET") && !name.equals("ENCRYPTION_KEY")) {
                shown.put(name, value);
            }
        });
        return shown;
    }

    /**
     * Starts one JVM ({@link SideBySideServers}) on the host's runnable jar and the harness's server
     * classes, and waits for its three ports: (a) the host, (b) and (c) the bare routes.
     */
    private static List<ServerProcess> start(LoadOptions options, Path work, Map<String, String> environment,
            LoadDataset dataset) throws Exception {
        log("starting the host and the bare routes side by side in one JVM in " + work.toAbsolutePath().normalize());
        if (!Files.exists(options.jar())) {
            throw new IllegalStateException(options.jar().toAbsolutePath().normalize() + " is missing; build it with"
                    + " mvn -DskipTests package -pl app-host -am (the load profile's command builds it)");
        }
        Map<String, String> withBypass = new LinkedHashMap<>(environment);
        withBypass.put(BareUsersServer.BYPASS_URL, TestDatabase.text(dataset.bypass()));
        String classpath = options.jar().toAbsolutePath() + File.pathSeparator + serverClasses(work.resolve("classes"));
        ServerProcess host = ServerProcess.start("a", work, options.jvmFlags(),
                List.of("-cp", classpath, SideBySideServers.class.getName()), withBypass);
        List<ServerProcess> servers = List.of(host, host.alsoIn("b"), host.alsoIn("c"));
        servers.get(1).awaitPort(BARE_SCOPED_LISTENING, START);
        servers.get(2).awaitPort(BARE_BYPASS_LISTENING, START);
        servers.get(0).awaitPort(HOST_LISTENING, START);
        return servers;
    }

    /**
     * A directory with the harness's server classes alone, copied from where this class was loaded:
     * the test classes' directory also holds {@code logback-test.xml}, which would replace the
     * host's own logging configuration.
     */
    private static Path serverClasses(Path directory) throws Exception {
        Path loadedFrom = Path.of(SideBySideServers.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (!Files.isDirectory(loadedFrom)) {
            throw new IllegalStateException("the harness runs from " + loadedFrom + "; it needs integration-tests'"
                    + " compiled test classes as a directory (the load profile's command runs it so)");
        }
        String pkg = SideBySideServers.class.getPackageName().replace('.', '/');
        Path target = Files.createDirectories(directory.resolve(pkg));
        for (Class<?> server : List.of(SideBySideServers.class, BareUsersServer.class, UnscopedUserReader.class)) {
            try (var classFiles = Files.newDirectoryStream(loadedFrom.resolve(pkg), server.getSimpleName() + "*.class")) {
                for (Path classFile : classFiles) {
                    Files.copy(classFile, target.resolve(classFile.getFileName().toString()),
                            StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return directory.toAbsolutePath();
    }

    /** One request per reader token, tenant after tenant, so consecutive requests go to different tenants. */
    private static List<byte[]> requests(LoadDataset dataset, int limit) {
        List<byte[]> requests = new ArrayList<>();
        int readers = dataset.tenants().get(0).tokens().size();
        for (int r = 0; r < readers; r++) {
            for (LoadDataset.SeededTenant tenant : dataset.tenants()) {
                requests.add(KeepAliveHttpClient.request("/api/v1/users?limit=" + limit, "Authorization",
                        "Bearer " + tenant.tokens().get(r), "X-Tenant-ID", tenant.id().toString(), "Accept", "application/json"));
            }
        }
        return requests;
    }

    private static LoadResults results(LoadOptions options, Instant started, String loadAtStart, String postgres,
            Map<String, String> environment, double rate, List<LoadResults.Server> servers, List<LoadResults.Phase> phases) {
        List<LoadResults.Ratio> ratios = List.of(
                LoadResults.ratio(phases, "a", "b", "what the middleware chain leaves of the bare route's throughput", 0.90),
                LoadResults.ratio(phases, "b", "c", "what tenant scoping leaves of the unscoped read's throughput", 0.90),
                LoadResults.ratio(phases, "a", "c", "both together: the product against an unscoped bare read", 0.80));
        double minutes = LoadResults.round(Duration.between(started, Instant.now()).toMillis() / 60_000.0, 2);
        return new LoadResults(started.truncatedTo(ChronoUnit.SECONDS).toString(), minutes, ProcFacts.machine(), postgres,
                LoadDataset.serverKind(), loadAtStart, ProcFacts.loadAverage(), options.command(), options.describe(),
                reported(environment), rate, servers, LoadResults.summarise(phases, "closed", NAMES),
                LoadResults.summarise(phases, "open", NAMES), ratios, phases);
    }

    private static String description(String key) {
        return switch (key) {
            case "a" -> "the host's main from app-host-runnable.jar, APP_ENV=production: every step of the chain, then the route";
            case "b" -> "BareUsersServer scoped: JdbiUserRepository.list through the RLS executor on a bare Javalin route";
            default -> "BareUsersServer bypass: the same columns by a BYPASSRLS role with where tenant_id = ?, JDBI without the executor";
        };
    }

    private static String postgresVersion(TestDatabase database) throws SQLException {
        try (Connection admin = database.adminConnection(); Statement sql = admin.createStatement();
                ResultSet row = sql.executeQuery("show server_version")) {
            row.next();
            return "PostgreSQL " + row.getString(1);
        }
    }

    private static void stop(List<ServerProcess> servers) throws InterruptedException {
        for (ServerProcess server : servers) {
            server.close();
        }
    }

    private static double mib(long bytes) {
        return bytes < 0 ? -1 : Math.round(bytes / 1048576.0 * 10) / 10.0;
    }

    static void log(String message) {
        System.out.println("[load " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "] " + message);
    }
}
