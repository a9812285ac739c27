/**
 * {@code refrain bench crash}: kills a running server and its embedded PostgreSQL with SIGKILL
 * while writers submit listens and playlist edits, restarts it, and checks that every
 * acknowledged write survived exactly once with consistent statistics. A plain program over
 * HTTP and JDBC, without Spring: the server under test is a child process. Exposed to the jar's
 * entry point ({@code RefrainApplication.main}), which starts it before any application context.
 */
@org.springframework.modulith.NamedInterface("crash")
package io.refrain.bench.crash;
