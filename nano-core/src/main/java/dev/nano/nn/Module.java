package dev.nano.nn;

import dev.nano.Tensor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The base class of layers and models, like {@code torch.nn.Module}: a tree of named child
 * modules, each holding named parameters (tensors to learn, which require grad) and buffers
 * (state that is not learned, like batch norm's running mean), all in registration order.
 *
 * <p>A module is in training mode when built; {@link #eval()} and {@link #train()} switch the
 * whole subtree and return the module. The flag changes what Dropout and BatchNorm compute; it
 * does not touch grad mode (use {@code Nano.noGrad()} for that).
 *
 * <pre>{@code
 * class TwoLayer extends Module {
 *     final Linear hidden = registerModule("hidden", new Linear(4, 8));
 *     final Linear out = registerModule("out", new Linear(8, 2));
 *     public Tensor forward(Tensor x) { return out.forward(hidden.forward(x).relu()); }
 * }
 * }</pre>
 */
public abstract class Module {
    /** For subclasses, which register their parameters and children in their constructors. */
    protected Module() {
    }

    /** Read by modules that behave differently when training (Dropout, BatchNorm). */
    protected boolean training = true;
    private final Map<String, Tensor> parameters = new LinkedHashMap<>();
    private final Map<String, Tensor> buffers = new LinkedHashMap<>();
    private final Map<String, Module> children = new LinkedHashMap<>();

    /**
     * Computes the module's output. Layers override it; losses take (input, target) instead.
     * @param input the input batch
     * @return the module's output
     */
    public Tensor forward(Tensor input) {
        throw new UnsupportedOperationException("Module [" + name() + "] is missing the required \"forward\" function");
    }

    // ---------------------------------------------------------------- registration

    /**
     * Registers a parameter under {@code name} and makes it require grad. {@code null} registers
     * an absent parameter (a layer built without bias), which {@link #parameters()} skips.
     * @param name the attribute name, as in PyTorch's {@code state_dict} keys ({@code weight}, {@code bias})
     * @param parameter the tensor, or null for an absent parameter
     * @return {@code parameter}, so a field can be assigned in one line
     */
    protected Tensor registerParameter(String name, Tensor parameter) {
        checkName("parameter", name, parameters);
        if (parameter != null && !parameter.isLeaf()) {
            throw new IllegalArgumentException("Cannot assign non-leaf Tensor to parameter '" + name + "'. Model "
                    + "parameters must be created explicitly. To express '" + name + "' as a function of another "
                    + "Tensor, compute the value in the forward() method.");
        }
        if (parameter != null && !parameter.requiresGrad()) {
            parameter.requiresGrad(true);
        }
        parameters.put(name, parameter);
        return parameter;
    }

    /**
     * Registers state that is saved with the module but not learned (may be null).
     * @param name the attribute name, as in PyTorch ({@code running_mean})
     * @param buffer the tensor, or null
     * @return {@code buffer}, so a field can be assigned in one line
     */
    protected Tensor registerBuffer(String name, Tensor buffer) {
        checkName("buffer", name, buffers);
        buffers.put(name, buffer);
        return buffer;
    }

    /**
     * Registers a child module; it then follows train()/eval() and its parameters are listed.
     * @param <M> the child's type
     * @param name the child's name, the first part of its parameters' dotted keys
     * @param module the child
     * @return {@code module}, so a field can be assigned in one line
     */
    protected <M extends Module> M registerModule(String name, M module) {
        checkName("module", name, children);
        children.put(name, module);
        return module;
    }

    /** PyTorch's rules: a name is non-empty, has no dot, and is not used by another kind. */
    private void checkName(String what, String name, Map<String, ?> kind) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException(what + " name can't be empty string \"\"");
        }
        if (name.contains(".")) {
            throw new IllegalArgumentException(what + " name can't contain \".\", got: " + name);
        }
        for (Map<String, ?> other : List.of(parameters, buffers, children)) {
            if (other != kind && other.containsKey(name)) {
                throw new IllegalArgumentException("attribute '" + name + "' already exists");
            }
        }
    }

    // ---------------------------------------------------------------- the tree

    /**
     * Parameters of this module and every descendant, each once, in registration order.
     * @return a new list of the parameter tensors (live, not copies)
     */
    public List<Tensor> parameters() {
        return new ArrayList<>(namedParameters().values());
    }

    /**
     * Like {@link #parameters()}, keyed by dotted path ({@code "0.weight"}, {@code "encoder.bias"}).
     * @return a new ordered map
     */
    public Map<String, Tensor> namedParameters() {
        return namedMembers(m -> m.parameters);
    }

    /**
     * {@code module.buffers()}: the buffers (running statistics) of this module and every descendant, each once.
     * @return a new list of the buffer tensors (live, not copies)
     */
    public List<Tensor> buffers() {
        return new ArrayList<>(namedBuffers().values());
    }

    /**
     * Buffers of this module and every descendant, each once, keyed by dotted path.
     * @return a new ordered map
     */
    public Map<String, Tensor> namedBuffers() {
        return namedMembers(m -> m.buffers);
    }

    /** A tensor shared by two modules appears once, under the first name it is reached by. */
    private Map<String, Tensor> namedMembers(java.util.function.Function<Module, Map<String, Tensor>> members) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        Set<Tensor> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Map.Entry<String, Module> m : namedModules().entrySet()) {
            String prefix = m.getKey().isEmpty() ? "" : m.getKey() + ".";
            for (Map.Entry<String, Tensor> e : members.apply(m.getValue()).entrySet()) {
                if (e.getValue() != null && seen.add(e.getValue())) {
                    out.put(prefix + e.getKey(), e.getValue());
                }
            }
        }
        return out;
    }

    /**
     * The direct children, in registration order.
     * @return a new list
     */
    public List<Module> children() {
        return new ArrayList<>(children.values());
    }

    /**
     * {@code module.named_children()}: the direct children by name, in registration order.
     * @return a new ordered map
     */
    public Map<String, Module> namedChildren() {
        return Collections.unmodifiableMap(children);
    }

    /**
     * This module and all descendants (depth first, each once).
     * @return a new list, starting with this module
     */
    public List<Module> modules() {
        return new ArrayList<>(namedModules().values());
    }

    /**
     * {@link #modules()} keyed by dotted path; this module itself is {@code ""}.
     * @return a new ordered map
     */
    public Map<String, Module> namedModules() {
        Map<String, Module> out = new LinkedHashMap<>();
        collect("", this, out, Collections.newSetFromMap(new IdentityHashMap<>()));
        return out;
    }

    private static void collect(String path, Module module, Map<String, Module> out, Set<Module> seen) {
        if (!seen.add(module)) {
            return;
        }
        out.put(path, module);
        for (Map.Entry<String, Module> child : module.children.entrySet()) {
            collect(path.isEmpty() ? child.getKey() : path + "." + child.getKey(), child.getValue(), out, seen);
        }
    }

    // ---------------------------------------------------------------- modes and gradients

    /**
     * Training mode for this module and all descendants.
     * @return this module, for chaining
     */
    public Module train() {
        return train(true);
    }

    /**
     * Sets the mode of this module and, through its children, of the whole subtree.
     * @param mode true for training mode, false for evaluation
     * @return this module, for chaining
     */
    public Module train(boolean mode) {
        training = mode;
        for (Module child : children.values()) {
            child.train(mode);
        }
        return this;
    }

    /**
     * Evaluation mode: {@code train(false)}. Dropout passes inputs through, BatchNorm uses running stats.
     * @return this module, for chaining
     */
    public Module eval() {
        return train(false);
    }

    /**
     * {@code module.training}: whether this module is in training mode.
     * @return true after {@link #train()}, false after {@link #eval()}
     */
    public boolean isTraining() {
        return training;
    }

    /** Clears every parameter's gradient ({@code zero_grad()}; PyTorch 2 sets them to None). */
    public void zeroGrad() {
        zeroGrad(true);
    }

    /**
     * {@code setToNone = false} keeps the gradient tensors, detached, and fills them with zeros.
     * @param setToNone true (PyTorch's default) makes every gradient null
     */
    public void zeroGrad(boolean setToNone) {
        for (Tensor p : parameters()) {
            p.zeroGrad(setToNone);
        }
    }

    /**
     * {@code requires_grad_()}: turns gradient tracking of every parameter on or off (freezing).
     * @param requiresGrad false freezes every parameter, true unfreezes
     * @return this module, for chaining
     */
    public Module requiresGrad(boolean requiresGrad) {
        for (Tensor p : parameters()) {
            p.requiresGrad(requiresGrad);
        }
        return this;
    }

    // ---------------------------------------------------------------- state dict

    /**
     * Every parameter and buffer by PyTorch's key ({@code 0.weight}, {@code 1.running_mean},
     * {@code 1.num_batches_tracked}), in PyTorch's order: a module's own parameters, then its own
     * buffers, then its children's. The tensors are detached and share storage with the module,
     * as PyTorch's {@code state_dict()}; save them with {@code SafeTensors.save}.
     * @return a new ordered map of detached tensors
     */
    public Map<String, Tensor> stateDict() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, Module> m : namedModules().entrySet()) {
            String prefix = m.getKey().isEmpty() ? "" : m.getKey() + ".";
            for (Map<String, Tensor> own : List.of(m.getValue().parameters, m.getValue().buffers)) {
                own.forEach((name, t) -> {
                    if (t != null) {
                        out.put(prefix + name, t.detach());
                    }
                });
            }
        }
        return out;
    }

    /**
     * Copies {@code stateDict}'s values into this module's parameters and buffers
     * ({@code load_state_dict(strict=True)}). The keys must be exactly those of
     * {@link #stateDict()} and each shape the same; values are converted to the receiving
     * tensor's dtype as {@code copy_} does. Unlike PyTorch, which copies the entries that fit and
     * then raises, everything is checked first: on any error nothing is changed, and the message
     * lists every problem in PyTorch's words.
     * @param stateDict a map from {@link #stateDict()} or {@code SafeTensors.load}
     * @return this module, for chaining
     */
    public Module loadStateDict(Map<String, Tensor> stateDict) {
        Map<String, Tensor> own = stateDict();
        List<String> missing = new ArrayList<>();
        List<String> unexpected = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (Map.Entry<String, Tensor> e : own.entrySet()) {
            Tensor given = stateDict.get(e.getKey());
            if (given == null) {
                missing.add("\"" + e.getKey() + "\"");
            } else if (!java.util.Arrays.equals(given.shape(), e.getValue().shape())) {
                errors.add("size mismatch for " + e.getKey() + ": copying a param with shape "
                        + torchSize(given.shape()) + " from checkpoint, the shape in current model is "
                        + torchSize(e.getValue().shape()) + ".");
            }
        }
        for (String key : stateDict.keySet()) {
            if (!own.containsKey(key)) {
                unexpected.add("\"" + key + "\"");
            }
        }
        if (!unexpected.isEmpty()) {
            errors.add(0, "Unexpected key(s) in state_dict: " + String.join(", ", unexpected) + ". ");
        }
        if (!missing.isEmpty()) {
            errors.add(0, "Missing key(s) in state_dict: " + String.join(", ", missing) + ". ");
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("Error(s) in loading state_dict for " + name() + ":\n\t"
                    + String.join("\n\t", errors));
        }
        for (Map.Entry<String, Tensor> e : own.entrySet()) {
            Tensor target = e.getValue();
            double[] to = target.data();
            double[] from = stateDict.get(e.getKey()).data();
            for (int i = 0; i < to.length; i++) {
                to[i] = target.dtype() == dev.nano.DType.FLOAT64 ? from[i]
                        : target.dtype() == dev.nano.DType.INT64 ? (double) (long) from[i] : from[i] != 0 ? 1 : 0;
            }
            target.markModifiedInPlace();
        }
        return this;
    }

    /** A shape as PyTorch prints it in load_state_dict's messages: {@code torch.Size([2, 3])}. */
    private static String torchSize(int[] shape) {
        return "torch.Size(" + java.util.Arrays.toString(shape) + ")";
    }

    // ---------------------------------------------------------------- printing

    /**
     * The class name PyTorch prints, e.g. {@code Linear}.
     * @return the name printed by {@code toString()}
     */
    protected String name() {
        return getClass().getSimpleName();
    }

    /**
     * The settings printed between the parentheses, e.g. {@code in_features=3, out_features=2, bias=True}.
     * @return the settings, or "" for none
     */
    protected String extraRepr() {
        return "";
    }

    /** Prints the tree as PyTorch does: {@code Sequential(\n  (0): Linear(...)\n  (1): ReLU()\n)}. */
    @Override
    public String toString() {
        List<String> lines = new ArrayList<>();
        String extra = extraRepr();
        List<String> extraLines = extra.isEmpty() ? List.of() : List.of(extra.split("\n"));
        lines.addAll(extraLines);
        for (Map.Entry<String, Module> child : children.entrySet()) {
            String text = child.getValue().toString().replace("\n", "\n  ");
            lines.add("(" + child.getKey() + "): " + text);
        }
        StringBuilder sb = new StringBuilder(name()).append('(');
        if (extraLines.size() == 1 && children.isEmpty()) {
            sb.append(extraLines.get(0));
        } else if (!lines.isEmpty()) {
            sb.append("\n  ").append(String.join("\n  ", lines)).append('\n');
        }
        return sb.append(')').toString();
    }

    /** Python's {@code True}/{@code False}, for extraRepr. */
    static String py(boolean b) {
        return b ? "True" : "False";
    }
}
