/**
 * Recommendations: listener profiles (and their shareable 37-character codes), recommendations
 * with reasons in the shape of Spotify's former endpoint (seeds → candidates from co-listening
 * similarity, neighbouring artists, sound-alike tracks and popular-in-genre → hard filters →
 * scoring → diversity re-ranking), thumbs up and down, discovery sessions and their outcomes,
 * generated playlists (daily mix, weekly discovery) and popular now. The co-listening similarity
 * is ListenBrainz's method in SQL, recomputed by a job over everyone's listens. Other modules'
 * data is read only through their published views (V015, V017): {@code history_listens},
 * {@code history_*_stats}, {@code library_*}, {@code catalog_*} with {@code catalog_track_vectors}
 * (a 14-dimensional cube of each track's audio features and MUSIC dimensions, scaled 0–1, with a
 * GiST index for nearest-neighbour search).
 *
 * <p>Settings: {@link io.refrain.recommend.RecommendProperties} ({@code refrain.recommend.*}:
 * profile, similarity, popular, generated and discovery nested).
 *
 * <p>Offered to other modules: {@link io.refrain.recommend.Recommender}, {@link io.refrain.recommend.OfflineRecommender}, {@link io.refrain.recommend.ProfileService}, {@link io.refrain.recommend.PopularNow}, {@link io.refrain.recommend.Taste}, {@link io.refrain.recommend.Recommendation}, {@link io.refrain.recommend.ProfileView}, {@link io.refrain.recommend.CodeView}, {@link io.refrain.recommend.ListenerProfile}.
 *
 * <p>Public, but not for other modules: {@link io.refrain.recommend.FeedbackService}, {@link io.refrain.recommend.RecommendProperties}.
 */
package io.refrain.recommend;
