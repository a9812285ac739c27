package io.refrain.recommend;

import io.refrain.accounts.AccountService;
import io.refrain.catalog.CatalogService;
import io.refrain.catalog.TrackView;
import io.refrain.platform.errors.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The recommendation pipeline: seeds → candidates from several sources → hard filters → scoring
 * → diversity re-ranking, deterministic for the same request and data (a {@code variety_seed}
 * shuffles near-ties reproducibly). See {@link Scoring} for the score and the reasons.
 */
@Service
public class Recommender {

    static final int CO_LISTENED_PER_SEED = 60;
    static final int NEIGHBOUR_ARTISTS = 10;
    static final int TRACKS_PER_ARTIST = 5;
    static final int NEAREST_PER_SEED = 150;
    static final int POPULAR_PER_GENRE = 100;
    static final int RERANK_POOL = 300;
    static final int POPULAR_NOW = 60;
    /** Co-listened candidates of a profile's top tracks in all: the filter's cost grows with the candidates. */
    static final int CO_LISTENED_FOR_PROFILE = 300;

    private final CandidateRepository candidates;
    private final ProfileService profiles;
    private final DiscoveryService discovery;
    private final CatalogService catalog;
    private final AccountService accounts;
    private final RecommendProperties settings;
    private final Clock clock;

    Recommender(
            CandidateRepository candidates,
            ProfileService profiles,
            DiscoveryService discovery,
            CatalogService catalog,
            AccountService accounts,
            RecommendProperties settings,
            Clock clock) {
        this.candidates = candidates;
        this.profiles = profiles;
        this.discovery = discovery;
        this.catalog = catalog;
        this.accounts = accounts;
        this.settings = settings;
        this.clock = clock;
    }

    /** Seeds as resolved, the evidence gathered, and the profile when one seeds the request. */
    record Seeds(
            List<CandidateRepository.SeedTrack> tracks,
            List<CandidateRepository.Named> artists,
            List<CandidateRepository.Named> genres,
            ListenerProfile profile,
            ProfileTargets targets,
            String profileName) {}

    @Transactional
    Recommendation recommend(UUID reader, RecommendationRequest request) {
        return recommend(reader, request, clock.instant());
    }

    /** As of {@code now}: the recently-played window and the discovery outcomes are counted back from it. */
    @Transactional
    Recommendation recommend(UUID reader, RecommendationRequest request, Instant now) {
        Seeds seeds = resolve(reader, request);
        Map<String, List<CandidateRepository.Evidence>> bySeed = new java.util.LinkedHashMap<>();
        Map<Long, List<Scoring.Source>> evidence = new HashMap<>();
        gather(seeds, request, bySeed, evidence);

        Set<Long> exclude =
                seeds.tracks().stream().map(CandidateRepository.SeedTrack::id).collect(Collectors.toSet());
        boolean blockExplicit = accounts.blocksExplicitContent(reader);
        List<CandidateRepository.Candidate> kept = candidates.filter(
                reader,
                evidence.keySet(),
                new CandidateRepository.Filters(
                        request.constraints(),
                        blockExplicit,
                        now.minus(settings.recentlyPlayed()),
                        request.unplayedOnly(),
                        exclude,
                        now,
                        now.minus(settings.discovery().retention())));
        Set<Long> keptIds = kept.stream().map(CandidateRepository.Candidate::id).collect(Collectors.toSet());

        var scoring = new Scoring(seeds, request, evidence);
        List<Scoring.Scored> scored = kept.stream()
                .map(scoring::score)
                .sorted(Scoring.BEST_FIRST)
                .limit(RERANK_POOL)
                .toList();
        Map<Long, Scoring.Scored> byId =
                scored.stream().collect(Collectors.toMap(s -> s.candidate().id(), Function.identity()));
        int perArtist = Math.max(2, request.limit() / 20);
        List<Diversifier.Item> picked = Diversifier.rerank(
                scored.stream()
                        .map(s -> new Diversifier.Item(
                                s.candidate().id(),
                                s.score(),
                                s.candidate().artistId(),
                                s.candidate().vector()))
                        .toList(),
                request.limit(),
                perArtist);

        Map<Long, TrackView> views = catalog
                .tracks(reader, picked.stream().map(Diversifier.Item::id).toList())
                .stream()
                .collect(Collectors.toMap(TrackView::id, Function.identity()));
        List<Recommendation.RecommendedTrack> tracks = new ArrayList<>();
        for (Diversifier.Item item : picked) {
            TrackView view = views.get(item.id());
            if (view != null) {
                Scoring.Scored s = byId.get(item.id());
                tracks.add(
                        new Recommendation.RecommendedTrack(view, Math.round(s.score() * 1000) / 1000.0, s.reasons()));
            }
        }
        List<Recommendation.Seed> seedViews = seedViews(seeds, bySeed, keptIds);
        UUID session = request.session() ? discovery.record(reader, request, seedViews, tracks, now) : null;
        return new Recommendation(seedViews, tracks, session);
    }

    private Seeds resolve(UUID reader, RecommendationRequest request) {
        List<CandidateRepository.SeedTrack> tracks = List.of();
        if (!request.seedTracks().isEmpty()) {
            tracks = candidates.seedTracks(request.seedTracks());
            unknown(
                    "seed_tracks",
                    request.seedTracks(),
                    tracks.stream().map(CandidateRepository.SeedTrack::id).toList());
            Map<Long, CandidateRepository.SeedTrack> byId =
                    tracks.stream().collect(Collectors.toMap(CandidateRepository.SeedTrack::id, Function.identity()));
            tracks = request.seedTracks().stream().map(byId::get).toList();
        }
        List<CandidateRepository.Named> artists = List.of();
        if (!request.seedArtists().isEmpty()) {
            artists = candidates.artists(request.seedArtists());
            unknown(
                    "seed_artists",
                    request.seedArtists(),
                    artists.stream().map(CandidateRepository.Named::id).toList());
        }
        List<CandidateRepository.Named> genres = List.of();
        if (!request.seedGenres().isEmpty()) {
            genres = candidates.genres(request.seedGenres());
            Set<String> found = genres.stream()
                    .map(g -> g.name().toLowerCase(java.util.Locale.ROOT))
                    .collect(Collectors.toSet());
            List<String> missing = request.seedGenres().stream()
                    .filter(g -> !found.contains(g.toLowerCase(java.util.Locale.ROOT)))
                    .toList();
            if (!missing.isEmpty()) {
                throw ApiException.invalidField(
                        "seed_genres",
                        "unknown genres: " + String.join(", ", missing) + " (GET /api/v1/genres lists them)");
            }
        }
        ListenerProfile profile = null;
        ProfileTargets targets = null;
        String profileName = null;
        if ("me".equals(request.profile())) {
            profile = profiles.current(reader).stored().profile();
            targets = profile.targets();
            profileName = "your";
        } else if (request.profile() != null) {
            targets = ProfileCode.decode(request.profile(), "profile");
            profileName = "the profile's";
        }
        return new Seeds(tracks, artists, genres, profile, targets, profileName);
    }

    private static void unknown(String parameter, List<Long> asked, Collection<Long> found) {
        List<Long> missing = asked.stream().filter(id -> !found.contains(id)).toList();
        if (!missing.isEmpty()) {
            throw ApiException.invalidField(
                    parameter,
                    "unknown ids: " + missing.stream().map(String::valueOf).collect(Collectors.joining(", ")));
        }
    }

    /** Every candidate source; evidence is kept per candidate (for scores and reasons) and per seed (for the pool sizes). */
    private void gather(
            Seeds seeds,
            RecommendationRequest request,
            Map<String, List<CandidateRepository.Evidence>> bySeed,
            Map<Long, List<Scoring.Source>> evidence) {
        Map<Long, String> titles = new HashMap<>();
        seeds.tracks().forEach(t -> titles.put(t.id(), t.title()));
        Map<Long, String> artistNames = new HashMap<>();
        seeds.artists().forEach(a -> artistNames.put(a.id(), a.name()));

        if (!seeds.tracks().isEmpty()) {
            List<Long> ids = seeds.tracks().stream()
                    .map(CandidateRepository.SeedTrack::id)
                    .toList();
            for (var e : candidates.coListened(ids, CO_LISTENED_PER_SEED)) {
                bySeed.computeIfAbsent("track:" + e.via(), k -> new ArrayList<>())
                        .add(e);
                add(
                        evidence,
                        e.candidate(),
                        new Scoring.Source(Scoring.Kind.CO_LISTENED, e.score(), titles.get(e.via())));
            }
            for (var seed : seeds.tracks()) {
                if (seed.vector() != null) {
                    for (var e : candidates.nearest(seed.vector(), NEAREST_PER_SEED)) {
                        bySeed.computeIfAbsent("track:" + seed.id(), k -> new ArrayList<>())
                                .add(e);
                        add(
                                evidence,
                                e.candidate(),
                                new Scoring.Source(Scoring.Kind.SOUND, 1 - e.score(), seed.title()));
                    }
                }
            }
        }
        if (!seeds.artists().isEmpty()) {
            for (var e : candidates.artistNeighbours(
                    seeds.artists().stream().map(CandidateRepository.Named::id).toList(),
                    NEIGHBOUR_ARTISTS,
                    TRACKS_PER_ARTIST)) {
                bySeed.computeIfAbsent("artist:" + e.via(), k -> new ArrayList<>())
                        .add(e);
                add(
                        evidence,
                        e.candidate(),
                        new Scoring.Source(Scoring.Kind.ARTIST, e.score(), artistNames.get(e.via())));
            }
        }
        if (!seeds.genres().isEmpty()) {
            Map<Long, String> genreNames = seeds.genres().stream()
                    .collect(Collectors.toMap(CandidateRepository.Named::id, CandidateRepository.Named::name));
            for (var e : candidates.popularInGenres(genreNames.keySet(), POPULAR_PER_GENRE)) {
                bySeed.computeIfAbsent("genre:" + e.via(), k -> new ArrayList<>())
                        .add(e);
                add(
                        evidence,
                        e.candidate(),
                        new Scoring.Source(Scoring.Kind.GENRE, e.score(), genreNames.get(e.via())));
            }
        }
        if (seeds.targets() != null) {
            List<CandidateRepository.Evidence> mine = new ArrayList<>();
            for (var e : candidates.nearest(Scoring.targetVector(seeds, request), 2 * NEAREST_PER_SEED)) {
                mine.add(e);
                add(evidence, e.candidate(), new Scoring.Source(Scoring.Kind.SOUND, 1 - e.score(), null));
            }
            for (var e : candidates.popularNow(POPULAR_NOW)) {
                mine.add(e);
                add(evidence, e.candidate(), new Scoring.Source(Scoring.Kind.POPULAR_NOW, e.score(), null));
            }
            ListenerProfile p = seeds.profile();
            if (p != null && !p.isEmpty()) {
                List<Long> favourites = p.topTracks();
                for (int i = 0; i < favourites.size(); i++) { // familiar candidates: the novelty tolerance weighs them
                    var e = new CandidateRepository.Evidence(favourites.get(i), 0, 1 - (double) i / favourites.size());
                    mine.add(e);
                    add(evidence, e.candidate(), new Scoring.Source(Scoring.Kind.FAVOURITE, e.score(), null));
                }
                for (var e : candidates.coListened(
                        p.topTracks(),
                        Math.max(5, CO_LISTENED_FOR_PROFILE / p.topTracks().size()))) {
                    mine.add(e);
                    add(evidence, e.candidate(), new Scoring.Source(Scoring.Kind.CO_LISTENED_MINE, e.score(), null));
                }
                List<Long> artists = p.artists().stream()
                        .limit(5)
                        .map(ListenerProfile.Weighted::id)
                        .toList();
                Map<Long, String> names = p.artists().stream()
                        .collect(Collectors.toMap(
                                ListenerProfile.Weighted::id, ListenerProfile.Weighted::name, (a, b) -> a));
                for (var e : candidates.artistNeighbours(artists, NEIGHBOUR_ARTISTS / 2, 3)) {
                    mine.add(e);
                    add(
                            evidence,
                            e.candidate(),
                            new Scoring.Source(Scoring.Kind.ARTIST, e.score(), names.get(e.via())));
                }
                List<Long> genres = p.genres().stream()
                        .limit(3)
                        .map(ListenerProfile.Weighted::id)
                        .toList();
                Map<Long, String> genreNames = p.genres().stream()
                        .collect(Collectors.toMap(
                                ListenerProfile.Weighted::id, ListenerProfile.Weighted::name, (a, b) -> a));
                for (var e : candidates.popularInGenres(genres, POPULAR_PER_GENRE / 2)) {
                    mine.add(e);
                    add(
                            evidence,
                            e.candidate(),
                            new Scoring.Source(Scoring.Kind.GENRE, e.score(), genreNames.get(e.via())));
                }
            }
            bySeed.put("profile", mine);
        }
    }

    private static void add(Map<Long, List<Scoring.Source>> evidence, long candidate, Scoring.Source source) {
        evidence.computeIfAbsent(candidate, k -> new ArrayList<>(2)).add(source);
    }

    private static List<Recommendation.Seed> seedViews(
            Seeds seeds, Map<String, List<CandidateRepository.Evidence>> bySeed, Set<Long> kept) {
        List<Recommendation.Seed> views = new ArrayList<>();
        seeds.tracks()
                .forEach(t -> views.add(seed(
                        String.valueOf(t.id()),
                        "track",
                        "/api/v1/tracks/" + t.id(),
                        bySeed.get("track:" + t.id()),
                        kept)));
        seeds.artists()
                .forEach(a -> views.add(seed(
                        String.valueOf(a.id()),
                        "artist",
                        "/api/v1/artists/" + a.id(),
                        bySeed.get("artist:" + a.id()),
                        kept)));
        seeds.genres()
                .forEach(g -> views.add(
                        seed(g.name(), "genre", "/api/v1/genres/" + g.name(), bySeed.get("genre:" + g.id()), kept)));
        if (seeds.targets() != null) {
            String id = seeds.profile() != null ? "me" : ProfileCode.encode(seeds.targets());
            String href = seeds.profile() != null ? "/api/v1/me/profile" : "/api/v1/profiles/" + id;
            views.add(seed(id, "profile", href, bySeed.get("profile"), kept));
        }
        return views;
    }

    private static Recommendation.Seed seed(
            String id, String type, String href, List<CandidateRepository.Evidence> evidence, Set<Long> kept) {
        Set<Long> pool = new LinkedHashSet<>();
        if (evidence != null) {
            evidence.forEach(e -> pool.add(e.candidate()));
        }
        int after = (int) pool.stream().filter(kept::contains).count();
        return new Recommendation.Seed(id, type, href, pool.size(), after, after);
    }
}
