package io.erpcore.host;

/** Starts ERP Core from the command line; everything else happens in {@link ErpCoreCommand}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(ErpCoreCommand.run(args, HostEnvironment.system()));
    }
}
