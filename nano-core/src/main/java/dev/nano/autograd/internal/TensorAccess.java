package dev.nano.autograd.internal;

import dev.nano.Tensor;
import dev.nano.autograd.Context;

/**
 * What the autograd engine does to a tensor and a user must not: make it the output of a graph
 * node, and add a gradient into its {@code grad}. {@link Tensor} keeps both methods private and
 * hands this door to the engine when the class is loaded (the JDK's own "shared secrets" pattern,
 * without reflection). nano-core's module-info does not export this package, so a modular
 * application cannot reach it; on the classpath its package name says it is not API.
 */
public abstract class TensorAccess {
    private static TensorAccess door;

    /**
     * Installs the door; called once, by {@code Tensor}'s static initializer. A thread that holds a
     * tensor has seen that initializer run (class initialisation happens before any use of the class).
     * @param access the implementation that reaches into {@code Tensor}
     */
    public static void install(TensorAccess access) {
        door = access;
    }

    /**
     * The door; wherever the engine runs a tensor exists, so {@code Tensor} has installed it.
     * @return the installed implementation
     */
    public static TensorAccess get() {
        return door;
    }

    /**
     * Makes {@code output} the output of a graph node: a non-leaf that requires grad ({@code Function.apply} only).
     * @param output the tensor a function computed
     * @param node the graph node that computed it
     */
    public abstract void attachGradFn(Tensor output, Context node);

    /**
     * Adds {@code gradient} to {@code tensor.grad()}, as PyTorch's AccumulateGrad node does (the engine only).
     * @param tensor a leaf, or a non-leaf that retains its gradient
     * @param gradient a gradient of the tensor's shape
     */
    public abstract void accumulateGrad(Tensor tensor, Tensor gradient);
}
