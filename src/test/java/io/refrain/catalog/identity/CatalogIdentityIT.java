package io.refrain.catalog.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.refrain.catalog.identity.CatalogIdentity.AlbumName;
import io.refrain.catalog.identity.CatalogIdentity.Found;
import io.refrain.catalog.identity.CatalogIdentity.Origin;
import io.refrain.support.IntegrationTest;
import io.refrain.support.StatementCounter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** The catalog's one identity rule for artists and albums, as every path uses it. */
// Origin 'import' is left to the demo catalog: CatalogImportIT checks that the import's artists are exactly the file's.
class CatalogIdentityIT extends IntegrationTest {

    @Autowired
    CatalogIdentity identity;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    ProxyDataSource dataSource;

    @Test
    void curatedNamesAreExactSoSpellingsThatDifferOnlyInCaseOrPunctuationStayApart() {
        String tag = tag();
        List<String> names = List.of("H.E.R. " + tag, "Her " + tag, "HER " + tag);
        Found first = artists(names, Origin.CONNECTOR);
        assertThat(first.ids()).doesNotHaveDuplicates().doesNotContainNull();
        assertThat(first.created()).isEqualTo(3);

        Found again = artists(names, Origin.ADMIN);
        assertThat(again.ids()).isEqualTo(first.ids());
        assertThat(again.created()).isZero();
    }

    @Test
    void namesInListensCompareByTheirSearchFormAndFindTheCuratedArtist() {
        String tag = tag();
        long curated =
                artists(List.of("Beyoncé " + tag), Origin.CONNECTOR).ids().getFirst();

        Found heard = artists(List.of("beyonce " + tag, "BEYONCÉ! " + tag), Origin.LISTEN);
        assertThat(heard.ids()).containsOnly(curated);
        assertThat(heard.created()).isZero();

        // never the other way round: a curated spelling is a name of its own
        Found spelt = artists(List.of("Beyonce " + tag), Origin.ADMIN);
        assertThat(spelt.ids().getFirst()).isNotEqualTo(curated);
        assertThat(spelt.created()).isEqualTo(1);
        assertThat(jdbc.sql("select origin from artists where id = :id")
                        .param("id", spelt.ids().getFirst())
                        .query(String.class)
                        .single())
                .isEqualTo("admin");
    }

    @Test
    void amongEntriesWithTheSameKeyTheMostPopularWinsThenTheOldest() {
        String tag = tag();
        List<Long> namesakes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            namesakes.add(jdbc.sql("""
                            insert into artists (name, origin, created_at, updated_at)
                            values (:name, 'connector', now(), now()) returning id""")
                    .param("name", "Namesake " + tag)
                    .query(Long.class)
                    .single());
        }
        assertThat(artists(List.of("Namesake " + tag), Origin.CONNECTOR).ids()).containsExactly(namesakes.get(0));
        jdbc.sql("update artists set popularity = 40 where id = :id")
                .param("id", namesakes.get(2))
                .update();
        assertThat(artists(List.of("Namesake " + tag), Origin.CONNECTOR).ids()).containsExactly(namesakes.get(2));
        assertThat(artists(List.of("namesake " + tag), Origin.LISTEN).ids()).containsExactly(namesakes.get(2));
    }

    @Test
    void anAlbumIsItsTitleAndItsFirstArtist() {
        String tag = tag();
        List<Long> artists = artists(List.of("Album Owner " + tag, "Other Owner " + tag), Origin.ADMIN)
                .ids();
        long owner = artists.get(0);
        long other = artists.get(1);
        Found albums = albums(
                List.of(
                        AlbumName.of("Debut " + tag, owner),
                        AlbumName.of("Debut " + tag, other),
                        AlbumName.of("Debut " + tag, owner),
                        AlbumName.of(null, owner)),
                Origin.ADMIN);
        assertThat(albums.created()).isEqualTo(2);
        assertThat(albums.ids().get(0))
                .isEqualTo(albums.ids().get(2))
                .isNotEqualTo(albums.ids().get(1));
        assertThat(albums.ids().get(3)).isNull();
        assertThat(jdbc.sql("select artist_id from album_artists where album_id = :id and position = 0")
                        .param("id", albums.ids().get(1))
                        .query(Long.class)
                        .single())
                .isEqualTo(other);

        assertThat(albums(List.of(AlbumName.of("DEBUT " + tag, owner)), Origin.ADMIN)
                        .created())
                .as("curated titles are exact")
                .isEqualTo(1);
        assertThat(albums(List.of(AlbumName.of("debut! " + tag, owner)), Origin.LISTEN)
                        .ids()
                        .getFirst())
                .as("a listen's title by its search form: of the two spellings, the older")
                .isEqualTo(albums.ids().get(0));
    }

    @Test
    void aBatchIsOneStatementWhateverItsSize() {
        String tag = tag();
        List<String> one = List.of("Solo " + tag);
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            many.add("Crowd " + i + " " + tag);
        }
        many.addAll(many.subList(0, 50)); // repeats in a batch are one artist
        assertThat(statements(() -> artists(one, Origin.LISTEN))).isEqualTo(1);
        assertThat(statements(() -> {
                    Found found = artists(many, Origin.LISTEN);
                    assertThat(found.created()).isEqualTo(200);
                    assertThat(found.ids().subList(200, 250))
                            .isEqualTo(found.ids().subList(0, 50));
                    return found;
                }))
                .isEqualTo(1);
        long owner = artists(one, Origin.LISTEN).ids().getFirst();
        AlbumName[] albums = new AlbumName[100];
        Arrays.setAll(albums, i -> AlbumName.of("Record " + i + " " + tag, owner));
        assertThat(statements(() -> albums(List.of(albums), Origin.LISTEN))).isEqualTo(1);
    }

    private Found artists(List<String> names, Origin origin) {
        return transaction.execute(status -> identity.artists(names, origin, Instant.now()));
    }

    private Found albums(List<AlbumName> albums, Origin origin) {
        return transaction.execute(status -> identity.albums(albums, origin, Instant.now()));
    }

    /** The statements {@code work} runs (watched through the logging context's request id, as the counter does). */
    private int statements(Supplier<?> work) {
        return StatementCounter.on(dataSource)
                .count(requestId -> {
                    MDC.put("requestId", requestId);
                    try {
                        return work.get();
                    } finally {
                        MDC.remove("requestId");
                    }
                })
                .statements()
                .size();
    }

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
