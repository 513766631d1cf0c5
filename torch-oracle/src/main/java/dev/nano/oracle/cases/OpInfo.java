package dev.nano.oracle.cases;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.nano.Tensor;
import dev.nano.oracle.value.Attrs;
import dev.nano.oracle.value.Input;
import dev.nano.oracle.value.Kind;
import dev.nano.oracle.value.Tolerance;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
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
        /**
         * Runs nano's operator.
         * @param inputs the case's inputs
         * @param attrs the case's attributes
         * @return the outputs
         */
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

    /** nano's side of an operator with one output. */
    @FunctionalInterface
    public interface SingleNanoCall {
        /**
         * Runs nano's operator.
         * @param inputs the case's inputs
         * @param attrs the case's attributes
         * @return the output
         */
        Tensor apply(Tensor[] inputs, Attrs attrs);
    }

    /** PyTorch's side of an operator with one output. */
    @FunctionalInterface
    public interface SingleTorchCall {
        /**
         * Runs PyTorch's operator.
         * @param inputs the case's inputs, as torch tensors
         * @param attrs the case's attributes
         * @return the output
         */
        NDArray apply(NDArray[] inputs, Attrs attrs);
    }

    private final String name;
    private final String family;
    private final boolean differentiable;
    private final NanoCall nano;
    private final TorchCall torch;
    private final List<Sample> samples;
    private final Map<Kind, String> exclusions;
    private final Set<Kind> untested;
    private final Oracle oracle;
    private final FuzzRule fuzz;
    private final List<KnownDisagreement> knownDisagreements;
    private final List<NativeWarning> nativeWarnings;
    private final List<String> aliases;
    private final NanoCall inplace;
    private final java.util.function.Predicate<Attrs> inplaceApplies;
    private final Tolerance tolerance;

    private OpInfo(Builder b) {
        this.name = b.name;
        this.family = b.family;
        this.differentiable = b.differentiable;
        this.nano = b.nano;
        this.torch = b.torch;
        this.samples = List.copyOf(b.samples);
        this.exclusions = Collections.unmodifiableMap(new EnumMap<>(b.exclusions));
        this.untested = b.untested.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(b.untested));
        this.oracle = b.oracle;
        this.fuzz = b.fuzz;
        this.knownDisagreements = List.copyOf(b.knownDisagreements);
        this.nativeWarnings = List.copyOf(b.nativeWarnings);
        this.aliases = List.copyOf(b.aliases);
        this.inplace = b.inplace;
        this.inplaceApplies = b.inplaceApplies;
        this.tolerance = b.tolerance != null ? b.tolerance : Tolerances.derived(name);
        Set<String> ids = new LinkedHashSet<>();
        for (Sample s : samples) {
            if (!ids.add(s.id())) {
                throw new IllegalStateException(name + ": duplicate case id '" + s.id() + "'");
            }
        }
    }

    /**
     * Starts a catalogue entry.
     * @param name the operator's PyTorch name, e.g. "elu"
     * @param family the fixture file family, e.g. "ops"
     * @return a new builder
     */
    public static Builder builder(String name, String family) {
        return new Builder(name, family);
    }

    /**
     * The operator's PyTorch name, which is also its case names' prefix.
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * The fixture file family, e.g. "ops".
     * @return the family
     */
    public String family() {
        return family;
    }

    /**
     * Whether backward evidence applies (false after {@link Builder#notDifferentiable}).
     * @return true if differentiable
     */
    public boolean differentiable() {
        return differentiable;
    }

    /**
     * Whether a case runs backward, so that its fixture must hold an upstream gradient and one
     * gradient per input: a differentiable op, a case meant to succeed, an input that requires grad.
     * @param sample the case
     * @return true if the case runs backward
     */
    public boolean expectsGradients(Sample sample) {
        return differentiable && !sample.isError() && sample.inputs().stream().anyMatch(Input::requiresGrad);
    }

    /**
     * nano's side of the operator.
     * @return the call
     */
    public NanoCall nano() {
        return nano;
    }

    /**
     * PyTorch's side of the operator.
     * @return the call
     */
    public TorchCall torch() {
        return torch;
    }

    /**
     * The operator's cases, in order.
     * @return a read-only list
     */
    public List<Sample> samples() {
        return samples;
    }

    /**
     * Kinds of evidence that do not apply to this operator, with the reason.
     * @return a read-only map
     */
    public Map<Kind, String> exclusions() {
        return exclusions;
    }

    /**
     * The excluded kinds that would apply but are not tested here (the harness cannot reach them yet),
     * as opposed to the ones that cannot apply at all; the report gives them their own symbol.
     * @return a read-only subset of {@link #exclusions()}'s keys
     */
    public Set<Kind> untested() {
        return untested;
    }

    /**
     * What the torch side calls: PyTorch's kernel, or a composition with its reason.
     *
     * @return the oracle description
     */
    public Oracle oracle() {
        return oracle;
    }

    /**
     * How the differential fuzzer draws this operator's cases; null only while an entry is being
     * written (the catalogue's gate test refuses it).
     *
     * @return the rule
     */
    public FuzzRule fuzz() {
        return fuzz;
    }

    /**
     * The known disagreement a fuzzed case belongs to, or null (then it is a finding).
     *
     * @param sample  the fuzzed case
     * @param problem what differs
     * @return the known class, or null
     */
    public KnownDisagreement knownDisagreement(Sample sample, String problem) {
        if (problem == null) {
            return null;
        }
        return knownDisagreements.stream().filter(k -> k.matches().test(sample, problem)).findFirst().orElse(null);
    }

    /**
     * Every known disagreement of this operator, in the order they are tried.
     * @return a read-only list
     */
    public List<KnownDisagreement> knownDisagreements() {
        return knownDisagreements;
    }

    /**
     * The warnings libtorch prints on purpose for some of this operator's cases.
     * @return a read-only list
     */
    public List<NativeWarning> nativeWarnings() {
        return nativeWarnings;
    }

    /**
     * Other names of this operator in nano's API ({@code rsub} for sub's s − t form), credited to it
     * by the report and by the mutation score.
     *
     * @return a read-only list
     */
    public List<String> aliases() {
        return aliases;
    }

    /**
     * nano's in-place form of the operator (PyTorch OpInfo's {@code inplace_variant}, e.g. {@code add_}),
     * or null: it writes into its first input and returns it.
     * @return the call, or null
     */
    public NanoCall inplace() {
        return inplace;
    }

    /**
     * Whether a case has an in-place form ({@code t + s} has {@code t.add_(s)}; Python's {@code s + t},
     * the number first, has none).
     * @param sample the case
     * @return true if the operator has an in-place form and it applies to the case's attributes
     */
    public boolean hasInPlaceForm(Sample sample) {
        return inplace != null && inplaceApplies.test(sample.attrs());
    }

    /**
     * The operator's tolerance: derived in ulps, with its reason (declared on the entry with
     * {@link Builder#tolerance}, or in {@link Tolerances}), or, for an operator not yet derived, the
     * former default (rtol 1e-10, atol 1e-12), which the report lists as a gap.
     *
     * @return the tolerance
     */
    public Tolerance tolerance() {
        return tolerance != null ? tolerance : Tolerance.DEFAULT;
    }

    /**
     * Whether the operator's tolerance was derived in ulps (else it is on the former default).
     *
     * @return true if derived
     */
    public boolean toleranceDerived() {
        return tolerance != null;
    }

    /**
     * The tolerance one case is compared under: a case-level exception of {@link Tolerances} (with its
     * reason); else the case's own looser tolerance (with its reason: sums of ±1e300); else the
     * operator's derived tolerance, which replaces a case's stricter or merely documented one
     * (the ulps are stricter still); else the case's own or the former default.
     *
     * @param sample one of this operator's cases
     * @return the tolerance
     */
    public Tolerance toleranceFor(Sample sample) {
        Tolerance exception = Tolerances.forCase(name, sample.id());
        if (exception != null) {
            return exception;
        }
        Tolerance own = sample.tolerance();
        if (tolerance != null && (own == null || own.noLooserThanDefault())) {
            return tolerance;
        }
        return sample.effectiveTolerance();
    }

    @Override
    public String toString() {
        return name;
    }

    /** Collects an operator's calls, samples and exclusions. */
    public static final class Builder {
        private final String name;
        private final String family;
        private boolean differentiable = true;
        private NanoCall nano;
        private TorchCall torch;
        private final List<Sample> samples = new ArrayList<>();
        private final Map<Kind, String> exclusions = new EnumMap<>(Kind.class);
        private final Set<Kind> untested = EnumSet.noneOf(Kind.class);
        private Oracle oracle;
        private FuzzRule fuzz;
        private final List<KnownDisagreement> knownDisagreements = new ArrayList<>();
        private final List<NativeWarning> nativeWarnings = new ArrayList<>();
        private final List<String> aliases = new ArrayList<>();
        private NanoCall inplace;
        private java.util.function.Predicate<Attrs> inplaceApplies;
        private Tolerance tolerance;

        private Builder(String name, String family) {
            this.name = name;
            this.family = family;
        }

        /**
         * Not differentiable (comparisons, argmax): backward evidence is excluded with this reason.
         * @param reason why, shown in the report
         * @return this builder
         */
        public Builder notDifferentiable(String reason) {
            this.differentiable = false;
            exclusions.put(Kind.BACKWARD, reason);
            exclusions.put(Kind.GRADCHECK, reason);
            exclusions.put(Kind.NONDIFF, reason);
            return this;
        }

        /**
         * nano's side, for an operator with one output.
         * @param call the call
         * @return this builder
         */
        public Builder nano(SingleNanoCall call) {
            this.nano = (in, a) -> new Tensor[] {call.apply(in, a)};
            return this;
        }

        /**
         * nano's in-place form ({@code add_}), checked on the same cases against the same recorded
         * answers as the operator itself, the way PyTorch's own OpInfo tests check
         * {@code inplace_variant}: the values written into a clone of input 0 (the clone keeps the
         * gradients flowing to the case's leaf, as PyTorch's test_inplace_grad does) and the gradients.
         * @param call writes into {@code inputs[0]} and returns it
         * @param appliesTo which cases (by their attributes) have an in-place form
         * @return this builder
         */
        public Builder inplace(SingleNanoCall call, java.util.function.Predicate<Attrs> appliesTo) {
            this.inplace = (in, a) -> new Tensor[] {call.apply(in, a)};
            this.inplaceApplies = appliesTo;
            return this;
        }

        /**
         * nano's side, for an operator with several outputs.
         * @param call the call
         * @return this builder
         */
        public Builder nanoMulti(NanoCall call) {
            this.nano = call;
            return this;
        }

        /**
         * PyTorch's side, for an operator with one output.
         * @param call the call
         * @return this builder
         */
        public Builder torch(SingleTorchCall call) {
            this.torch = (m, in, a) -> new NDArray[] {call.apply(in, a)};
            return this;
        }

        /**
         * PyTorch's side, for an operator with several outputs.
         * @param call the call
         * @return this builder
         */
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

        /**
         * Adds a case.
         * @param sample the case
         * @return this builder
         */
        public Builder sample(Sample sample) {
            samples.add(sample);
            return this;
        }

        /**
         * Adds cases.
         * @param more the cases
         * @return this builder
         */
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

        /**
         * Excludes a kind of evidence, with the reason the report shows.
         * @param kind the kind of evidence
         * @param reason why it cannot apply
         * @return this builder
         */
        public Builder exclude(Kind kind, String reason) {
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException(name + ": excluding " + kind.label() + " needs a written reason");
            }
            exclusions.put(kind, reason);
            return this;
        }

        /**
         * Excuses a kind of evidence that applies to the operator but is not tested here, with the
         * reason (e.g. the error PyTorch raises for a bool input, which this float64 harness cannot hold):
         * excused like an exclusion, shown with its own symbol so that it never reads as "cannot apply".
         * @param kind the kind of evidence
         * @param reason why it is not tested
         * @return this builder
         */
        public Builder untested(Kind kind, String reason) {
            exclude(kind, reason);
            untested.add(kind);
            return this;
        }

        /**
         * How the differential fuzzer draws this operator's cases.
         *
         * @param rule the rule
         * @return this builder
         */
        public Builder fuzz(FuzzRule rule) {
            this.fuzz = rule;
            return this;
        }

        /**
         * A disagreement the fuzzer meets that is not a nano bug.
         *
         * @param reason  why, naming what would remove it
         * @param matches which disagreements belong to it
         * @return this builder
         */
        public Builder knownDisagreement(String reason, KnownDisagreement.Matcher matches) {
            knownDisagreements.add(new KnownDisagreement(reason, matches));
            return this;
        }

        /**
         * A warning libtorch prints to standard error for the cases {@code provokedBy} names.
         *
         * @param phrase     words every line of the warning holds
         * @param provokedBy which cases provoke it
         * @return this builder
         */
        public Builder nativeWarning(String phrase, java.util.function.Predicate<Sample> provokedBy) {
            nativeWarnings.add(new NativeWarning(phrase, provokedBy));
            return this;
        }

        /**
         * A line libtorch may print for this operator on any case and need not print on any: one that
         * depends on the machine (NNPACK's "Unsupported hardware") or is printed once per process.
         *
         * @param phrase words the line holds
         * @param why    why it cannot be tied to cases
         * @return this builder
         */
        public Builder allowedNotice(String phrase, String why) {
            nativeWarnings.add(new NativeWarning(phrase, null, why));
            return this;
        }

        /**
         * Other names of the operator in nano's API.
         *
         * @param names the method names, e.g. "rsub"
         * @return this builder
         */
        public Builder aliases(String... names) {
            aliases.addAll(List.of(names));
            return this;
        }

        /**
         * The operator's derived tolerance in ulps, with its derivation as the reason (instead of an
         * entry in {@link Tolerances}).
         *
         * @param derived a tolerance made by {@link Tolerance#ulps}
         * @return this builder
         */
        public Builder tolerance(Tolerance derived) {
            if (!derived.inUlps()) {
                throw new IllegalArgumentException(name + ": an operator's tolerance is derived in ulps, with its "
                        + "reason (Tolerance.ulps)");
            }
            this.tolerance = derived;
            return this;
        }

        /**
         * Builds the entry.
         * @return the catalogue entry
         */
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
