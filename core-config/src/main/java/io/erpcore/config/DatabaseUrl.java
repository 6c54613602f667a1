package io.erpcore.config;

import static io.erpcore.config.internal.UriText.isAsciiLetterOrDigit;

import io.erpcore.config.internal.UriText;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A PostgreSQL connection written the libpq way, {@code postgresql://user:pass@host:5432/erp?sslmode=require},
 * split into the JDBC URL pgjdbc wants and the credentials it takes separately.
 *
 * @param hosts one or more servers, tried in order (libpq's {@code h1:5432,h2:5433})
 * @param database the database name, percent-decoded
 * @param user the role to log in as, percent-decoded
 * @param password the role's password, percent-decoded; empty when the URL gives none
 * @param parameters the query parameters under their libpq names, in order, values percent-decoded,
 *     without {@code user} and {@code password}
 */
public record DatabaseUrl(
        List<HostAndPort> hosts, String database, String user, Optional<Secret> password, Map<String, String> parameters) {

    static final String EXAMPLE = "postgresql://user:pass@host:5432/erp";
    private static final int DEFAULT_PORT = 5432;
    // Only names whose pgjdbc meaning is the libpq one: both timeouts are in seconds.
    private static final Map<String, String> PGJDBC_NAMES = Map.of(
            "application_name", "ApplicationName",
            "connect_timeout", "connectTimeout");

    /** Copies the collections, so that a parsed URL never changes afterwards. */
    public DatabaseUrl {
        hosts = List.copyOf(hosts);
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("must name a host, as in " + EXAMPLE);
        }
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** Reads a {@code postgresql://} or {@code postgres://} URL; no message repeats any part of it. */
    public static DatabaseUrl parse(String text) {
        UriText.Parts parts = UriText.split(afterScheme(text));
        UriText.Userinfo userinfo = UriText.Userinfo.parse(parts.userinfo());
        List<HostAndPort> hosts = Stream.of(parts.authority().split(",", -1))
                .map(host -> HostAndPort.parse(host, DEFAULT_PORT, EXAMPLE))
                .toList();
        String database = database(parts.path());
        Map<String, String> parameters = parameters(parts.query());
        // libpq's ?user= and ?password= never stay in the query, where the JDBC URL or a log would show them.
        Optional<String> queryUser = Optional.ofNullable(parameters.remove("user")).filter(u -> !u.isEmpty());
        Optional<String> queryPassword = Optional.ofNullable(parameters.remove("password")).filter(p -> !p.isEmpty());
        String user = userinfo.user().or(() -> queryUser).orElseThrow(
                () -> new IllegalArgumentException("must name a user before the @, as in " + EXAMPLE));
        Optional<Secret> password = userinfo.password().or(() -> queryPassword).map(Secret::of);
        return new DatabaseUrl(hosts, database, user, password, parameters);
    }

    private static String afterScheme(String text) {
        String url = text.strip();
        String lower = url.toLowerCase(Locale.ROOT);
        for (String scheme : List.of("postgresql://", "postgres://")) {
            if (lower.startsWith(scheme)) {
                return url.substring(scheme.length());
            }
        }
        throw new IllegalArgumentException("must start with postgresql:// or postgres://, as in " + EXAMPLE);
    }

    private static String database(String path) {
        String name = path.isEmpty() ? "" : path.substring(1);
        if (name.isEmpty()) {
            throw new IllegalArgumentException("must name a database after the host, as in " + EXAMPLE);
        }
        if (name.contains("/")) {
            throw new IllegalArgumentException("must name one database after the host; write a / in its name as %2F");
        }
        return UriText.decode(name, "database name");
    }

    private static Map<String, String> parameters(Optional<String> query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : query.orElse("").split("&")) {
            int equals = pair.indexOf('=');
            if (equals == 0 || equals < 0 && !pair.isEmpty()) {
                throw new IllegalArgumentException("must write query parameters as name=value pairs, as in ?sslmode=require");
            }
            if (equals > 0) {
                parameters.put(UriText.decode(pair.substring(0, equals), "query parameters"),
                        UriText.decode(pair.substring(equals + 1), "query parameters"));
            }
        }
        return parameters;
    }

    /**
     * The URL for pgjdbc, {@code jdbc:postgresql://host:5432/erp?sslmode=require}: no credentials, which
     * go to the driver separately, and libpq parameter names pgjdbc spells differently translated.
     */
    public String jdbcUrl() {
        return "jdbc:postgresql://" + hostList() + "/" + UriText.encode(database)
                + query(name -> PGJDBC_NAMES.getOrDefault(name, name));
    }

    /** The URL as written, with the password masked and credentials moved out of the query. */
    @Override
    public String toString() {
        String credentials = UriText.encode(user) + password.map(secret -> ":" + Secret.MASK).orElse("");
        return "postgresql://" + credentials + "@" + hostList() + "/" + UriText.encode(database) + query(name -> name);
    }

    private String hostList() {
        return hosts.stream().map(HostAndPort::toString).collect(Collectors.joining(","));
    }

    private String query(UnaryOperator<String> naming) {
        return parameters.entrySet().stream()
                .map(entry -> UriText.encode(naming.apply(entry.getKey())) + "=" + UriText.encode(entry.getValue()))
                .collect(Collectors.joining("&", parameters.isEmpty() ? "" : "?", ""));
    }

    /**
     * One server: a DNS name, an IPv4 address or an IPv6 address (kept without its brackets) and a port.
     *
     * @param host the name or address, without brackets
     * @param port from 1 to 65535
     */
    public record HostAndPort(String host, int port) {

        private static final String PORT_RULE = "must have a port from 1 to 65535 after the host";
        private static final String UNCLOSED = "must close the bracket around an IPv6 host, as in [2001:db8::1]";

        /** Refuses an empty host and a port outside 1 to 65535. */
        public HostAndPort {
            if (host == null || host.isEmpty()) {
                throw new IllegalArgumentException("must name a host");
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException(PORT_RULE);
            }
        }

        /** {@code host[:port]} or {@code [ipv6][:port]}; {@code example} shows a whole URL in messages. */
        static HostAndPort parse(String text, int defaultPort, String example) {
            if (text.startsWith("[")) {
                return bracketed(text, defaultPort);
            }
            int colon = text.indexOf(':');
            if (colon >= 0 && text.indexOf(':', colon + 1) >= 0) {
                throw new IllegalArgumentException("must put an IPv6 host in brackets, as in [2001:db8::1]");
            }
            String host = name(colon < 0 ? text : text.substring(0, colon), example);
            return new HostAndPort(host, colon < 0 ? defaultPort : port(text.substring(colon + 1)));
        }

        private static String name(String host, String example) {
            if (host.isEmpty()) {
                throw new IllegalArgumentException("must name a host, as in " + example);
            }
            if (!host.chars().allMatch(c -> isAsciiLetterOrDigit(c) || c == '.' || c == '-' || c == '_')) {
                throw new IllegalArgumentException(
                        "must name the host with letters, digits, '.', '-' and '_', or as an IP address");
            }
            return host;
        }

        private static HostAndPort bracketed(String text, int defaultPort) {
            int close = text.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException(UNCLOSED);
            }
            String address = text.substring(1, close);
            if (!isIpv6Text(address)) {
                throw new IllegalArgumentException(
                        "must write an IPv6 host as hex digits and colons in brackets, as in [2001:db8::1]");
            }
            String after = text.substring(close + 1);
            if (!after.isEmpty() && !after.startsWith(":")) {
                throw new IllegalArgumentException(PORT_RULE);
            }
            return new HostAndPort(address, after.isEmpty() ? defaultPort : port(after.substring(1)));
        }

        /** Only what an IPv6 literal is made of: a zone ({@code %25eth0}) means nothing to a remote server. */
        private static boolean isIpv6Text(String address) {
            return address.contains(":") && address.chars()
                    .allMatch(c -> c == ':' || c == '.' || isAsciiLetterOrDigit(c) && Character.digit(c, 16) >= 0);
        }

        private static int port(String digits) {
            if (digits.isEmpty() || digits.length() > 5 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new IllegalArgumentException(PORT_RULE);
            }
            return Integer.parseInt(digits);
        }

        /** {@code db:5432}, or {@code [::1]:5432} for an IPv6 address, as URLs write it. */
        @Override
        public String toString() {
            return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        }
    }
}
