package dev.nano.oracle.cases;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.nano.Tensor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One catalogue entry, in the spirit of PyTorch's OpInfo: how nano calls the operator, how
 * PyTorch (through DJL) calls it, the samples it is checked on, and the kinds of evidence that
 * cannot apply to it, each with a written reason.
 */
public final class OpInfo {

    /** nano's side: outputs of the call (the first is the one differentiated). */
    @FunctionalInterface
    public interface NanoCall {
        Tensor[] apply(Tensor[] inputs, Attrs attrs);
    }

    /**
     * PyTorch's side, through DJL's PyTorch engine: given the case's manager (where a factory
     * creates its tensor), the inputs as torch tensors and the attributes, the outputs.
     */
    @FunctionalInterface
    public interface TorchCall {
        /**
         * Runs the torch side of one case.
         *
         * @param manager the case's manager (closed after the case)
         * @param inputs  the inputs as torch tensors
         * @param attrs   the case's attributes
         * @return the outputs, the first one differentiated
         */
        NDArray[] apply(NDManager manager, NDArray[] inputs, Attrs attrs);
    }

    /** PyTorch's side of an op with several outputs (the first is the one differentiated). */
    @FunctionalInterface
    public interface MultiTorchCall {
        /**
         * Runs the torch side of one case.
         *
         * @param inputs the inputs as torch tensors
         * @param attrs  the case's attributes
         * @return the outputs, the first one differentiated
         */
        NDArray[] apply(NDArray[] inputs, Attrs attrs);
    }

    /** PyTorch's side of a factory, which takes no tensor: it creates its result in {@code manager}. */
    @FunctionalInterface
    public interface FactoryTorchCall {
        /**
         * Creates the factory's result.
         *
         * @param manager the case's manager, where the tensor is created
         * @param attrs   the case's attributes
         * @return the created tensor
         */
        NDArray apply(NDManager manager, Attrs attrs);
    }

    @FunctionalInterface
    public interface SingleNanoCall {
        Tensor apply(Tensor[] inputs, Attrs attrs);
    }

    @FunctionalInterface
    public interface SingleTorchCall {
        NDArray apply(NDArray[] inputs, Attrs attrs);
    }

    private final String name;
    private final String family;
    private final boolean differentiable;
    private final NanoCall nano;
    private final TorchCall torch;
    private final List<Sample> samples;
    private final Map<Kind, String> exclusions;
    private final Oracle oracle;

    private OpInfo(Builder b) {
        this.name = b.name;
        this.family = b.family;
        this.differentiable = b.differentiable;
        this.nano = b.nano;
        this.torch = b.torch;
        this.samples = List.copyOf(b.samples);
        this.exclusions = Collections.unmodifiableMap(new EnumMap<>(b.exclusions));
        this.oracle = b.oracle;
        Set<String> ids = new LinkedHashSet<>();
        for (Sample s : samples) {
            if (!ids.add(s.id())) {
                throw new IllegalStateException(name + ": duplicate case id '" + s.id() + "'");
            }
        }
    }

    public static Builder builder(String name, String family) {
        return new Builder(name, family);
    }

    public String name() {
        return name;
    }

    /** The fixture file family, e.g. "ops". */
    public String family() {
        return family;
    }

    public boolean differentiable() {
        return differentiable;
    }

    /**
     * Whether a case runs backward, so that its fixture must hold an upstream gradient and one
     * gradient per input: a differentiable op, a case meant to succeed, an input that requires grad.
     */
    public boolean expectsGradients(Sample sample) {
        return differentiable && !sample.isError() && sample.inputs().stream().anyMatch(Input::requiresGrad);
    }

    public NanoCall nano() {
        return nano;
    }

    public TorchCall torch() {
        return torch;
    }

    public List<Sample> samples() {
        return samples;
    }

    /** Kinds of evidence that do not apply to this operator, with the reason. */
    public Map<Kind, String> exclusions() {
        return exclusions;
    }

    /**
     * What the torch side calls: PyTorch's kernel, or a composition with its reason.
     *
     * @return the oracle description
     */
    public Oracle oracle() {
        return oracle;
    }

    @Override
    public String toString() {
        return name;
    }

    public static final class Builder {
        private final String name;
        private final String family;
        private boolean differentiable = true;
        private NanoCall nano;
        private TorchCall torch;
        private final List<Sample> samples = new ArrayList<>();
        private final Map<Kind, String> exclusions = new EnumMap<>(Kind.class);
        private Oracle oracle;

        private Builder(String name, String family) {
            this.name = name;
            this.family = family;
        }

        /** Not differentiable (comparisons, argmax): backward evidence is excluded with this reason. */
        public Builder notDifferentiable(String reason) {
            this.differentiable = false;
            exclusions.put(Kind.BACKWARD, reason);
            exclusions.put(Kind.GRADCHECK, reason);
            exclusions.put(Kind.NONDIFF, reason);
            return this;
        }

        public Builder nano(SingleNanoCall call) {
            this.nano = (in, a) -> new Tensor[] {call.apply(in, a)};
            return this;
        }

        public Builder nanoMulti(NanoCall call) {
            this.nano = call;
            return this;
        }

        public Builder torch(SingleTorchCall call) {
            this.torch = (m, in, a) -> new NDArray[] {call.apply(in, a)};
            return this;
        }

        public Builder torchMulti(MultiTorchCall call) {
            this.torch = (m, in, a) -> call.apply(in, a);
            return this;
        }

        /**
         * A factory's torch side, given the case's manager (so that the catalogue never reaches
         * into the runner for it).
         *
         * @param call creates the tensor in the given manager
         * @return this builder
         */
        public Builder torchFactory(FactoryTorchCall call) {
            this.torch = (m, in, a) -> new NDArray[] {call.apply(m, a)};
            return this;
        }

        public Builder sample(Sample sample) {
            samples.add(sample);
            return this;
        }

        public Builder samples(List<Sample> more) {
            samples.addAll(more);
            return this;
        }

        /**
         * What the torch side calls (required): {@link Oracle#kernel} or {@link Oracle#composed}.
         *
         * @param oracle the description
         * @return this builder
         */
        public Builder oracle(Oracle oracle) {
            this.oracle = oracle;
            return this;
        }

        /**
         * The torch side is one aten kernel reached through the TorchScript bridge.
         *
         * @param kernel the kernel
         * @param call   how the catalogue's inputs and attributes become the kernel's arguments
         * @return this builder
         */
        public Builder torchKernel(dev.nano.oracle.torch.AtenKernel kernel, SingleTorchCall call) {
            this.oracle = Oracle.kernel(kernel.op(), Oracle.TORCHSCRIPT);
            return torch(call);
        }

        public Builder exclude(Kind kind, String reason) {
            exclusions.put(kind, reason);
            return this;
        }

        public OpInfo build() {
            if (nano == null || torch == null) {
                throw new IllegalStateException(name + ": both the nano and the torch call are required");
            }
            if (oracle == null) {
                throw new IllegalStateException(name + ": say what the torch side calls: oracle(Oracle.kernel(...)) "
                        + "or oracle(Oracle.composed(reason))");
            }
            return new OpInfo(this);
        }
    }
}
