/**
 * Retention of listening history: months of listens older than the configured retention are
 * exported to gzip CSV files in the data directory and their partitions dropped (daily job and
 * the {@code refrain history archive} command), and every user can export their whole history
 * (live partitions and archived files) as ListenBrainz-shaped JSON Lines.
 */
package io.refrain.history.archive;
