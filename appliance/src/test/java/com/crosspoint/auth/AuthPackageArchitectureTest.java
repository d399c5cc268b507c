package com.crosspoint.auth;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The auth logic stays pure Java so the SIP and HTTP layers can both use it and tests need no stack. */
class AuthPackageArchitectureTest {

    @Test
    void authDependsOnNeitherSipStackNorJetty() {
        // Dependencies are judged by name, so there is no need to load (and debug-log) the whole JDK.
        ArchConfiguration configuration = ArchConfiguration.get();
        boolean resolving = configuration.resolveMissingDependenciesFromClassPath();
        configuration.setResolveMissingDependenciesFromClassPath(false);
        try {
            JavaClasses classes = new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages("com.crosspoint.auth");

            noClasses().that().resideInAPackage("com.crosspoint.auth..")
                    .should().dependOnClassesThat()
                    .resideInAnyPackage("javax.sip..", "gov.nist..", "org.eclipse.jetty..")
                    .check(classes);
        } finally {
            configuration.setResolveMissingDependenciesFromClassPath(resolving);
        }
    }
}
