/**
 * Library: each user's own relation to the shared catalog — saved tracks and albums, ratings
 * (0–5 in half steps) of tracks, albums and artists, loved tracks, personal tags on tracks and
 * followed artists. It supplies the reader's state of every track the catalog shows
 * ({@code TrackPersonalisation}) and keeps tracks in use from the catalog cleanup
 * ({@code TrackUsage}). Everything is scoped to the signed-in user: no endpoint reads or changes
 * another user's library.
 */
package io.refrain.library;
