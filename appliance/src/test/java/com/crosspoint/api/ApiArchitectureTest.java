package com.crosspoint.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The api package is the only door to Jetty, and the domain never looks back at it. */
class ApiArchitectureTest {
    private static JavaClasses classes;
    private static boolean resolving;

    @BeforeAll
    static void importClasses() {
        // Dependencies are judged by name, so there is no need to load (and debug-log) the whole JDK.
        ArchConfiguration configuration = ArchConfiguration.get();
        resolving = configuration.resolveMissingDependenciesFromClassPath();
        configuration.setResolveMissingDependenciesFromClassPath(false);
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.crosspoint");
    }

    @AfterAll
    static void restore() {
        ArchConfiguration.get().setResolveMissingDependenciesFromClassPath(resolving);
    }

    @Test
    void onlyTheApiPackageImportsJetty() {
        noClasses().that().resideOutsideOfPackage("com.crosspoint.api..")
                .should().dependOnClassesThat().resideInAPackage("org.eclipse.jetty..")
                .check(classes);
    }

    @Test
    void onlyTheCompositionRootKnowsTheApi() {
        noClasses().that().resideOutsideOfPackages("com.crosspoint.api..", "com.crosspoint.boot..")
                .should().dependOnClassesThat().resideInAPackage("com.crosspoint.api..")
                .check(classes);
    }

    @Test
    void theApiUsesNeitherSipNorJdbc() {
        noClasses().that().resideInAPackage("com.crosspoint.api..")
                .should().dependOnClassesThat().resideInAnyPackage("javax.sip..", "gov.nist..", "java.sql..",
                        "com.crosspoint.sip..", "com.crosspoint.store.derby..")
                .check(classes);
    }

    @Test
    void theAdminCliIsAPlainClientOfTheApi() {
        noClasses().that().resideInAPackage("com.crosspoint.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("com.crosspoint.api..", "com.crosspoint.boot..",
                        "com.crosspoint.store..", "com.crosspoint.provisioning..", "org.eclipse.jetty..")
                .check(classes);
    }
}
