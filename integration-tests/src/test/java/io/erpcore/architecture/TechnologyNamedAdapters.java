package io.erpcore.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static java.util.stream.Collectors.joining;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An adapter class that implements a core port is named {@code <Technology><Port>}, so a stack
 * trace or a wiring class says which technology stands behind a port ({@code JdbiRlsExecutor},
 * {@code MicrometerMetricsSink}).
 *
 * <p>Only ports the class implements directly count: a subclass of an adapter inherits the port
 * but not the duty to be named after it. With several direct ports, ending in one of them is
 * enough, since one name cannot end in two.
 */
final class TechnologyNamedAdapters extends ArchCondition<JavaClass> {

    /** The name prefixes each technology package allows; a new technology package must be added here. */
    private static final Map<String, List<String>> PREFIXES_BY_TECHNOLOGY = new TreeMap<>(Map.of(
            "http", List.of("Javalin", "Jetty"),
            "jdbi", List.of("Jdbi", "Hikari", "Flyway", "Postgres"),
            "micrometer", List.of("Micrometer", "Prometheus"),
            "logback", List.of("Logback", "Logstash"),
            "ratelimit", List.of("Bucket4j", "Redis", "Lettuce")));

    private static final DescribedPredicate<JavaClass> CORE = resideInAnyPackage(ErpPackages.CORES);

    TechnologyNamedAdapters() {
        super("be named <Technology><Port> after a technology of their package and the core port they implement");
    }

    @Override
    public void check(JavaClass adapter, ConditionEvents events) {
        // An anonymous class cannot carry a name; the named class enclosing it carries the technology.
        if (adapter.isAnonymousClass()) {
            return;
        }
        List<JavaClass> ports = adapter.getRawInterfaces().stream().filter(CORE).toList();
        if (ports.isEmpty()) {
            return;
        }
        String name = adapter.getSimpleName();
        Optional<String> technology = ErpPackages.technologyOf(adapter.getPackageName());
        List<String> prefixes = technology.map(PREFIXES_BY_TECHNOLOGY::get).orElse(List.of());
        boolean namesTechnology = prefixes.stream().anyMatch(name::startsWith);
        boolean namesPort = ports.stream().anyMatch(port -> name.endsWith(port.getSimpleName()));
        if (namesTechnology && namesPort) {
            return;
        }
        String message = prefixes.isEmpty()
                ? unknownTechnology(adapter, ports)
                : misnamed(adapter, ports, technology.orElseThrow(), prefixes);
        events.add(SimpleConditionEvent.violated(adapter, message));
    }

    private static String misnamed(JavaClass adapter, List<JavaClass> ports, String technology, List<String> prefixes) {
        String port = ports.get(0).getSimpleName();
        return String.format(
                "%s implements core port %s, so it must be named <Technology>%s with a technology of "
                        + "package %s.%s (one of %s), e.g. %s%s %s",
                adapter.getName(), names(ports), port, ErpPackages.ADAPTER_PACKAGE, technology,
                String.join(", ", prefixes), prefixes.get(0), port, adapter.getSourceCodeLocation());
    }

    private static String unknownTechnology(JavaClass adapter, List<JavaClass> ports) {
        return String.format(
                "%s implements core port %s, but %s is not inside a known technology package "
                        + "(%s.{%s}); move it there, or register the new technology's name prefixes in %s %s",
                adapter.getName(), names(ports), adapter.getPackageName(), ErpPackages.ADAPTER_PACKAGE,
                String.join(",", PREFIXES_BY_TECHNOLOGY.keySet()), TechnologyNamedAdapters.class.getSimpleName(),
                adapter.getSourceCodeLocation());
    }

    private static String names(List<JavaClass> ports) {
        return ports.stream().map(JavaClass::getName).collect(joining(", "));
    }
}
