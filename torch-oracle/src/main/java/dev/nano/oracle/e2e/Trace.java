package dev.nano.oracle.e2e;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one framework did in one run: the loss and the batch (dataset indices) of every step, the
 * parameters after the checkpoint steps, the result on the test digits, and the time spent.
 */
public final class Trace {
    /** The loss of each step. */
    public final List<Double> losses = new ArrayList<>();
    /** The dataset indices of each step's batch. */
    public final List<long[]> batches = new ArrayList<>();
    /** Correctly classified examples of each step's batch (recorded by nano's run, for the progress display). */
    public final List<Integer> correct = new ArrayList<>();
    /** Step → parameter name ({@code 0.weight}, …) → values. */
    public final Map<Integer, Map<String, double[]>> checkpoints = new TreeMap<>();
    /** Parameter shapes by name. */
    public final Map<String, int[]> shapes = new LinkedHashMap<>();
    /** Mean cross entropy on the test digits. */
    public double testLoss = Double.NaN;
    /** Accuracy on the test digits, in [0, 1]. */
    public double testAccuracy = Double.NaN;
    /** Wall-clock seconds of the training steps (batching, forward, backward, optimizer), without the test. */
    public double trainSeconds;

    /**
     * The number of steps run.
     * @return the count
     */
    public int steps() {
        return losses.size();
    }

    /**
     * Training speed.
     * @return steps per second of training time
     */
    public double stepsPerSecond() {
        return steps() / trainSeconds;
    }
}
