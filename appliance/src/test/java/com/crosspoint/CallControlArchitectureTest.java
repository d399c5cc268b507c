package com.crosspoint;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.InstanceofCheck;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.sip.message.Message;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules that keep call control the shape issue 9 gave it (docs/architecture.md, "A call through the
 * B2BUA"): routing knows no SIP; a call never asks what kind of leg it holds; every body sent to a phone leaves
 * through its leg's one exit; no class of the B2BUA grows past 400 lines.
 */
class CallControlArchitectureTest {
    private static final String B2BUA = "com.crosspoint.sip.b2bua";
    private static final Path B2BUA_SOURCES = Path.of("src/main/java/com/crosspoint/sip/b2bua");
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.crosspoint");
    }

    @Test
    void routingIsPureOfSignallingMediaAndWeb() {
        noClasses().that().resideInAPackage("com.crosspoint.routing..")
                .should().dependOnClassesThat().resideInAnyPackage("javax.sip..", "gov.nist..", "com.crosspoint.sip..",
                        "com.crosspoint.media..", "com.crosspoint.api..", "com.crosspoint.store..", "org.eclipse.jetty..")
                .check(classes);
    }

    @Test
    void onlyThePhoneLegSetsTheBodyOfAMessageToAPhone() {
        noClasses().that().resideInAPackage(B2BUA).and().doNotHaveSimpleName("PhoneLeg")
                .should().callMethodWhere(target(owner(JavaClass.Predicates.assignableTo(Message.class)))
                        .and(target(name("setContent"))))
                .because("every description sent to a phone goes through its leg's one exit (RFC 3264 §8 origin)")
                .check(classes);
    }

    @Test
    void nothingTellsLegKindsApart() {
        // InDialogHandler recovers the leg JAIN-SIP keeps for a dialog as a plain Object: that is a cast, not a choice.
        classes().that().resideInAPackage(B2BUA).and().doNotHaveSimpleName("InDialogHandler")
                .should(new ArchCondition<JavaClass>("never test whether a value is some kind of Leg") {
                    @Override
                    public void check(JavaClass item, ConditionEvents events) {
                        item.getCodeUnits().stream().flatMap(u -> u.getInstanceofChecks().stream())
                                .filter(CallControlArchitectureTest::isLegType)
                                .forEach(check -> events.add(SimpleConditionEvent.violated(check,
                                        check.getOwner().getFullName() + " tests for " + check.getRawType().getSimpleName()
                                                + " in " + check.getSourceCodeLocation())));
                    }
                })
                .check(classes);
    }

    private static boolean isLegType(InstanceofCheck check) {
        JavaClass leg = classes.get(B2BUA + ".Leg");
        return check.getRawType().isAssignableTo(leg.getName());
    }

    @Test
    void noClassOfTheB2buaIsOver400Lines() throws IOException {
        try (Stream<Path> files = Files.list(B2BUA_SOURCES)) {
            List<String> big = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> lines(f) > 400)
                    .map(f -> f.getFileName() + " (" + lines(f) + " lines)")
                    .toList();
            assertThat(big).as("one concept per class: split these").isEmpty();
        }
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
