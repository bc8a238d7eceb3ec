/**
 * The dashboard: one web application served by the JDK's own HTTP server
 * ({@link dev.arraysweep.orchestrator.dashboard.DashboardServer}) with JSON endpoints
 * ({@link dev.arraysweep.orchestrator.dashboard.DashboardApi}, documented in {@code docs/dashboard.md}) and its
 * page, script and style served from the jar, uPlot from its WebJar: nothing comes from the internet.
 *
 * <p>It only reads. The database is opened through a {@link dev.arraysweep.orchestrator.dashboard.DatabaseReader}
 * that the command supplies (journals ingested first), held for one short poll cycle ({@link
 * dev.arraysweep.orchestrator.dashboard.ShortHoldReader}) and closed, so workers and other commands are never
 * locked out for long. It accepts this
 * machine only unless bound elsewhere with a token. Builds on {@code status}, {@code results} and {@code report};
 * never imports {@code cli}.
 */
package dev.arraysweep.orchestrator.dashboard;
