/**
 * Catalog: the shared artists, albums and tracks with genres, external source ids and audio
 * features; the dataset import; lazy enrichment through source connectors; access tracking and
 * stale-entry cleanup. Other modules use {@link io.refrain.catalog.CatalogService} and the
 * records of this package.
 */
package io.refrain.catalog;
