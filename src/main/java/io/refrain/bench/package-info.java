/**
 * Benchmark data: {@code refrain bench generate} expands the imported catalog with synthetic
 * tracks, creates users that can log in, generates years of listening history with realistic
 * taste and rhythm, libraries and playlists, then rebuilds the history statistics, so the load
 * test (and anyone measuring) has a dataset of a known size. Owns no SQL: it generates the data
 * and loads it through the modules' bulk APIs ({@code BulkAccounts}, {@code BulkCatalog},
 * {@code BulkHistory}, {@code BulkLibrary}, {@code BulkPlaylists}, {@code BulkTimers}) and {@code ListenStatsRebuild}.
 * {@code refrain bench timers} measures the timed roles' sweep and reads ({@code TimerBenchmark}).
 *
 * <p>Offered to other modules: none.
 *
 * <p>Public, but not for other modules: none.
 */
package io.refrain.bench;
