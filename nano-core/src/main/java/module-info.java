/**
 * nano-core: tensors with reverse-mode autograd ({@code dev.nano}, {@code dev.nano.autograd}), layers and
 * losses ({@code dev.nano.nn}), optimizers ({@code dev.nano.optim}), data loading ({@code dev.nano.data}) and
 * checkpoints ({@code dev.nano.io}). No dependencies beyond {@code java.base} (and, when the JVM has it, the incubating Vector API).
 *
 * <p>Not exported: {@code dev.nano.ops}, the operators' implementations, which users reach through the methods
 * of {@code Tensor} and {@code Nano}; and {@code dev.nano.autograd.internal}, the engine's access to a tensor's
 * graph slot and gradient. On the classpath (as torch-oracle and nano-bench use nano-core) every public class
 * is reachable, as in any jar; the module boundary holds for modular applications.
 */
module dev.nano.core {
    exports dev.nano;
    exports dev.nano.autograd;
    exports dev.nano.nn;
    exports dev.nano.optim;
    exports dev.nano.optim.lr;
    exports dev.nano.data;
    exports dev.nano.io;
    // The vector kernels (dev.nano.ops.VectorKernels) use the Vector API, an incubator module. It is not
    // required here, so that javadoc and JVMs without it never resolve it (javadoc warns on incubators): the
    // build compiles with --add-reads dev.nano.core=jdk.incubator.vector, and a modular application that
    // wants the vector kernels starts with --add-modules jdk.incubator.vector --add-reads
    // dev.nano.core=jdk.incubator.vector (on the classpath, --add-modules alone is enough).
}
