package org.automlwb.engine;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import java.util.Map;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.Output;
import org.tribuo.Trainer;
import org.tribuo.provenance.TrainerProvenance;

/** A trainer that runs a hook (which may block or throw) before delegating. */
public final class HookedTrainer<T extends Output<T>> implements Trainer<T> {
    /** What to do before each fit. */
    @FunctionalInterface
    public interface Hook {
        void run() throws Exception;
    }

    private final Trainer<T> delegate;
    private final Hook hook;

    public HookedTrainer(Trainer<T> delegate, Hook hook) {
        this.delegate = delegate;
        this.hook = hook;
    }

    @Override
    public Model<T> train(Dataset<T> examples, Map<String, Provenance> runProvenance) {
        try {
            hook.run();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return delegate.train(examples, runProvenance);
    }

    @Override
    public int getInvocationCount() { return delegate.getInvocationCount(); }

    @Override
    public TrainerProvenance getProvenance() { return delegate.getProvenance(); }
}
