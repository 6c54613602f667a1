package io.erpcore.benchmarks;

import io.erpcore.host.Main;

/**
 * The one JVM the load harness measures: the harness's two bare routes ({@link BareUsersServer},
 * scoped and bypass), each on a Jetty server and a pool of its own, and then the packaged host,
 * started by its own {@code main} as {@code java -jar} starts it, on a third port. The three
 * configurations are measured side by side on one server: one start, one JIT, one heap, so that the
 * ratios between them are what the chain and the scoping cost, not how differently three JVMs
 * happened to compile and settle.
 *
 * <p>Run with the host's runnable jar and these classes alone on the class path (no test
 * resources: the host must read its own {@code logback.xml}). When the host stops (SIGTERM), its
 * {@code main} ends the process, bare routes included.
 */
public final class SideBySideServers {

    private SideBySideServers() {
    }

    public static void main(String[] args) throws Exception {
        BareUsersServer.serve("scoped");
        BareUsersServer.serve("bypass");
        Main.main(args);
    }
}
