package org.automlwb;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The layering of DESIGN.md: a headless engine, data flowing one way, logging through SLF4J only. */
class ArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.automlwb");

    @Test
    void onlyTheUiPackageUsesJavaFx() {
        noClasses().that().resideOutsideOfPackage("org.automlwb.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..",
                        "org.kordamp.ikonli..")
                .check(MAIN);
    }

    @Test
    void headlessPackagesNeverReachIntoUiOrCli() {
        noClasses().that().resideInAnyPackage("org.automlwb.data..", "org.automlwb.prep..",
                        "org.automlwb.engine..", "org.automlwb.export..", "org.automlwb.common..")
                .should().dependOnClassesThat().resideInAnyPackage("org.automlwb.ui..", "org.automlwb.cli..")
                .check(MAIN);
    }

    @Test
    void dataFlowsOneWay() {
        noClasses().that().resideInAnyPackage("org.automlwb.data..")
                .should().dependOnClassesThat().resideInAnyPackage("org.automlwb.prep..", "org.automlwb.engine..",
                        "org.automlwb.export..")
                .check(MAIN);
        noClasses().that().resideInAnyPackage("org.automlwb.prep..")
                .should().dependOnClassesThat().resideInAnyPackage("org.automlwb.engine..", "org.automlwb.export..")
                .check(MAIN);
        noClasses().that().resideInAnyPackage("org.automlwb.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("org.automlwb.export..")
                .check(MAIN);
    }

    @Test
    void loggingOnlyThroughSlf4j() {
        // Except the one package that plugs into logback itself: a console filter named in logback.xml, and the
        // capture that copies warnings with their stack traces into a run's run.log.
        noClasses().that().resideOutsideOfPackage("org.automlwb.logging..").should().dependOnClassesThat().resideInAnyPackage("java.util.logging..", "org.apache.log4j..",
                        "org.apache.logging.log4j..", "ch.qos.logback..")
                .check(MAIN);
    }

    /**
     * What runs before the app points logging at its log file must not create a logger: the first logger
     * configures logging, and the app's file log would never be written. So the launcher reaches only the JDK,
     * JavaFX, {@code common}, the logger-free {@code CsvFileNames}, and the application class it launches.
     */
    @Test
    void choosingWindowOrCommandLogsNothing() {
        classes().that().haveFullyQualifiedName("org.automlwb.ui.DesktopLauncher")
                .or().haveFullyQualifiedName("org.automlwb.ui.CsvFileNames")
                .should().onlyDependOnClassesThat(resideInAnyPackage("java..", "javafx..", "org.automlwb.common..")
                        .or(belongToAnyOf(org.automlwb.ui.DesktopLauncher.class, org.automlwb.ui.CsvFileNames.class,
                                org.automlwb.ui.WorkbenchApp.class,
                                // started by launch(), once the window is chosen and the app's logging configured
                                org.automlwb.ui.StartupWarmup.class)))
                .check(MAIN);
    }

    @Test
    void noJavaSerializationOfModels() {
        noClasses().should().dependOnClassesThat().haveFullyQualifiedName("java.io.ObjectInputStream")
                .check(MAIN);
    }
}
