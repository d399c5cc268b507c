package com.crosspoint.console;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** MVVM boundaries (house style §4.1, after JabRef): views see view-models only, view-models no scene graph, the client no JavaFX. */
@AnalyzeClasses(packages = "com.crosspoint.console", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    void viewsDoNotUseTheClient(JavaClasses classes) {
        noClasses().that().resideInAPackage("..console.view..")
                .should().dependOnClassesThat().resideInAnyPackage("..console.client..", "..console.app..", "java.net.http..")
                .because("views see only view-models")
                .check(classes);
    }

    @ArchTest
    void viewModelsKnowNoSceneGraph(JavaClasses classes) {
        noClasses().that().resideInAPackage("..console.viewmodel..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..", "org.controlsfx..",
                        "..console.view..", "..console.app..")
                .because("view-models are unit-tested without a display")
                .check(classes);
    }

    @ArchTest
    void clientIsFreeOfJavaFx(JavaClasses classes) {
        noClasses().that().resideInAPackage("..console.client..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "..console.viewmodel..",
                        "..console.view..", "..console.app..")
                .check(classes);
    }

    @ArchTest
    void consoleUsesOnlyThePublicApiNeverTheApplianceItself(JavaClasses classes) {
        noClasses().should().dependOnClassesThat(resideInAPackage("com.crosspoint..")
                        .and(DescribedPredicate.not(resideInAPackage("com.crosspoint.console.."))))
                .because("the console talks to the appliance over its public API only")
                .check(classes);
    }
}
