package io.erpcore.hostprocess;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged host run as a child process, the way the README runs it: {@code java -jar}, in a
 * working directory of the test's own, with only the variables the test gives. Standard output
 * and error go to files there, so a test can wait for a line and read everything afterwards.
 */
final class HostProcess {

    static final Path JAR = Path.of("..", "app-host", "target", "app-host-runnable.jar").toAbsolutePath().normalize();
    static final String JWT_SECRET = "Zq8vN2kLw5pR7tX1yB4cF6hJ9mQ3sV0dG8aE2uK5nP7r";
    static final String ENCRYPTION_KEY = "q7Yc3mR1vT9wK2pL6xN4bJ8dF0hS5gA1zE3uC7iO9kM=";
    static final String PLATFORM_TOKEN = "platform-token-for-process-tests-0123456789";
    static final String OWNER_PASSWORD = "correct horse battery staple";

    private static final Pattern LISTENING = Pattern.compile("ERP Core is listening on (http://[^\\s\"]+)");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path workingDirectory;
    private final long startedNanos;
    private String url;

    private HostProcess(Process process, Path workingDirectory, long startedNanos) {
        this.process = process;
        this.workingDirectory = workingDirectory;
        this.startedNanos = startedNanos;
    }

    /** Starts the jar with {@code jvmOptions} and {@code args}; returns at once. */
    static HostProcess launch(Path workingDirectory, Map<String, String> environment, List<String> jvmOptions,
            String... args) throws IOException {
        assertThat(JAR).as("the packaged host; build it with mvn verify from the repository root").exists();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        long started = System.nanoTime();
        Process process = builder.redirectOutput(workingDirectory.resolve("stdout.txt").toFile())
                .redirectError(workingDirectory.resolve("stderr.txt").toFile()).start();
        return new HostProcess(process, workingDirectory, started);
    }

    static HostProcess launch(Path workingDirectory, Map<String, String> environment, String... args) throws IOException {
        return launch(workingDirectory, environment, List.of(), args);
    }

    /** Production settings on {@code database}, with the platform API on and rate limits out of the way. */
    static Map<String, String> production(OwnPostgres database, Map<String, String> more) {
        Map<String, String> environment = new HashMap<>(Map.of(
                "APP_ENV", "production",
                "DATABASE_URL", database.runtimeUrl(),
                "DATABASE_MIGRATION_URL", database.ownerUrl(),
                "JWT_SECRET", JWT_SECRET,
                "ENCRYPTION_KEY", ENCRYPTION_KEY,
                "PLATFORM_ADMIN_TOKEN", PLATFORM_TOKEN,
                "RATE_LIMIT_MAX", "1000000",
                "TENANT_RATE_LIMIT_MAX", "1000000",
                "SPEED_LIMIT_DELAY_AFTER", "1000000"));
        environment.putAll(more);
        return environment;
    }

    /** Waits until the host logs the URL it listens on; fails if it exits first. */
    HostProcess awaitListening() throws IOException, InterruptedException {
        url = awaitLogged(LISTENING, Duration.ofSeconds(120)).group(1);
        return this;
    }

    /** Waits until /health/ready answers 200, as a load balancer would before sending traffic. */
    HostProcess awaitReady(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (get("/health/ready").statusCode() != 200) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("readiness did not answer 200 within " + timeout + ":\n" + stdout());
            }
            Thread.sleep(50);
        }
        return this;
    }

    /** Waits up to {@code timeout} for standard output to match {@code pattern}. */
    Matcher awaitLogged(Pattern pattern, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher matcher = pattern.matcher(stdout());
            if (matcher.find()) {
                return matcher;
            }
            if (!process.isAlive()) {
                throw new AssertionError("the host exited with " + process.exitValue() + " before logging " + pattern
                        + ":\n" + stdout() + stderr());
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the host did not log " + pattern + " within " + timeout + ":\n" + stdout());
    }

    /** Waits up to {@code timeout} for the process to exit; its exit code. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            throw new AssertionError("the host did not exit within " + timeout);
        }
        return process.exitValue();
    }

    /** SIGTERM, as an orchestrator stops a container. */
    void terminate() {
        process.destroy();
    }

    /** Kills the process if a test left it running. */
    void kill() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** Nanoseconds (System.nanoTime) when the process was launched. */
    long startedNanos() {
        return startedNanos;
    }

    String url() {
        return url;
    }

    String stdout() throws IOException {
        return Files.readString(workingDirectory.resolve("stdout.txt"), StandardCharsets.UTF_8);
    }

    String stderr() throws IOException {
        return Files.readString(workingDirectory.resolve("stderr.txt"), StandardCharsets.UTF_8);
    }

    /**
     * A request for {@code path} on this host, with {@code Authorization: Bearer} if given and a 30 s
     * timeout: a sign-in hashes at 600,000 PBKDF2 iterations, which takes seconds on a busy machine.
     */
    HttpRequest.Builder request(String path, String... bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(30));
        if (bearer.length > 0) {
            request.header("Authorization", "Bearer " + bearer[0]);
        }
        return request;
    }

    HttpResponse<String> get(String path, String... bearer) throws IOException, InterruptedException {
        return HTTP.send(request(path, bearer).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String json, String... bearer) throws IOException, InterruptedException {
        return HTTP.send(request(path, bearer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Creates a tenant through the platform API and signs its owner in; the owner's access token. */
    String newTenantOwnerToken(String slug) throws IOException, InterruptedException {
        return newTenant(slug).get("accessToken").asText();
    }

    /** Creates a tenant through the platform API and signs its owner in; the sign-in's answer (both tokens). */
    JsonNode newTenant(String slug) throws IOException, InterruptedException {
        createTenant(slug);
        return signIn(slug);
    }

    /** Creates a tenant through the platform API, its owner signing in with {@link #OWNER_PASSWORD}; the tenant's id. */
    String createTenant(String slug) throws IOException, InterruptedException {
        HttpResponse<String> created = post("/api/v1/tenants", "{\"slug\":\"" + slug + "\",\"name\":\"" + slug + "\","
                + "\"admin\":{\"email\":\"owner@" + slug + ".example\",\"displayName\":\"Owner\",\"password\":\"" + OWNER_PASSWORD
                + "\"}}", PLATFORM_TOKEN);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).get("id").asText();
    }

    /** Signs in the owner of tenant {@code slug} (made by {@link #createTenant}); the answer with both tokens. */
    JsonNode signIn(String slug) throws IOException, InterruptedException {
        HttpResponse<String> login = post("/api/v1/auth/login", "{\"tenant\":\"" + slug + "\",\"email\":\"owner@" + slug
                + ".example\",\"password\":\"" + OWNER_PASSWORD + "\"}");
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        return JSON.readTree(login.body());
    }

    /**
     * The sum of the Prometheus samples of {@code metric} on /metrics (without METRICS_TOKEN) whose
     * labels contain every one of {@code labels} (written {@code name="value"}).
     */
    double metric(String metric, String... labels) throws IOException, InterruptedException {
        HttpResponse<String> scrape = get("/metrics");
        assertThat(scrape.statusCode()).as(scrape.body()).isEqualTo(200);
        return scrape.body().lines()
                .filter(line -> line.startsWith(metric + "{") || line.startsWith(metric + " "))
                .filter(line -> List.of(labels).stream().allMatch(line::contains))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    /** The child's resident memory now and at its peak ({@code VmRSS}, {@code VmHWM} of /proc/<pid>/status), in kB. */
    Memory memory() throws IOException {
        String status = Files.readString(Path.of("/proc", String.valueOf(pid()), "status"));
        return new Memory(kilobytes(status, "VmRSS"), kilobytes(status, "VmHWM"));
    }

    private static long kilobytes(String status, String field) {
        Matcher matcher = Pattern.compile("(?m)^" + field + ":\\s+(\\d+) kB").matcher(status);
        if (!matcher.find()) {
            throw new AssertionError("no " + field + " in /proc/<pid>/status:\n" + status);
        }
        return Long.parseLong(matcher.group(1));
    }

    /** Resident memory of the host process, in kB. */
    record Memory(long residentKb, long peakResidentKb) {
    }
}
