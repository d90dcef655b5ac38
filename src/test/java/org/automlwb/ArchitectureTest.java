package org.automlwb;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
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

    /** The predictor and the server sit after export: headless, and nothing below them reaches up to them. */
    @Test
    void predictorAndServerAreHeadlessAndBelowNothing() {
        noClasses().that().resideInAnyPackage("org.automlwb.predict..", "org.automlwb.serve..")
                .should().dependOnClassesThat().resideInAnyPackage("org.automlwb.ui..", "org.automlwb.cli..")
                .check(MAIN);
        noClasses().that().resideInAnyPackage("org.automlwb.data..", "org.automlwb.prep..", "org.automlwb.engine..",
                        "org.automlwb.export..", "org.automlwb.predict..")
                .should().dependOnClassesThat().resideInAnyPackage("org.automlwb.serve..")
                .check(MAIN);
        noClasses().that().resideInAnyPackage("org.automlwb.data..", "org.automlwb.prep..", "org.automlwb.engine..",
                        "org.automlwb.export..")
                .should().dependOnClassesThat().resideInAnyPackage("org.automlwb.predict..")
                .check(MAIN);
    }

    /**
     * The command line and the app start runs through the engine API and the use case, never through an engine's
     * insides, so that any engine plugs in behind them. The exceptions, each the smallest that holds today:
     * <ul>
     *   <li>the engine's vocabulary the API speaks in: the classes of {@code org.automlwb.engine} itself (task,
     *   metric, predictions), the run's settings, events and results ({@code engine.run.Run*}), where trials run
     *   ({@code engine.run.Executor{Kind,Settings}}), a trial's result,
     *   status and spec, and the search space ({@code engine.space}), all plain values without behaviour;</li>
     *   <li>the search-space editor of the Search view ({@code ui.search}), which lists the Tribuo engine's
     *   algorithms and their ranges to edit: it is that engine's own settings page;</li>
     *   <li>the two commands that build the Tribuo engine's learned portfolio ({@code portfolio-build},
     *   {@code portfolio-candidates}): developer tools of that engine, run over its journals.</li>
     * </ul>
     */
    @Test
    void uiAndCliTalkToTheEngineApiOnly() {
        DescribedPredicate<JavaClass> vocabulary = resideInAnyPackage("org.automlwb.engine", "org.automlwb.engine.api..",
                "org.automlwb.engine.space..")
                .or(nameMatching("org\\.automlwb\\.engine\\.run\\.(Run(Spec|Event|Listener|Summary|Result)|Executor(Kind|Settings))\\b.*"))
                .or(nameMatching("org\\.automlwb\\.engine\\.trial\\.Trial(Result|Status|Spec)\\b.*"));
        noClasses().that().resideInAnyPackage("org.automlwb.ui..", "org.automlwb.cli..")
                .and().resideOutsideOfPackage("org.automlwb.ui.search")
                .and().doNotHaveSimpleName("PortfolioBuildCommand").and().doNotHaveSimpleName("PortfolioCandidatesCommand")
                .should().dependOnClassesThat(resideInAnyPackage("org.automlwb.engine..").and(not(vocabulary)))
                .check(MAIN);
    }

    /** The engine's sub-packages (run, search, trial, algo, api, each engine's own...) depend on each other one way. */
    @Test
    void engineSubPackagesAreFreeOfCycles() {
        slices().matching("org.automlwb.engine.(*)..").should().beFreeOfCycles().check(MAIN);
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
