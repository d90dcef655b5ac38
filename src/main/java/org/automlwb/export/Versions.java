package org.automlwb.export;

import java.util.LinkedHashMap;
import java.util.Map;

/** Product and library versions, recorded with every experiment and model so results can be reproduced. */
public final class Versions {
    private Versions() { }

    public static Map<String, String> all() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("automl_workbench", orDev(Versions.class.getPackage().getImplementationVersion()));
        v.put("java", System.getProperty("java.version"));
        v.put("tribuo", orDev(org.tribuo.Tribuo.VERSION));
        v.put("tablesaw", orDev(mavenVersion("tech.tablesaw", "tablesaw-core")));
        v.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        return v;
    }

    private static String orDev(String s) { return s == null ? "dev" : s; }

    /**
     * A library's version from its {@code pom.properties}: in the shaded jar every package reports the product's
     * manifest, so the package's implementation version would name the wrong thing.
     */
    static String mavenVersion(String group, String artifact) {
        String resource = "META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (java.io.InputStream in = Versions.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) return null;
            java.util.Properties p = new java.util.Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
