package io.refrain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The docs a newcomer reads: a README short enough to be a front door, links that lead somewhere,
 * and no reference to a machine's directories or to files outside the repository. Plain file
 * reading, no Spring; Surefire runs it in the project directory.
 */
class DocsTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().normalize();
    private static final int README_MAX_LINES = 250;

    /** Split so that this file does not contain what it looks for. */
    private static final List<String> FORBIDDEN = List.of("/" + "work/", "../shared/" + "DESIGN.md");

    /** Directories never part of the sources when the tree is walked instead of asking git. */
    private static final Set<String> NOT_SOURCES = Set.of(".git", "target", "data", "node_modules", ".idea");

    private static final Pattern INLINE_LINK =
            Pattern.compile("!?\\[(?:[^\\[\\]]|\\[[^\\[\\]]*])*]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern REFERENCE_DEFINITION =
            Pattern.compile("^ {0,3}\\[[^\\]]+]:\\s*<?(\\S+?)>?(?:\\s+\"[^\"]*\")?\\s*$");
    private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})\\s+(.*?)(?:\\s+#+)?\\s*$");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})");
    private static final Pattern CODE_SPAN = Pattern.compile("(`+)(.+?)\\1");
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:|^//");

    @Test
    void theReadmeIsAFrontDoorUnder250Lines() throws IOException {
        List<String> lines = Files.readAllLines(ROOT.resolve("README.md"));
        assertThat(lines.size())
                .as(
                        "README.md has %d lines; move detail into docs/ (user guide, API guide, operations, performance)",
                        lines.size())
                .isLessThan(README_MAX_LINES);
    }

    @Test
    void everyRelativeLinkInTheMarkdownResolvesToAFileAndItsAnchorToAHeading() {
        List<Path> markdown =
                sourceFiles().stream().filter(p -> p.toString().endsWith(".md")).toList();
        assertThat(markdown)
                .as("README.md and docs/ are found")
                .contains(ROOT.resolve("README.md"))
                .anyMatch(p -> p.startsWith(ROOT.resolve("docs")));
        Map<Path, Set<String>> anchors = new HashMap<>();
        List<String> broken = new ArrayList<>();
        for (Path file : markdown) {
            List<String> lines = prose(file);
            for (int i = 0; i < lines.size(); i++) {
                for (String target : linkTargets(lines.get(i))) {
                    String problem = problem(file, target, anchors);
                    if (problem != null) {
                        broken.add(ROOT.relativize(file) + ":" + (i + 1) + ": (" + target + ") " + problem);
                    }
                }
            }
        }
        assertThat(broken).as("links that lead nowhere").isEmpty();
    }

    @Test
    void noFileNamesAMachinesDirectoryOrAFileOutsideTheRepository() {
        List<String> offenders = new ArrayList<>();
        for (Path file : sourceFiles()) {
            byte[] bytes = read(file);
            if (isBinary(bytes)) {
                continue;
            }
            String text = new String(bytes, StandardCharsets.UTF_8);
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                for (String forbidden : FORBIDDEN) {
                    if (lines[i].contains(forbidden)) {
                        offenders.add(ROOT.relativize(file) + ":" + (i + 1) + " contains " + forbidden);
                    }
                }
            }
        }
        assertThat(offenders)
                .as(
                        "paths of one machine or files outside the repository (test data: ../shared/data, relative to the project)")
                .isEmpty();
    }

    @Test
    void anchorsAndLinksAreReadAsGitHubReadsThem() {
        assertThat(slug("The real catalog and the dataset's playlists"))
                .isEqualTo("the-real-catalog-and-the-datasets-playlists");
        assertThat(slug("Benchmark data: `refrain bench generate`")).isEqualTo("benchmark-data-refrain-bench-generate");
        assertThat(slug("REFRAIN_DATA_DIR — the [data](x.md) directory"))
                .isEqualTo("refrain_data_dir--the-data-directory");
        assertThat(slug("Über Größe")).isEqualTo("über-größe");
        assertThat(linkTargets("see [the guide](docs/a.md#b), ![chart](c.png) and `[not](a-link.md)`"))
                .containsExactly("docs/a.md#b", "c.png");
        assertThat(linkTargets("[`/v3/api-docs`](http://localhost:8080/v3/api-docs)"))
                .containsExactly("http://localhost:8080/v3/api-docs");
    }

    // ------------------------------------------------------------------------------------------ links

    /** Why a link from {@code file} to {@code target} is broken, or null when it is not. */
    private static String problem(Path file, String target, Map<Path, Set<String>> anchors) {
        if (SCHEME.matcher(target).find()) {
            return null; // a URL: not this test's business
        }
        int hash = target.indexOf('#');
        String pathPart = URLDecoder.decode(hash < 0 ? target : target.substring(0, hash), StandardCharsets.UTF_8);
        String anchor = hash < 0 ? null : URLDecoder.decode(target.substring(hash + 1), StandardCharsets.UTF_8);
        Path resolved =
                pathPart.isEmpty() ? file : file.getParent().resolve(pathPart).normalize();
        if (!resolved.startsWith(ROOT)) {
            return "points outside the repository";
        }
        if (!Files.exists(resolved)) {
            return "no such file";
        }
        if (anchor == null || anchor.isEmpty() || !resolved.toString().endsWith(".md")) {
            return null;
        }
        Set<String> known = anchors.computeIfAbsent(resolved, DocsTest::headingSlugs);
        return known.contains(anchor) ? null : "no heading with the anchor #" + anchor;
    }

    /** The link targets of one line of prose: inline links and images, and reference definitions. */
    static List<String> linkTargets(String line) {
        String text = CODE_SPAN.matcher(line).replaceAll("code");
        List<String> targets = new ArrayList<>();
        Matcher inline = INLINE_LINK.matcher(text);
        while (inline.find()) {
            targets.add(inline.group(1));
        }
        Matcher reference = REFERENCE_DEFINITION.matcher(text);
        if (reference.matches()) {
            targets.add(reference.group(1));
        }
        return targets;
    }

    /** The anchors GitHub gives the headings of a Markdown file, duplicates numbered. */
    static Set<String> headingSlugs(Path file) {
        Set<String> slugs = new HashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String line : prose(file)) {
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                String slug = slug(heading.group(2));
                int count = seen.merge(slug, 1, Integer::sum);
                slugs.add(count == 1 ? slug : slug + "-" + (count - 1));
            }
        }
        return slugs;
    }

    /**
     * GitHub's heading anchor: the heading's text (links by their text, code without its
     * backticks), lower case, everything but letters, digits, spaces, hyphens and underscores
     * dropped, spaces turned into hyphens.
     */
    static String slug(String heading) {
        String text = heading.replaceAll("!?\\[([^\\]]*)]\\([^)]*\\)", "$1").replaceAll("<[^>]+>", "");
        StringBuilder slug = new StringBuilder();
        text.toLowerCase(Locale.ROOT).codePoints().forEach(c -> {
            if (c == ' ') {
                slug.append('-');
            } else if (Character.isLetterOrDigit(c)
                    || c == '-'
                    || c == '_'
                    || Character.getType(c) == Character.NON_SPACING_MARK) {
                slug.appendCodePoint(c);
            }
        });
        return slug.toString();
    }

    /** The lines of a Markdown file with fenced code blocks blanked (their lines kept, for line numbers). */
    private static List<String> prose(Path file) {
        List<String> lines = new ArrayList<>();
        String fence = null;
        for (String line : new String(read(file), StandardCharsets.UTF_8).split("\n", -1)) {
            Matcher opening = FENCE.matcher(line);
            if (fence == null && opening.find()) {
                fence = opening.group(1);
                lines.add("");
            } else if (fence != null) {
                String stripped = line.strip();
                char mark = fence.charAt(0);
                if (stripped.startsWith(fence) && stripped.chars().allMatch(c -> c == mark)) {
                    fence = null;
                }
                lines.add("");
            } else {
                lines.add(line);
            }
        }
        return lines;
    }

    // ------------------------------------------------------------------------------------------ files

    /** The repository's files: what git tracks or would track; the tree without build output when git cannot say. */
    private static List<Path> sourceFiles() {
        List<Path> fromGit = gitFiles();
        if (fromGit != null) {
            return fromGit;
        }
        try (Stream<Path> tree = Files.walk(ROOT)) {
            return tree.filter(Files::isRegularFile)
                    .filter(p -> {
                        for (Path part : ROOT.relativize(p)) {
                            if (NOT_SOURCES.contains(part.toString())) {
                                return false;
                            }
                        }
                        return true;
                    })
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> gitFiles() {
        try {
            Process git = new ProcessBuilder("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard")
                    .directory(ROOT.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            byte[] out = git.getInputStream().readAllBytes();
            if (!git.waitFor(30, TimeUnit.SECONDS) || git.exitValue() != 0) {
                return null;
            }
            List<Path> files = new ArrayList<>();
            for (String name : new String(out, StandardCharsets.UTF_8).split("\0")) {
                Path path = ROOT.resolve(name);
                if (!name.isEmpty() && Files.isRegularFile(path)) { // deleted but not yet unstaged: gone
                    files.add(path);
                }
            }
            return files;
        } catch (IOException e) {
            return null; // no git on this machine
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Git's rule of thumb: a NUL byte in the first 8,000 bytes means binary. */
    private static boolean isBinary(byte[] bytes) {
        for (int i = 0; i < Math.min(bytes.length, 8000); i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }
}
