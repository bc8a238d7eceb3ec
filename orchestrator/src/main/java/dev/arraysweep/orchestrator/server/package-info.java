/**
 * The H2 servers an {@code arraysweep} process runs: the TCP server that lets workers on other nodes write to
 * the work directory's database ({@link dev.arraysweep.orchestrator.server.DbServer}) and the web console for
 * ad-hoc SQL ({@link dev.arraysweep.orchestrator.server.WebConsole}).
 *
 * <p>The console accepts connections from this machine only; the TCP server accepts other machines only when
 * bound to an address that is not the loopback. Depends on module db only; never imports {@code cli}.
 */
package dev.arraysweep.orchestrator.server;
