package org.automlwb.engine.h2o;

import org.automlwb.common.BadInputException;
import org.automlwb.engine.api.AutoMLEngine;
import org.automlwb.engine.api.Availability;
import org.automlwb.engine.api.EngineKind;
import org.automlwb.engine.api.EnginePrepared;
import org.automlwb.engine.run.PreparedRun;

/**
 * H2O AutoML 3.44 (GBM, random forest and extremely randomised trees, GLM, deep learning, stacked ensembles; not
 * H2O's XGBoost, whose 107 MB GPU library this build leaves out) on the run's preprocessed data, validation plan,
 * budget, threads and seed. H2O runs in a JVM of its own per run ({@link H2oWorker}): a stopped run ends that
 * process and with it every H2O thread, which H2O itself cannot do inside a JVM that goes on.
 */
public final class H2oEngine implements AutoMLEngine {
    /** H2O 3.44 refuses to start on newer Java (seen with 25). */
    static final int NEWEST_JAVA = 21;
    private volatile Availability availability;

    @Override
    public EngineKind kind() { return EngineKind.H2O; }

    @Override
    public Availability availability() {
        Availability a = availability;
        if (a == null) {
            a = check();
            availability = a;
        }
        return a;
    }

    private static Availability check() {
        int javaVersion = Runtime.version().feature();
        if (javaVersion > NEWEST_JAVA) {
            return Availability.no("H2O 3.44 does not start on Java " + javaVersion + ": run with Java 17");
        }
        if (!java.nio.file.Files.isExecutable(javaLauncher())) {
            // An app image made by jpackage strips the java launcher that H2O's own JVM would be started with.
            return Availability.no("this installation has no java launcher to start H2O's JVM with: run the jar "
                    + "with a Java 17 JDK (java -jar automl-workbench.jar)");
        }
        try {
            Class.forName("ai.h2o.automl.AutoML", false, H2oEngine.class.getClassLoader());
            Class.forName("hex.genmodel.MojoModel", false, H2oEngine.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return Availability.no("H2O's jars are not on the class path (" + e.getMessage() + ")");
        }
        return Availability.yes();
    }

    /** The java launcher of this runtime, which starts H2O's JVM. */
    static java.nio.file.Path javaLauncher() {
        return java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java");
    }

    @Override
    public EnginePrepared prepare(PreparedRun data) throws BadInputException {
        for (String c : data.data().table().columnNames()) {
            if (c.equals(H2oProtocol.TARGET) || c.equals(H2oProtocol.FOLD)) {
                throw new BadInputException("the column name '" + c + "' is reserved by the h2o engine", null, 0, c,
                        "rename the column");
            }
        }
        return new H2oRun(data);
    }
}
