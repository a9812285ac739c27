/**
 * Smart playlists: playlists defined by rules (a superset of Navidrome's {@code .nsp} rule
 * language) instead of hand-picked tracks. The rules are a tree of records ({@link
 * io.refrain.playlists.smart.SmartRules}) with no SQL in it; {@link
 * io.refrain.playlists.smart.RuleTranslator} is the one place that turns a tree into one
 * parameterised SQL statement. The membership is materialised and rebuilt when the owner's data
 * changed (see V011) and a configurable minimum delay has passed, never on every read.
 */
package io.refrain.playlists.smart;
