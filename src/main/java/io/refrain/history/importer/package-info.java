/**
 * Reads listening-history exports (Spotify extended and account-data JSON, ListenBrainz JSON/JSONL,
 * Last.fm scrobble CSVs) into a stream of {@link io.refrain.history.importer.ExportRow}s, one record
 * at a time so that a multi-gigabyte export never has to fit in memory. Parsing only: deduplication
 * and storage belong to the caller. Entry point: {@link io.refrain.history.importer.ListenExportReader}.
 */
package io.refrain.history.importer;
