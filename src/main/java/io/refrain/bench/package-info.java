/**
 * Benchmark data: {@code refrain bench generate} expands the imported catalog with synthetic
 * tracks, creates users that can log in, generates years of listening history with realistic
 * taste and rhythm, libraries and playlists, then rebuilds the history statistics, so the load
 * test (and anyone measuring) has a dataset of a known size. Uses only public services of other
 * modules and plain SQL on their tables.
 */
package io.refrain.bench;
