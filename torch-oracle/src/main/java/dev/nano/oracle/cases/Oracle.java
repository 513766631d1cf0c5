package dev.nano.oracle.cases;

/**
 * What a catalogue entry's torch side calls: PyTorch's own {@code aten} kernel (through DJL, or
 * through the TorchScript bridge where DJL has no call ending in that operator), or — only with
 * a written reason why no kernel can be reached — a composition of other torch ops, which would
 * be a second re-implementation rather than PyTorch's answer.
 *
 * @param kernel the aten operator(s) called, e.g. "aten::expm1"; null for a composition
 * @param via    "DJL" or "TorchScript"; null for a composition
 * @param reason why no kernel can be reached; null for a kernel
 */
public record Oracle(String kernel, String via, String reason) {
    /** DJL's PyTorch engine, whose JNI calls the named torch:: function or Tensor method. */
    public static final String DJL = "DJL";
    /** The TorchScript bridge ({@code dev.nano.oracle.torch.AtenKernel}). */
    public static final String TORCHSCRIPT = "TorchScript";

    /**
     * Checks that a composition carries its reason and a kernel names its route.
     *
     * @param kernel the aten operator(s), or null for a composition
     * @param via    {@link #DJL} or {@link #TORCHSCRIPT}, or null for a composition
     * @param reason why no kernel can be reached, or null for a kernel
     */
    public Oracle {
        if (kernel == null && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("a composed oracle needs a written reason why no kernel can be reached");
        }
        if (kernel != null && !DJL.equals(via) && !TORCHSCRIPT.equals(via)) {
            throw new IllegalArgumentException(kernel + ": a kernel is reached through DJL or TorchScript, not " + via);
        }
    }

    /**
     * PyTorch's own kernel.
     *
     * @param aten the operator(s), e.g. "aten::sum, aten::sum.dim_IntList"
     * @param via  {@link #DJL} or {@link #TORCHSCRIPT}
     * @return the oracle
     */
    public static Oracle kernel(String aten, String via) {
        return new Oracle(aten, via, null);
    }

    /**
     * A composition of torch ops, allowed only with the reason no kernel can be reached.
     *
     * @param reason why no kernel can be reached (must not be blank)
     * @return the oracle
     */
    public static Oracle composed(String reason) {
        return new Oracle(null, null, reason);
    }

    /**
     * Whether the torch side is one kernel call.
     *
     * @return true for a kernel
     */
    public boolean isKernel() {
        return kernel != null;
    }

    /**
     * The report's "oracle" column.
     *
     * @return "kernel aten::expm1 (TorchScript)" or "composed: reason"
     */
    public String describe() {
        return isKernel() ? "kernel " + kernel + " (" + via + ")" : "composed: " + reason;
    }
}
