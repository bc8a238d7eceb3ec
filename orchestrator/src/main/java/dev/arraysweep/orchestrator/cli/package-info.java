/**
 * The {@code arraysweep} command: {@link dev.arraysweep.orchestrator.cli.Main} parses the command line,
 * dispatches to one {@link dev.arraysweep.orchestrator.cli.Command} per subcommand and is the only place that
 * exits; each command reads its flags and calls into the domain packages, where the work is done.
 *
 * <p>The top of the orchestrator: it may import every other orchestrator package and module db, and no other
 * package imports it. The command classes are package-private.
 */
package dev.arraysweep.orchestrator.cli;
