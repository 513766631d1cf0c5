package dev.nano.nn;

import dev.nano.Checks;

/**
 * {@code nn.ModuleList(modules)}: modules held in a list, named "0", "1", … so that their parameters
 * read {@code 0.weight}, {@code 1.self_attn.in_proj_weight}. It has no forward of its own: the
 * owner decides how to call them.
 */
public class ModuleList extends Module {

    /**
     * {@code nn.ModuleList(modules)}.
     * @param modules the modules, in order
     */
    public ModuleList(Module... modules) {
        Checks.noNulls("ModuleList", "modules", modules);
        for (Module m : modules) {
            append(m);
        }
    }

    /**
     * Adds a module at the end.
     * @param module the module to add
     * @return this list, for chaining
     */
    public ModuleList append(Module module) {
        Checks.notNull("ModuleList.append", "module", module);
        registerModule(String.valueOf(size()), module);
        return this;
    }

    /**
     * {@code modules[index]} (negative counts from the end).
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
     * {@code len(modules)}.
     * @return the module count
     */
    public int size() {
        return namedChildren().size();
    }
}
