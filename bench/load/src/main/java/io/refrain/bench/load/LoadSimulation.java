package io.refrain.bench.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.doIfOrElse;
import static io.gatling.javaapi.core.CoreDsl.doSwitch;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jmesPath;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.onCase;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Choice;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The load itself, in Gatling's Java DSL. A visit is one sampled listener (their token, a track
 * they play, its album and artist, a word to search, a playlist of theirs) making
 * {@code picksPerVisit} requests, each drawn by {@link Endpoint#weight()}, with exponential think
 * times between them. Open model: visits arrive as a Poisson process at the rate that offers the
 * requested requests per second, whatever the server's latency (no coordinated omission).
 * Closed model (ceiling): N clients back to back, one endpoint, no think time.
 * Every answer goes to {@link Measurements} with its status and Gatling's response time.
 */
public final class LoadSimulation extends Simulation {

    private final LoadPhase phase = LoadPhase.current();
    private final List<Population.Listener> listeners = phase.population().listeners();

    public LoadSimulation() {
        HttpProtocolBuilder protocol = http.baseUrl(phase.baseUrl())
                .acceptHeader("application/json")
                .acceptEncodingHeader("gzip")
                .shareConnections()     // one pool for all visitors, like a fleet of app servers' keep-alive
                .disableCaching()       // every request does the server's full work (no If-None-Match)
                .disableWarmUp();
        ScenarioBuilder scenario = visits("refrain", phase.concurrency() > 0 ? 1 : phase.picksPerVisit(),
                phase.measurements());
        List<PopulationBuilder> populations = new ArrayList<>();
        if (phase.concurrency() > 0) {
            populations.add(scenario.injectClosed(constantConcurrentUsers(phase.concurrency()).during(phase.duration())));
        } else if (phase.delay().isZero()) {
            populations.add(scenario.injectOpen(constantUsersPerSec(phase.visitsPerSecond()).during(phase.duration()).randomized()));
        } else {
            populations.add(scenario.injectOpen(nothingFor(phase.delay()),
                    constantUsersPerSec(phase.visitsPerSecond()).during(phase.duration()).randomized()));
        }
        LoadPhase.Probe probe = phase.probe();
        if (probe != null) {
            // one request per visit, so the probe's rate is its request rate (near enough: an edit makes two)
            populations.add(visits("probe", 1, probe.measurements()).injectOpen(
                    constantUsersPerSec(probe.ratePerSecond() / Endpoint.requestsPerPick()).during(probe.duration()).randomized()));
        }
        setUp(populations.stream().map(p -> p.protocols(protocol)).toList());
    }

    private ScenarioBuilder visits(String name, int picks, Measurements m) {
        return scenario(name)
                .feed(listFeeder(visitors()).random())
                .repeat(picks).on(exec(pick(m)).exec(thinkTime()));
    }

    @Override
    public void before() {
        phase.measurements().start();
        if (phase.probe() != null) {
            phase.probe().measurements().start();
        }
    }

    private List<Map<String, Object>> visitors() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Population.Listener l : listeners) {
            Map<String, Object> m = new HashMap<>();
            m.put("authorization", "Bearer " + l.token());
            m.put("trackId", l.trackId());
            m.put("albumId", l.albumId());
            m.put("artistId", l.artistId());
            m.put("term", l.term());
            m.put("prefix", l.prefix());
            m.put("playlists", l.playlists());
            m.put("sparse", l.sparse());
            out.add(m);
        }
        return out;
    }

    private ChainBuilder thinkTime() {
        if (phase.concurrency() > 0) {
            return exec(session -> session);
        }
        double meanMs = phase.thinkTime().toMillis();
        return pause(session -> Duration.ofMillis((long) (-Math.log(1 - ThreadLocalRandom.current().nextDouble()) * meanMs)));
    }

    /** Draws the next endpoint by weight, among this phase's endpoints. */
    private ChainBuilder pick(Measurements m) {
        List<Endpoint> endpoints = phase.endpoints().stream().filter(e -> e.weight() > 0).toList();
        if (endpoints.size() == 1) {
            return call(endpoints.getFirst(), m);   // Gatling's switch wants two cases at least
        }
        int total = endpoints.stream().mapToInt(Endpoint::weight).sum();
        List<Choice.WithKey> cases = new ArrayList<>();
        for (Endpoint e : endpoints) {
            cases.add(onCase(e.id()).then(call(e, m)));
        }
        return doSwitch(session -> {
            int r = ThreadLocalRandom.current().nextInt(total);
            for (Endpoint e : endpoints) {
                r -= e.weight();
                if (r < 0) {
                    return e.id();
                }
            }
            return endpoints.getLast().id();
        }).on(cases);
    }

    private ChainBuilder call(Endpoint e, Measurements m) {
        return switch (e) {
            case RECENTLY_PLAYED -> doIfOrElse(session -> session.getBoolean("sparse"))
                    .then(measured(Endpoint.RECENTLY_PLAYED_SPARSE, get(e, "/api/v1/me/recently-played?limit=20"), m))
                    .orElse(measured(e, get(e, "/api/v1/me/recently-played?limit=20"), m));
            case RECENTLY_PLAYED_SPARSE -> throw new IllegalStateException("drawn through recently-played");
            case LIBRARY_TRACKS -> measured(e, get(e, "/api/v1/me/tracks?limit=50"), m);
            case PLAYLIST_TRACKS -> withPlaylist(measured(e, get(e, "/api/v1/playlists/#{playlist}/tracks?limit=50"), m));
            case SEARCH_SUGGEST -> measured(e, get(e, "/api/v1/search/suggest?q=#{prefix}"), m);
            case SEARCH -> measured(e, get(e, "/api/v1/search?q=#{term}"), m);
            case STATS_TOP -> measured(e, get(e, "/api/v1/me/stats/top/artists?range=month"), m);
            case TRACK -> measured(e, get(e, "/api/v1/tracks/#{trackId}"), m);
            case ALBUM -> measured(e, get(e, "/api/v1/albums/#{albumId}"), m);
            case ARTIST -> measured(e, get(e, "/api/v1/artists/#{artistId}"), m);
            case RECOMMENDATIONS -> measured(e, get(e, "/api/v1/recommendations?seed_tracks=#{trackId}&limit=20"), m);
            case RECOMMENDATIONS_PROFILE -> measured(e, get(e, "/api/v1/recommendations?profile=me&limit=20"), m);
            case POPULAR_NOW -> measured(e, get(e, "/api/v1/popular/tracks?window=7d&limit=20"), m);
            case LISTEN_SINGLE -> measured(e, post(e, "/api/v1/me/listens", session -> listensJson(1)), m);
            case LISTEN_BATCH -> measured(e, post(e, "/api/v1/me/listens", session -> listensJson(50)), m);
            case PLAYLIST_EDIT -> withPlaylist(playlistEdit(m));
        };
    }

    /** Adds a track a listener plays at the end of their playlist, thinks, and takes it out again. */
    private ChainBuilder playlistEdit(Measurements m) {
        HttpRequestActionBuilder add = post(Endpoint.PLAYLIST_EDIT, "/api/v1/playlists/#{playlist}/tracks",
                session -> "{\"trackIds\":[" + randomTrack() + "]}")
                .check(jmesPath("entryIds[0]").optional().saveAs("entry"));
        HttpRequestActionBuilder remove = post(Endpoint.PLAYLIST_EDIT, "/api/v1/playlists/#{playlist}/tracks/remove",
                session -> "{\"entryIds\":[" + session.getString("entry") + "]}");
        return measured(Endpoint.PLAYLIST_EDIT, add, m)
                .doIf(session -> session.contains("entry")).then(
                        exec(thinkTime()).exec(measured(Endpoint.PLAYLIST_EDIT, remove, m)).exec(s -> s.remove("entry")));
    }

    private ChainBuilder withPlaylist(ChainBuilder chain) {
        return exec(session -> {
            List<?> playlists = session.getList("playlists");
            return playlists.isEmpty() ? session.remove("playlist")
                    : session.set("playlist", playlists.get(ThreadLocalRandom.current().nextInt(playlists.size())).toString());
        }).doIf(session -> session.contains("playlist")).then(chain);
    }

    private static HttpRequestActionBuilder get(Endpoint e, String path) {
        return http(e.id()).get(path).header("authorization", "#{authorization}");
    }

    private static HttpRequestActionBuilder post(Endpoint e, String path, java.util.function.Function<Session, String> body) {
        return http(e.id()).post(path).header("authorization", "#{authorization}")
                .header("content-type", "application/json").body(StringBody(body));
    }

    /**
     * Records status, Gatling's response time and whether a Retry-After came with it, of every
     * answer, errors included.
     */
    private ChainBuilder measured(Endpoint e, HttpRequestActionBuilder request, Measurements m) {
        return exec(request.check(status().saveAs("status"), responseTimeInMillis().saveAs("rt"),
                header("Retry-After").optional().saveAs("retryAfter")))
                .exec(session -> {
                    int status = session.contains("status") ? session.getInt("status") : Measurements.NO_RESPONSE;
                    long rt = session.contains("rt") ? session.getInt("rt") : 0;
                    m.record(e, status, rt * 1000, session.contains("retryAfter"));
                    return session.remove("status").remove("rt").remove("retryAfter");
                });
    }

    /**
     * Listens a client reports now: tracks the sampled listeners play, times within the last hour
     * (a batch: spread over the last two days, as an offline phone catching up). Microseconds make
     * a repeat of (user, time, track) practically impossible, so every listen is new work.
     */
    private String listensJson(int count) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        Instant now = Instant.now();
        long spanMicros = count == 1 ? 3_600_000_000L : 2 * 86_400_000_000L;
        StringBuilder json = new StringBuilder(count == 1 ? "" : "{\"listens\":[");
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                json.append(',');
            }
            Instant at = now.minusNanos(1000 * r.nextLong(1, spanMicros));
            json.append("{\"listenedAt\":\"").append(at).append("\",\"track\":{\"id\":").append(randomTrack())
                    .append("},\"msPlayed\":").append(r.nextInt(30_000, 300_000)).append('}');
        }
        return count == 1 ? json.toString() : json.append("]}").toString();
    }

    private long randomTrack() {
        return listeners.get(ThreadLocalRandom.current().nextInt(listeners.size())).trackId();
    }
}
