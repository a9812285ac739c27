package io.refrain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.stereotype.Repository;
import org.springframework.web.bind.annotation.RestController;

/** The layout rules of DESIGN.md, checked on the compiled classes. */
class ModularityTest {

    private static final ApplicationModules MODULES = ApplicationModules.of(RefrainApplication.class);
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.refrain");

    @Test
    void modulesRespectTheirBoundaries() {
        assertThat(MODULES.stream().map(ApplicationModule::getIdentifier).map(Object::toString))
                .contains("platform", "accounts");
        MODULES.verify(); // fails when a module uses another's internals, or on cycles
    }

    @Test
    void controllersAndRepositoriesArePackagePrivate() {
        classes()
                .that()
                .areAnnotatedWith(RestController.class)
                .or()
                .areAnnotatedWith(Repository.class)
                .should()
                .notBePublic()
                .check(CLASSES);
    }

    @Test
    void platformHasNoBusinessDependencies() {
        noClasses()
                .that()
                .resideInAPackage("io.refrain.platform..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.refrain.accounts..",
                        "io.refrain.catalog..",
                        "io.refrain.search..",
                        "io.refrain.library..",
                        "io.refrain.playlists..",
                        "io.refrain.history..",
                        "io.refrain.bench..")
                .check(CLASSES);
    }

    @Test
    void platformDependsOnNoFeatureModuleAtAll() {
        // every module Modulith finds, so a module added later is covered without editing this test
        String[] featureModules = MODULES.stream()
                .map(module -> module.getBasePackage().getName())
                .filter(base -> !base.equals("io.refrain.platform"))
                .map(base -> base + "..")
                .toArray(String[]::new);
        assertThat(featureModules)
                .as("the feature modules")
                .hasSizeGreaterThanOrEqualTo(7)
                .contains(
                        "io.refrain.accounts..",
                        "io.refrain.catalog..",
                        "io.refrain.search..",
                        "io.refrain.library..",
                        "io.refrain.playlists..",
                        "io.refrain.history..",
                        "io.refrain.bench..");
        noClasses()
                .that()
                .resideInAPackage("io.refrain.platform..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(featureModules)
                .check(CLASSES);
        ApplicationModule platform = MODULES.getModuleByName("platform").orElseThrow();
        assertThat(platform.getBootstrapDependencies(MODULES)
                        .map(m -> m.getIdentifier().toString())
                        .toList())
                .as("modules the platform's beans need")
                .isEmpty();
    }

    @Test
    void controllersNeverCallRepositories() {
        noClasses()
                .that()
                .areAnnotatedWith(RestController.class)
                .should()
                .dependOnClassesThat()
                .areAnnotatedWith(Repository.class)
                .check(CLASSES);
    }
}
