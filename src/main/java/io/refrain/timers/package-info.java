/**
 * Timers: roles held for a limited time — curator, moderator, supporter (global, granted by
 * administrators) and a party's dj (scoped, granted by the party's host through the parties
 * module) — that can be extended, paused, resumed and revoked, warn their holder before they run
 * out (notifications), and are swept when they do. A role authorises only while its timer runs
 * and before its end, checked in the database at every use ({@link io.refrain.timers.Roles}), so
 * an expired or revoked role stops working at once on every server. Every change is in an audit
 * trail ({@code role_events}) with who made it. The sweep ({@code TimerSweep}) finds due timers
 * through partial indexes, in batches with {@code FOR UPDATE SKIP LOCKED}, on every server.
 *
 * <p>Settings: {@link io.refrain.timers.TimersProperties} ({@code refrain.timers.*}).
 *
 * <p>Offered to other modules: {@link io.refrain.timers.Roles}, {@link io.refrain.timers.Role},
 * {@link io.refrain.timers.RoleGrants} (scoped grants), {@link io.refrain.timers.RoleTimerView};
 * to the benchmark: {@link io.refrain.timers.BulkTimers}, {@link io.refrain.timers.TimerBenchmark}.
 *
 * <p>Public, but not for other modules: {@link io.refrain.timers.TimersProperties}.
 */
package io.refrain.timers;
