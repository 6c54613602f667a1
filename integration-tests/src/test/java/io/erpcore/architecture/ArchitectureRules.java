package io.erpcore.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.INTERFACES;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The architecture of ERP Core as named rules. {@link ArchitectureTest} checks them against the
 * production classes; the {@code *RuleTest} classes prove each one fails on a violating fixture.
 *
 * <p>Every rule keeps ArchUnit's failure on an empty {@code should}: a rule whose scope became
 * empty, say after a package rename, would otherwise pass forever without checking anything.
 * While a module holds nothing but its {@code package-info}, that compiled {@code package-info}
 * is what keeps its scope from being empty.
 */
final class ArchitectureRules {

    @ArchTest
    static final ArchRule cores_do_not_depend_on_adapter_technology = noClasses()
            .that().resideInAnyPackage(ErpPackages.CORES)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.javalin..", "org.eclipse.jetty..",
                    "org.jdbi..", "com.zaxxer..", "org.flywaydb..", "org.postgresql..",
                    "ch.qos.logback..", "net.logstash..",
                    "io.micrometer..",
                    "io.github.bucket4j..", "io.lettuce..",
                    ErpPackages.ADAPTERS, ErpPackages.HOST)
            .because("services embed the cores with their own web framework, database access, logging and "
                    + "metrics backend, and a core bound to one of ours would force it on them");

    @ArchTest
    static final ArchRule adapters_do_not_depend_on_the_host = noClasses()
            .that().resideInAPackage(ErpPackages.ADAPTERS)
            .should().dependOnClassesThat().resideInAPackage(ErpPackages.HOST)
            .because("services reuse the adapters without our standalone host, which wires them, not the other way round");

    @ArchTest
    static final ArchRule core_dependencies_point_inward = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            // Layers stay mandatory: every module already has its package-info, so an empty layer
            // means a package was renamed and the rule would silently check nothing.
            .layer("Config").definedBy(ErpPackages.CONFIG)
            .layer("Logging").definedBy(ErpPackages.LOGGING)
            .layer("Metrics").definedBy(ErpPackages.METRICS)
            .layer("Tenancy").definedBy(ErpPackages.TENANCY)
            .layer("Security").definedBy(ErpPackages.SECURITY)
            .layer("Persistence").definedBy(ErpPackages.PERSISTENCE)
            .layer("Adapters").definedBy(ErpPackages.ADAPTERS)
            .layer("Host").definedBy(ErpPackages.HOST)
            .whereLayer("Config").mayNotAccessAnyLayer()
            .whereLayer("Logging").mayOnlyAccessLayers("Config")
            .whereLayer("Metrics").mayOnlyAccessLayers("Config", "Logging")
            .whereLayer("Tenancy").mayOnlyAccessLayers("Config", "Logging")
            .whereLayer("Security").mayOnlyAccessLayers("Config", "Logging", "Metrics", "Tenancy")
            .whereLayer("Persistence").mayOnlyAccessLayers("Config", "Logging", "Metrics", "Tenancy")
            .whereLayer("Adapters").mayOnlyAccessLayers(
                    "Config", "Logging", "Metrics", "Tenancy", "Security", "Persistence")
            .because("each core can be understood, tested and embedded with only the cores beneath it, "
                    + "and security and persistence stay independent of each other");

    @ArchTest
    static final ArchRule packages_are_free_of_cycles = slices()
            // (**) captures the whole package name: every package is its own slice, internal ones too.
            .matching("io.erpcore.(**)")
            .should().beFreeOfCycles()
            .because("packages in a cycle can only be understood, tested and changed together");

    @ArchTest
    static final ArchRule ports_in_the_core_are_interfaces = noClasses()
            .that().resideInAPackage(ErpPackages.ADAPTERS)
            // Exceptions are values, not ports: an adapter may throw a subclass of a core's exception root.
            .and().areNotAssignableTo(Throwable.class)
            .should().beAssignableTo(resideInAnyPackage(ErpPackages.CORES).and(not(INTERFACES))
                    .as("a core class that is not an interface"))
            .because("a core class an adapter extends drags its state and behaviour into every "
                    + "implementation; a port that is an interface lets a service supply its own");

    @ArchTest
    static final ArchRule adapters_are_named_after_technology_and_port = classes()
            .that().resideInAPackage(ErpPackages.ADAPTERS)
            .should(new TechnologyNamedAdapters())
            .because("the name of an implementation tells which technology stands behind which port");

    @ArchTest
    static final ArchRule no_class_is_named_impl = noClasses()
            .that().resideInAPackage(ErpPackages.ROOT + "..")
            .should().haveSimpleNameEndingWith("Impl")
            .because("'Impl' says nothing an interface's name does not; name the technology or the strategy");

    @ArchTest
    static final ArchRule no_interface_has_an_i_prefix = noClasses()
            .that().resideInAPackage(ErpPackages.ROOT + "..")
            .and().areInterfaces()
            // Matches the simple name, also of nested interfaces (Outer$IListener).
            .should().haveNameMatching(".*[.$]I[A-Z][^.$]*")
            .because("callers should not care whether a type is an interface, so its name does not say so");

    @ArchTest
    static final ArchRule internals_are_used_only_inside_their_module = classes()
            .that().resideInAPackage(ErpPackages.ROOT + "..")
            .should(new InternalsStayInTheirModule())
            .because("internal helpers carry no compatibility promise, so only their own module may rely on them");

    private ArchitectureRules() {
    }
}
