package com.crosspoint;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package rules of docs/architecture.md, as tests: protocol edges depend on the domain, never
 * the reverse; each library stays behind the one package that wraps it.
 */
class ArchitectureTest {
    private static final String[] DOMAIN = {"com.crosspoint.model..", "com.crosspoint.events..",
            "com.crosspoint.registrar..", "com.crosspoint.call..", "com.crosspoint.im..", "com.crosspoint.directory..",
            "com.crosspoint.provisioning..", "com.crosspoint.auth..", "com.crosspoint.concurrency..", "com.crosspoint.ivr..",
            "com.crosspoint.routing..", "com.crosspoint.acd.."};
    private static JavaClasses classes;
    private static boolean resolving;

    @BeforeAll
    static void importClasses() {
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
    void theProxyCoreStandsOnItsOwn() {
        noClasses().that().resideInAPackage("com.crosspoint.proxy..")
                .should().dependOnClassesThat(JavaClass.Predicates.resideInAnyPackage("javax.sip..", "gov.nist..",
                        "org.eclipse.jetty..", "java.sql..", "javax.sql..", "com.crosspoint..")
                        .and(DescribedPredicate.not(JavaClass.Predicates.resideInAPackage("com.crosspoint.proxy.."))))
                .check(classes);
    }

    @Test
    void proxyWireCodeIsPure() {
        noClasses().that().resideInAPackage("com.crosspoint.proxy.wire..")
                .should().dependOnClassesThat().resideInAnyPackage("com.crosspoint.proxy.transport..",
                        "com.crosspoint.proxy.transaction..", "com.crosspoint.proxy.core..", "java.nio.channels..",
                        "java.net..")
                .check(classes);
    }

    @Test
    void onlyTheSipPackageImportsJainSip() {
        noClasses().that().resideOutsideOfPackage("com.crosspoint.sip..")
                .should().dependOnClassesThat().resideInAnyPackage("javax.sip..", "gov.nist..")
                .check(classes);
    }

    @Test
    void onlyTheDerbyStoreTouchesJdbcAndMigrations() {
        noClasses().that().resideOutsideOfPackage("com.crosspoint.store.derby..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "liquibase..",
                        "org.apache.derby..")
                .check(classes);
    }

    @Test
    void theDomainNeverDependsOnAnEdge() {
        noClasses().that().resideInAnyPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage("com.crosspoint.sip..", "com.crosspoint.api..",
                        "com.crosspoint.boot..", "com.crosspoint.cli..", "com.crosspoint.store.derby..")
                .check(classes);
    }

    @Test
    void natFindingsArePure() {
        noClasses().that().resideInAPackage("com.crosspoint.nat..")
                .should().dependOnClassesThat(JavaClass.Predicates.resideInAnyPackage("com.crosspoint..", "java.net..",
                        "javax.sip..", "gov.nist..")
                        .and(DescribedPredicate.not(JavaClass.Predicates.resideInAPackage("com.crosspoint.nat.."))))
                .check(classes);
    }

    @Test
    void theContactCentersBrainIsPure() {
        // the queues, strategies and agent state serve calls and chats alike: no SIP, web, storage or media
        noClasses().that().resideInAPackage("com.crosspoint.acd")
                .should().dependOnClassesThat(JavaClass.Predicates.resideInAnyPackage("com.crosspoint..", "java.net..",
                        "java.sql..", "javax.sip..", "gov.nist..", "org.eclipse.jetty..")
                        .and(DescribedPredicate.not(JavaClass.Predicates.resideInAPackage("com.crosspoint.acd"))))
                .check(classes);
    }

    @Test
    void theModelDependsOnNothingElseOfOurs() {
        noClasses().that().resideInAPackage("com.crosspoint.model..")
                .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("com.crosspoint..")
                        .and(DescribedPredicate.not(JavaClass.Predicates.resideInAPackage("com.crosspoint.model.."))))
                .check(classes);
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

    @Test
    void mediaIsPureOfSignallingWebAndStorage() {
        noClasses().that().resideInAPackage("com.crosspoint.media..")
                .should().dependOnClassesThat().resideInAnyPackage("com.crosspoint.sip..", "com.crosspoint.api..",
                        "com.crosspoint.store..", "javax.sip..", "gov.nist..", "org.eclipse.jetty..", "java.sql..",
                        "javax.sql..")
                .check(classes);
    }

    @Test
    void theRelayIsPureOfSignallingWebAndStorage() {
        noClasses().that().resideInAPackage("com.crosspoint.relay..")
                .should().dependOnClassesThat().resideInAnyPackage("com.crosspoint.sip..", "com.crosspoint.api..",
                        "com.crosspoint.store..", "com.crosspoint.boot..", "com.crosspoint.call..", "javax.sip..",
                        "gov.nist..", "org.eclipse.jetty..", "java.sql..")
                .check(classes);
    }

    @Test
    void onlyTheCompositionRootBuildsTheDerbyStore() {
        noClasses().that().resideOutsideOfPackages("com.crosspoint.store.derby..", "com.crosspoint.boot..")
                .should().dependOnClassesThat().resideInAPackage("com.crosspoint.store.derby..")
                .check(classes);
    }

    @Test
    void stunWireCodeIsPure() {
        noClasses().that().resideInAPackage("com.crosspoint.relay.stun..")
                .should().dependOnClassesThat().resideInAnyPackage("com.crosspoint.relay.turn..",
                        "com.crosspoint.relay.server..", "com.crosspoint.sip..", "com.crosspoint.api..",
                        "com.crosspoint.store..", "com.crosspoint.directory..", "java.nio.channels..")
                .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Socket")
                .check(classes);
    }

    @Test
    void turnLogicSeesNoSockets() {
        noClasses().that().resideInAPackage("com.crosspoint.relay.turn..")
                .should().dependOnClassesThat().resideInAnyPackage("com.crosspoint.relay.server..",
                        "com.crosspoint.sip..", "com.crosspoint.api..", "com.crosspoint.store..", "java.nio.channels..")
                .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Socket")
                .check(classes);
    }

    @Test
    void theRelayEdgeKnowsNeitherSipNorTheApi() {
        noClasses().that().resideInAPackage("com.crosspoint.relay..")
                .should().dependOnClassesThat().resideInAnyPackage("com.crosspoint.sip..", "com.crosspoint.api..",
                        "com.crosspoint.boot..", "javax.sip..", "gov.nist..", "org.eclipse.jetty..")
                .check(classes);
    }
}
