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
        v.put("tablesaw", orDev(tech.tablesaw.api.Table.class.getPackage().getImplementationVersion()));
        v.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        return v;
    }

    private static String orDev(String s) { return s == null ? "dev" : s; }
}
