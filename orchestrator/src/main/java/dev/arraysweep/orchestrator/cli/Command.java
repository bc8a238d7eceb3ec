package dev.arraysweep.orchestrator.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** One subcommand of {@code arraysweep}: its name, flags, help text and behaviour. */
interface Command {
    /** {@return the subcommand's name as typed} */
    String name();

    /** {@return the usage line after the command name, e.g. {@code SWEEP.yaml [--dry-run]}} */
    String usage();

    /** {@return a one-line summary for the command list} */
    String summary();

    /** {@return the subcommand's own flags (global flags are added by Main)} */
    Options options();

    /** Runs the command; returns the exit status (failures are thrown as ExitException). */
    int run(CommandLine line, Context ctx) throws Exception;
}
