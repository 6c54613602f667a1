package io.erpcore.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;

/**
 * Leaves out the test-jars of our modules ({@code adapter-http-<version>-tests.jar}), which reach
 * this module's classpath for their fixtures: their classes are tests, not production code.
 * {@link ImportOption.DoNotIncludeTests} knows test directories only.
 */
final class DoNotIncludeTestJars implements ImportOption {

    @Override
    public boolean includes(Location location) {
        return !location.contains("-tests.jar");
    }
}
