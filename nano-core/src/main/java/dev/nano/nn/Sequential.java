package dev.nano.nn;

import dev.nano.Checks;
import dev.nano.Tensor;

/**
 * Modules applied one after another, each to the previous one's output. The children are
 * named "0", "1", … so parameters read {@code 0.weight}, {@code 0.bias}, {@code 2.weight}.
 */
public class Sequential extends Module {

    /**
     * {@code nn.Sequential(*modules)}: applies the modules in order, each to the previous one's output.
     * @param modules the layers, named "0", "1", … as in PyTorch
     */
    public Sequential(Module... modules) {
        Checks.noNulls("Sequential", "modules", modules);
        for (Module m : modules) {
            append(m);
        }
    }

    /**
     * Adds a module at the end.
     * @param module the module to add
     * @return this container, for chaining
     */
    public Sequential append(Module module) {
        Checks.notNull("Sequential.append", "module", module);
        registerModule(String.valueOf(size()), module);
        return this;
    }

    /**
     * The module at {@code index} (negative counts from the end).
     * @param index the position
     * @return the module
     */
    public Module get(int index) {
        int n = size();
        if (index < -n || index >= n) {
            throw new IndexOutOfBoundsException("index " + index + " is out of range");
        }
        return children().get(index < 0 ? index + n : index);
    }

    /**
     * {@code len(seq)}: the number of modules.
     * @return the module count
     */
    public int size() {
        return namedChildren().size();
    }

    @Override
    public Tensor forward(Tensor input) {
        Tensor x = input;
        for (Module m : children()) {
            x = m.forward(x);
        }
        return x;
    }
}
