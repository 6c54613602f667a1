package io.erpcore.config;

/** The headings under which {@code --help} and {@code .env.example} list the variables. */
public enum SettingGroup {
    APPLICATION("Application"),
    SERVER("Server"),
    LOGGING("Logging"),
    DATABASE("Database"),
    TOKENS("Tokens and passwords"),
    ENCRYPTION("Field encryption"),
    RATE_LIMITS("Rate limits"),
    SERVICES("External services"),
    OPERATIONS("Operations");

    private final String title;

    SettingGroup(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
