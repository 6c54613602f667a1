package io.erpcore.host;

/** The version of the running ERP Core, from the jar's manifest. */
final class HostVersion {

    private HostVersion() {
    }

    /** The Implementation-Version of the packaged host, or "(unpackaged build)" when run from classes. */
    static String current() {
        String version = HostVersion.class.getPackage().getImplementationVersion();
        return version == null ? "(unpackaged build)" : version;
    }
}
