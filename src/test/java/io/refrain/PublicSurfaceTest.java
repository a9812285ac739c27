package io.refrain;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A module's public surface is what its {@code package-info.java} names, nothing more. Each
 * feature module's package documentation has two lists of {@code {@link}}s: "Offered to other
 * modules:" (its API) and "Public, but not for other modules:" (public because Java or Spring needs it:
 * the module's own sub-packages, settings binding). Every public type of the module's base package is in exactly one
 * list, and no other module uses a type of the second. Spring Modulith already keeps other modules
 * out of sub-packages that are not named interfaces.
 */
class PublicSurfaceTest {

    private static final Path SOURCES = Path.of("src/main/java/io/refrain");
    /** Feature modules; the platform is an open module (all of it is meant for everyone). */
    private static final List<String> MODULES = List.of(
            "accounts",
            "catalog",
            "search",
            "library",
            "playlists",
            "history",
            "recommend",
            "assistant",
            "timers",
            "notifications",
            "bench");

    private static final Pattern OFFERED =
            Pattern.compile("Offered to other modules:(.*?)(?:<p>|\\*/)", Pattern.DOTALL);
    private static final Pattern INTERNAL =
            Pattern.compile("Public, but not for other modules:(.*?)(?:<p>|\\*/)", Pattern.DOTALL);
    private static final Pattern LINK = Pattern.compile("\\{@link\\s+([\\w.]+)");
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.refrain");

    @Test
    void everyPublicTypeOfAModuleIsNamedInItsPackageInfo() throws IOException {
        List<String> problems = new ArrayList<>();
        for (String module : MODULES) {
            String doc = Files.readString(SOURCES.resolve(module).resolve("package-info.java"));
            Set<String> offered = links(OFFERED, doc);
            Set<String> internal = links(INTERNAL, doc);
            Set<String> named = new TreeSet<>(offered);
            named.addAll(internal);
            Set<String> actual = publicTypes(module);
            for (String type : actual) {
                if (!named.contains(type)) {
                    problems.add(module + ": public " + type + " is in neither list of package-info.java"
                            + " (make it package-private, or name it)");
                }
            }
            for (String type : named) {
                if (!actual.contains(type)) {
                    problems.add(module + ": package-info.java names " + type
                            + ", which is not a public type of the package");
                }
                if (offered.contains(type) && internal.contains(type)) {
                    problems.add(module + ": " + type + " is in both lists");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void noModuleUsesAnotherModulesTypesThatArePublicOnlyForItsSubPackages() throws IOException {
        List<String> problems = new ArrayList<>();
        for (String module : MODULES) {
            Set<String> internal =
                    links(INTERNAL, Files.readString(SOURCES.resolve(module).resolve("package-info.java")));
            for (String type : internal) {
                JavaClass target = CLASSES.get("io.refrain." + module + "." + type);
                for (Dependency use : target.getDirectDependenciesToSelf()) {
                    String user = moduleOf(use.getOriginClass());
                    if (!user.equals(module)) {
                        problems.add(use.getDescription());
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    private static Set<String> publicTypes(String module) {
        Set<String> types = new TreeSet<>();
        for (JavaClass c : CLASSES) {
            if (c.getPackageName().equals("io.refrain." + module)
                    && c.isTopLevelClass()
                    && c.getModifiers().contains(JavaModifier.PUBLIC)) {
                types.add(c.getSimpleName());
            }
        }
        return types;
    }

    private static Set<String> links(Pattern list, String doc) {
        Set<String> names = new TreeSet<>();
        Matcher section = list.matcher(doc);
        if (section.find()) {
            Matcher link = LINK.matcher(section.group(1));
            while (link.find()) {
                String name = link.group(1);
                names.add(name.substring(name.lastIndexOf('.') + 1));
            }
        }
        return names;
    }

    private static String moduleOf(JavaClass c) {
        String[] parts = c.getPackageName().split("\\.");
        return parts.length > 2 ? parts[2] : "";
    }
}
