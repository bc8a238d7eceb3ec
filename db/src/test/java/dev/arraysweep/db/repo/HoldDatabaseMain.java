package dev.arraysweep.db.repo;

/**
 * A second process for the access-lock tests: opens the embedded database at {@code args[0]} (or, with a third
 * argument, only holds its lock and announces that URL as its server), says so on stdout, and keeps it for
 * {@code args[1]} seconds.
 */
public final class HoldDatabaseMain {
    private HoldDatabaseMain() {}

    public static void main(String[] args) throws Exception {
        Database.describeProcess("hold-database test");
        if (args.length > 2) {
            AccessLock lock = AccessLock.hold(java.nio.file.Path.of(args[0]), "hold-database test");
            lock.announceServer(args[2], null, "hold-database test");
        } else {
            Database.open("jdbc:h2:file:" + args[0]).sweeps().list();
        }
        System.out.println("holding");
        System.out.flush();
        Thread.sleep(Long.parseLong(args[1]) * 1000);
        System.exit(0);
    }
}
