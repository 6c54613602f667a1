package io.erpcore.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Guards the import {@link ArchitectureTest} relies on: checked against the wrong classes, the
 * rules pass or fail for the wrong reason.
 */
final class ProductionImportTest {

    // The same import as @AnalyzeClasses on ArchitectureTest.
    private static final List<String> PRODUCTION_PACKAGES = new ClassFileImporter()
            .withImportOption(new ImportOption.DoNotIncludeTests())
            .withImportOption(new DoNotIncludeTestJars())
            .importPackages(ErpPackages.ROOT)
            .stream()
            .map(JavaClass::getPackageName)
            .toList();

    // Under mvn verify the modules arrive as jars; an import option that drops jars would leave nothing.
    @Test
    void production_import_reaches_every_module() {
        assertThat(PRODUCTION_PACKAGES)
                .anyMatch(pkg -> pkg.startsWith("io.erpcore.config"))
                .anyMatch(pkg -> pkg.startsWith("io.erpcore.logging"))
                .anyMatch(pkg -> pkg.startsWith("io.erpcore.metrics"))
                .anyMatch(pkg -> pkg.startsWith("io.erpcore.tenancy"))
                .anyMatch(pkg -> pkg.startsWith("io.erpcore.security"))
                .anyMatch(pkg -> pkg.startsWith("io.erpcore.persistence"))
                .anyMatch(pkg -> pkg.startsWith("io.erpcore.adapter"))
                .anyMatch(pkg -> pkg.startsWith("io.erpcore.host"));
    }

    @Test
    void production_import_leaves_out_the_fixtures_and_these_tests() {
        assertThat(PRODUCTION_PACKAGES)
                .noneMatch(pkg -> pkg.contains(".archfixture"))
                .noneMatch(pkg -> pkg.equals("io.erpcore.isolation"))
                .doesNotContain(ProductionImportTest.class.getPackageName());
    }
}
