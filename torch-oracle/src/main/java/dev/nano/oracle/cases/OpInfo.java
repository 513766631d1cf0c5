package dev.nano.oracle.cases;

import ai.djl.ndarray.NDArray;
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

    /** PyTorch's side, through DJL's PyTorch engine. */
    @FunctionalInterface
    public interface TorchCall {
        NDArray[] apply(NDArray[] inputs, Attrs attrs);
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

    private OpInfo(Builder b) {
        this.name = b.name;
        this.family = b.family;
        this.differentiable = b.differentiable;
        this.nano = b.nano;
        this.torch = b.torch;
        this.samples = List.copyOf(b.samples);
        this.exclusions = Collections.unmodifiableMap(new EnumMap<>(b.exclusions));
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
            this.torch = (in, a) -> new NDArray[] {call.apply(in, a)};
            return this;
        }

        public Builder torchMulti(TorchCall call) {
            this.torch = call;
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

        public Builder exclude(Kind kind, String reason) {
            exclusions.put(kind, reason);
            return this;
        }

        public OpInfo build() {
            if (nano == null || torch == null) {
                throw new IllegalStateException(name + ": both the nano and the torch call are required");
            }
            return new OpInfo(this);
        }
    }
}
