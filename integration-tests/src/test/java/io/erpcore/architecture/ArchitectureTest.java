package io.erpcore.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;

/**
 * Checks the production classes of every module against {@link ArchitectureRules}.
 *
 * <p>No {@code DoNotIncludeJars}: under {@code mvn verify} the sibling modules reach this module as
 * jars and would silently vanish from the import (TNG/ArchUnit#1308). {@code DoNotIncludeTests}
 * keeps this module's test classes, the rule fixtures among them, out; {@link DoNotIncludeTestJars}
 * the test classes other modules ship in their test-jars.
 */
@AnalyzeClasses(packages = ErpPackages.ROOT,
        importOptions = {ImportOption.DoNotIncludeTests.class, DoNotIncludeTestJars.class})
final class ArchitectureTest {

    @ArchTest
    static final ArchTests production_code_follows_the_architecture = ArchTests.in(ArchitectureRules.class);

    private ArchitectureTest() {
    }
}
