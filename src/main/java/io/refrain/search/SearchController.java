package io.refrain.search;

import io.refrain.platform.errors.ApiException;
import io.refrain.platform.security.AuthenticatedUser;
import io.refrain.platform.web.Limits;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(
        name = "search",
        description = "Typo-tolerant, accent-insensitive search in any script; autocomplete; recent searches.")
class SearchController {

    private final SearchService search;

    SearchController(SearchService search) {
        this.search = search;
    }

    record SuggestionList(List<Suggestion> items) {}

    record RecentSearchList(List<RecentSearch> items) {}

    @GetMapping("/search")
    @Operation(
            summary = "Search tracks, artists and albums",
            description = "q: 1–200 characters. type: comma-separated track, artist, album (default all). "
                    + "limit 1–50 (default 20) per type. Each type pages on its own: pass its `next` as `cursor` "
                    + "with `type` set to that one type. The first page is added to your recent searches.")
    SearchResults search(
            @Parameter(hidden = true) AuthenticatedUser user,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) List<String> type,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        return search.search(user.id(), q, types(type), Limits.pageSize(limit, 20, 50), cursor);
    }

    @GetMapping("/search/suggest")
    @Operation(
            summary = "Autocomplete as the user types",
            description =
                    "Names starting with q (or with a word starting with q), most popular first. limit 1–20 (default 10).")
    SuggestionList suggest(@RequestParam(required = false) String q, @RequestParam(required = false) Integer limit) {
        return new SuggestionList(search.suggest(q, Limits.pageSize(limit, 10, 20)));
    }

    @GetMapping("/me/recent-searches")
    @Operation(summary = "Your last 20 searches, newest first")
    RecentSearchList recent(@Parameter(hidden = true) AuthenticatedUser user) {
        return new RecentSearchList(search.recentSearches(user.id()));
    }

    @DeleteMapping("/me/recent-searches")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Forget your recent searches", description = "All of them, or only the one given as q.")
    void clear(@Parameter(hidden = true) AuthenticatedUser user, @RequestParam(required = false) String q) {
        search.clearRecentSearches(user.id(), q);
    }

    private static Set<SearchService.Type> types(List<String> names) {
        Set<SearchService.Type> types = EnumSet.noneOf(SearchService.Type.class);
        if (names != null) {
            for (String name : names) {
                try {
                    types.add(SearchService.Type.valueOf(name.strip().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw ApiException.invalidField("type", "must be track, artist or album, got '" + name + "'");
                }
            }
        }
        return types;
    }
}
