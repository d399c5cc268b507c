package com.crosspoint.acr;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The router's brain stays pure: no SIP, no sockets, no web, no JDBC; stores only through their interfaces. */
class AcrArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("com.crosspoint.acr");

    @Test
    void theRouterKnowsNoEdge() {
        noClasses().that().resideInAPackage("com.crosspoint.acr..")
                .should().dependOnClassesThat().resideInAnyPackage("com.crosspoint.sip..", "com.crosspoint.api..",
                        "com.crosspoint.boot..", "com.crosspoint.store.derby..", "com.crosspoint.proxy..",
                        "javax.sip..", "gov.nist..", "org.eclipse.jetty..", "java.sql..", "java.net..",
                        "java.nio.channels..")
                .check(CLASSES);
    }

    @Test
    void rankingIsAPureFunctionOfItsFacts() {
        noClasses().that().resideInAPackage("com.crosspoint.acr.policy..")
                .should().dependOnClassesThat().resideInAnyPackage("com.crosspoint.store..",
                        "com.crosspoint.acr.availability..", "com.crosspoint.acr.capacity..")
                .orShould().dependOnClassesThat().areAssignableTo(java.time.Clock.class)
                .check(CLASSES);
    }
}
