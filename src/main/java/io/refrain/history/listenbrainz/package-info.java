/**
 * The ListenBrainz-compatible API ({@code /1/…}): an adapter over the history services so that
 * existing scrobblers can submit listens to Refrain by changing their ListenBrainz URL. It speaks
 * ListenBrainz's payloads, validation rules, error shape ({@code {"code", "error"}}) and rate-limit
 * headers; authentication is by the per-user API tokens of the accounts module.
 */
package io.refrain.history.listenbrainz;
