/**
 * Catalog: the shared artists, albums and tracks with genres, external source ids and audio
 * features; the dataset import; lazy enrichment through source connectors; access tracking and
 * stale-entry cleanup. Other modules use {@link io.refrain.catalog.CatalogService} and the
 * records of this package.
 *
 * <p>Every path that names artists or albums (listens, admin edits, connector lookups, the
 * import) finds or creates them through {@link io.refrain.catalog.identity.CatalogIdentity},
 * which holds the catalog's one identity rule. SQL lives only in the {@code *Repository}
 * classes.
 *
 * <p>Settings: {@link io.refrain.catalog.CatalogProperties} ({@code refrain.catalog.*}, MusicBrainz
 * nested).
 *
 * <p>Offered to other modules: {@link io.refrain.catalog.CatalogService}, {@link io.refrain.catalog.TrackView}, {@link io.refrain.catalog.TrackResolver}, {@link io.refrain.catalog.TrackReference}, {@link io.refrain.catalog.TrackResolution}, {@link io.refrain.catalog.TrackUsage}, {@link io.refrain.catalog.TrackPersonalisation}, {@link io.refrain.catalog.DemoCatalog}, {@link io.refrain.catalog.BulkCatalog}, {@link io.refrain.catalog.AlbumView}, {@link io.refrain.catalog.ArtistView}, {@link io.refrain.catalog.GenreView}.
 *
 * <p>Public, but not for other modules: {@link io.refrain.catalog.CatalogProperties}, {@link io.refrain.catalog.MusicDimensions}.
 */
package io.refrain.catalog;
