package io.refrain.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueryStringFilterTest {

    @Test
    void acceptsWhatTomcatReadsAndNamesTheParameterItRefuses() {
        assertThat(QueryStringFilter.problemIn("limit=5&&cursor=&flag&q=a+b%20c%C3%A9"))
                .isNull();
        assertThat(QueryStringFilter.problemIn("q=%F0%9F%98%80")).isNull();
        // java.net.URI will not send a bad escape, so these are only reachable from a raw socket
        assertThat(QueryStringFilter.problemIn("limit=%zz"))
                .isEqualTo("Query parameter 'limit' is not valid percent-encoded UTF-8.");
        assertThat(QueryStringFilter.problemIn("limit=%4")).contains("'limit'");
        assertThat(QueryStringFilter.problemIn("q=%ED%A0%80"))
                .isEqualTo("Query parameter 'q' is not valid percent-encoded UTF-8.");
        assertThat(QueryStringFilter.problemIn("q=a%00b"))
                .isEqualTo("Query parameter 'q' must not contain NUL characters.");
        assertThat(QueryStringFilter.problemIn("a%00b=1"))
                .isEqualTo("Query parameter 'a\\u0000b' must not contain NUL characters.");
        assertThat(QueryStringFilter.problemIn("=1")).isEqualTo("Query parameter '' has no name.");
    }
}
