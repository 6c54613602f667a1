package io.erpcore.host;

/**
 * The start-up phases, in the order they run (DESIGN section 6). Each is logged with its
 * duration; a phase that fails names itself, the cause and a hint.
 */
public enum StartupPhase {

    CONFIG("config", "erp-core --validate-config prints the effective configuration and where each value came from"),
    LOGGING_AND_METRICS("logging and metrics", "check LOG_LEVEL, LOG_FORMAT and the METRICS_* variables"),
    DATABASE("database", "check that DATABASE_URL names a server that is up and lets this host connect; "
            + "erp-core db-check tests the connection and the roles"),
    MIGRATIONS("migrations and tenancy lint", "erp-core migrate runs the migrations and the lint alone; "
            + "erp-core db-check reports the roles and the lint"),
    HTTP_APP("HTTP application", "a variable the application reads at build time is wrong; the cause names it"),
    HEALTH_CHECKS("health checks", "a component readiness depends on is down; /health/detailed names it once "
            + "the host runs, and --skip-health starts without waiting for it"),
    LISTEN("listen", "choose another port with PORT or --port, or stop the process that holds it"),
    BANNER("banner", "nothing to fix: the server is listening");

    private final String label;
    private final String hint;

    StartupPhase(String label, String hint) {
        this.label = label;
        this.hint = hint;
    }

    /** The phase's name in logs and messages. */
    public String label() {
        return label;
    }

    /** What an operator should look at first when this phase fails and the cause gives no better hint. */
    String defaultHint() {
        return hint;
    }
}
