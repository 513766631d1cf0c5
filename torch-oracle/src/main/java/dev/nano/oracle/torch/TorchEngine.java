package dev.nano.oracle.torch;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import dev.nano.oracle.operators.TorchRunner;

/**
 * DJL's PyTorch engine, started once per JVM: offline, single-threaded for reproducible
 * reductions. Its own class so that the TorchScript bridge, which the catalogue calls, depends on
 * nothing of the catalogue (the case runner, {@link TorchRunner}, does).
 */
public final class TorchEngine {
    private static NDManager base;

    private TorchEngine() {
    }

    /**
     * The base manager, starting the engine on the first call.
     *
     * @return the JVM's base manager of DJL's PyTorch engine
     */
    public static synchronized NDManager baseManager() {
        if (base == null) {
            System.setProperty("ai.djl.offline", "true");
            System.setProperty("ai.djl.pytorch.num_threads", "1");
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
            Engine engine = Engine.getEngine("PyTorch");
            base = engine.newBaseManager();
        }
        return base;
    }

    /**
     * The libtorch version, starting the engine if needed.
     *
     * @return e.g. "2.7.1"
     */
    public static String pytorchVersion() {
        baseManager();
        return Engine.getEngine("PyTorch").getVersion();
    }
}
