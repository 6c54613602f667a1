package io.erpcore.architecture;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import io.erpcore.adapter.http.archfixture.JavalinHealthRoute;
import io.erpcore.adapter.jdbi.archfixture.JdbiLedgerStore;
import io.erpcore.adapter.jdbi.archfixture.SqlStatements;
import io.erpcore.adapter.jdbi.archfixture.internal.SqlDialect;
import io.erpcore.config.archfixture.Settings;
import io.erpcore.config.archfixture.internal.Trimmer;
import io.erpcore.host.archfixture.HostWiring;
import io.erpcore.logging.archfixture.ContextLogger;
import io.erpcore.metrics.archfixture.RequestMeter;
import io.erpcore.persistence.archfixture.LedgerStore;
import io.erpcore.security.archfixture.AccessGuard;
import io.erpcore.tenancy.archfixture.TenantScope;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;

/**
 * Imports of the rule fixtures, the {@code io.erpcore.*.archfixture} test classes. They sit in the
 * real module packages so the rules' package patterns match them; being test classes, they stay
 * out of the production import of {@link ArchitectureTest}.
 *
 * <p>Every import is explicit, class by class: the violators share packages with the compliant
 * fixtures, and importing a package would mix them.
 */
final class Fixtures {

    /**
     * ERP Core in miniature, following every rule: at least one class in each layer, a port with a
     * well-named adapter, internals used one way inside their module. A rule that rejects it is
     * too strict.
     */
    private static final List<Class<?>> COMPLIANT_MINIATURE = List.of(
            Settings.class, Trimmer.class,
            ContextLogger.class,
            RequestMeter.class,
            TenantScope.class,
            AccessGuard.class,
            LedgerStore.class,
            JdbiLedgerStore.class, anonymousLedgerStore(), SqlStatements.class, SqlDialect.class,
            JavalinHealthRoute.class,
            HostWiring.class);

    private Fixtures() {
    }

    /** The compliant miniature plus some classes, so a failure can only come from those. */
    private static JavaClasses compliantMiniatureWith(Class<?>... additions) {
        List<Class<?>> classes = new ArrayList<>(COMPLIANT_MINIATURE);
        classes.addAll(List.of(additions));
        return new ClassFileImporter().importClasses(classes);
    }

    /** Asserts that {@code rule} rejects the miniature plus {@code additions}; chain what the message must name. */
    static AbstractThrowableAssert<?, ? extends Throwable> assertRejected(ArchRule rule, Class<?>... additions) {
        JavaClasses classes = compliantMiniatureWith(additions);
        return assertThatThrownBy(() -> rule.check(classes)).isInstanceOf(AssertionError.class);
    }

    /** Asserts that {@code rule} accepts the miniature plus {@code additions}. */
    static void assertAccepted(ArchRule rule, Class<?>... additions) {
        JavaClasses classes = compliantMiniatureWith(additions);
        assertThatCode(() -> rule.check(classes)).doesNotThrowAnyException();
    }

    // Anonymous classes have no class literal; an instance is the only way to name one.
    private static Class<?> anonymousLedgerStore() {
        return new JdbiLedgerStore().discarding().getClass();
    }
}
