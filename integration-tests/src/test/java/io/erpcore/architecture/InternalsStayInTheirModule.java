package io.erpcore.architecture;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Optional;

/**
 * A class depends on {@code ..internal..} classes of its own module only. Internal helpers carry
 * no compatibility promise; once another module uses one, changing it breaks that module.
 *
 * <p>Checked from the using side, so the rule has classes to look at before any module has an
 * internal package, and one rule covers modules added later.
 */
final class InternalsStayInTheirModule extends ArchCondition<JavaClass> {

    InternalsStayInTheirModule() {
        super("depend on internal packages of their own module only");
    }

    @Override
    public void check(JavaClass origin, ConditionEvents events) {
        Optional<String> originModule = ErpPackages.moduleRootOf(origin.getPackageName());
        for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
            String targetPackage = dependency.getTargetClass().getBaseComponentType().getPackageName();
            if (!ErpPackages.isInternal(targetPackage)) {
                continue;
            }
            Optional<String> targetModule = ErpPackages.moduleRootOf(targetPackage);
            if (!targetModule.equals(originModule)) {
                events.add(SimpleConditionEvent.violated(dependency, String.format(
                        "%s reaches into %s, which is internal to module %s: %s",
                        origin.getName(), targetPackage, targetModule.orElseThrow(), dependency.getDescription())));
            }
        }
    }
}
