package org.automlwb.engine.api;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The engines of this build, by kind. They are listed in {@code META-INF/services/org.automlwb.engine.api.AutoMLEngine}
 * and found with {@link ServiceLoader}, so this package names no engine and a new engine needs no change here.
 */
public final class EngineRegistry {
    private static volatile EngineRegistry installed;
    private final Map<EngineKind, AutoMLEngine> engines = new EnumMap<>(EngineKind.class);

    private EngineRegistry(List<AutoMLEngine> list) {
        for (AutoMLEngine e : list) {
            if (engines.putIfAbsent(e.kind(), e) != null) {
                throw new IllegalStateException("two engines of kind " + e.kind().key() + " are installed");
            }
        }
    }

    /** The engines installed in this build (found once, then kept). */
    public static EngineRegistry installed() {
        EngineRegistry r = installed;
        if (r == null) {
            List<AutoMLEngine> list = new ArrayList<>();
            ServiceLoader.load(AutoMLEngine.class, EngineRegistry.class.getClassLoader()).forEach(list::add);
            r = new EngineRegistry(list);
            installed = r;
        }
        return r;
    }

    /** A registry of exactly these engines (tests, or a front end that offers fewer). */
    public static EngineRegistry of(AutoMLEngine... list) { return new EngineRegistry(List.of(list)); }

    /** The engine of a kind, if this build has it. */
    public Optional<AutoMLEngine> find(EngineKind kind) { return Optional.ofNullable(engines.get(kind)); }

    /** The kinds this build has, in {@link EngineKind} order. */
    public List<EngineKind> kinds() { return List.copyOf(engines.keySet()); }

    /** Whether an engine can run here; an engine this build lacks says so. */
    public Availability availability(EngineKind kind) {
        AutoMLEngine e = engines.get(kind);
        return e == null ? Availability.no("the " + kind.label() + " engine is not part of this build") : e.availability();
    }
}
