package dev.nano.nn;

import dev.nano.Checks;
import dev.nano.Tensor;

/**
 * Modules applied one after another, each to the previous one's output. The children are
 * named "0", "1", … so parameters read {@code 0.weight}, {@code 0.bias}, {@code 2.weight}.
 */
public class Sequential extends Module {

    public Sequential(Module... modules) {
        Checks.noNulls("Sequential", "modules", modules);
        for (Module m : modules) {
            append(m);
        }
    }

    /** Adds a module at the end. */
    public Sequential append(Module module) {
        Checks.notNull("Sequential.append", "module", module);
        registerModule(String.valueOf(size()), module);
        return this;
    }

    /** The module at {@code index} (negative counts from the end). */
    public Module get(int index) {
        int n = size();
        if (index < -n || index >= n) {
            throw new IndexOutOfBoundsException("index " + index + " is out of range");
        }
        return children().get(index < 0 ? index + n : index);
    }

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
