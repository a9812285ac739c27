/**
 * Search: ranked, accent-insensitive, typo-tolerant search and prefix autocomplete over tracks,
 * artists and albums (trigram matching on the catalog's normalised search form, any script),
 * and each user's recent searches. Results are shown through the catalog's views.
 *
 * <p>Offered to other modules: {@link io.refrain.search.SearchService}, {@link io.refrain.search.SearchResults}.
 *
 * <p>Public, but not for other modules: none.
 */
package io.refrain.search;
