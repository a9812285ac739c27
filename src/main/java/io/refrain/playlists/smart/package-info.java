/**
 * Smart playlists: playlists defined by rules (a superset of Navidrome's {@code .nsp} rule
 * language) instead of hand-picked tracks. The rules are a tree of records ({@link
 * io.refrain.playlists.smart.SmartRules}) with no SQL in it; {@link
 * io.refrain.playlists.smart.RuleTranslator} is the one place that turns a tree into one
 * parameterised SQL statement, reading other modules' data only through their read views
 * ({@code catalog_*}, {@code library_*}, {@code history_*}). The membership is materialised and
 * rebuilt when the owner's data changed and a configurable minimum delay has passed, never on
 * every read: it records the data versions it was built at (this module's
 * {@code smart_playlist_data}, raised by triggers on its own playlist_entries; the library's
 * {@code library_versions}; the history's {@code history_versions}, see V015) and is stale when
 * any of them differs.
 */
package io.refrain.playlists.smart;
