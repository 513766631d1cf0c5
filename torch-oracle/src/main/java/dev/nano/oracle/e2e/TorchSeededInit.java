package dev.nano.oracle.e2e;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.nano.Tensor;
import dev.nano.oracle.torch.AtenKernel;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * libtorch's side of a run's start from the seed alone: {@code torch.manual_seed(INIT_SEED)}, then the
 * MLP's two {@code nn.Linear(dtype=torch.float64)} layers built in order, each by
 * {@code reset_parameters} (torch/nn/modules/linear.py, 2.7.1): {@code kaiming_uniform_(weight,
 * a=math.sqrt(5))} and a bias uniform in ±{@code 1/math.sqrt(fan_in)}. The Python arithmetic of the
 * bounds is transcribed; the draws are libtorch's own {@code uniform_} on its global CPU generator,
 * which then goes on to draw the run's dropout masks. Nothing comes from nano.
 */
final class TorchSeededInit {
    private static final AtenKernel SEED = AtenKernel.withBody("aten::manual_seed", "seed: int",
            "    torch.manual_seed(seed)\n    return torch.zeros([1], dtype=7)");
    private static final AtenKernel UNIFORM = AtenKernel.of("aten::uniform_", "shape: List[int], a: float, b: float",
            "torch.empty(shape, dtype=7).uniform_(a, b)");

    private TorchSeededInit() {
    }

    /**
     * Seeds libtorch's global generator and draws the MLP's initial parameters, by nano's parameter names.
     * @param run the run (its dropout shifts the second layer's index in the Sequential)
     * @param m where the draws happen
     * @return the parameters, in the model's order
     */
    static Map<String, Tensor> weights(MnistRun run, NDManager m) {
        SEED.callIn(m, MnistRun.INIT_SEED).close();
        Map<String, Tensor> out = new LinkedHashMap<>();
        linear(m, 784, MnistRun.HIDDEN, "0.", out);
        linear(m, MnistRun.HIDDEN, 10, run.dropout() > 0 ? "3." : "2.", out);
        return out;
    }

    private static void linear(NDManager m, int in, int outFeatures, String prefix, Map<String, Tensor> out) {
        double a = Math.sqrt(5);
        double gain = Math.sqrt(2.0 / (1 + Math.pow(a, 2)));   // calculate_gain('leaky_relu', a)
        double std = gain / Math.sqrt(in);
        double bound = Math.sqrt(3.0) * std;
        double biasBound = 1 / Math.sqrt(in);
        try (NDArray w = UNIFORM.callIn(m, new int[] {outFeatures, in}, -bound, bound);
             NDArray b = UNIFORM.callIn(m, new int[] {outFeatures}, -biasBound, biasBound)) {
            out.put(prefix + "weight", new Tensor(w.toDoubleArray(), outFeatures, in));
            out.put(prefix + "bias", new Tensor(b.toDoubleArray(), outFeatures));
        }
    }
}
