package dev.nano.optim.lr;

import dev.nano.Tensor;
import dev.nano.optim.Optimizer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The schedulers that SequentialLR and ChainedScheduler hold: PyTorch's checks and their state dicts. */
final class SchedulerList {
    private SchedulerList() {
    }

    /** PyTorch's checks, in its order: not empty, no ReduceLROnPlateau, one optimizer for all. */
    static List<LRScheduler> check(String owner, List<LRScheduler> schedulers, Optimizer optimizer, String empty) {
        if (schedulers == null || schedulers.isEmpty()) {
            throw new IllegalArgumentException(owner + empty);
        }
        for (int i = 0; i < schedulers.size(); i++) {
            LRScheduler s = schedulers.get(i);
            if (s == null) {
                throw new IllegalArgumentException(owner + " at index " + i + " should have `optimizer` as its "
                        + "attribute.");
            }
            if (s instanceof ReduceLROnPlateau) {
                throw new IllegalArgumentException(owner + " does not support `ReduceLROnPlateau` scheduler as it "
                        + "requires additional kwargs to be specified when calling `step`, but got one at index " + i
                        + " in the given schedulers sequence.");
            }
            if (s.optimizer() != (optimizer == null ? schedulers.get(0).optimizer() : optimizer)) {
                Optimizer expected = optimizer == null ? schedulers.get(0).optimizer() : optimizer;
                throw new IllegalArgumentException(owner + " expects all schedulers to belong to the same optimizer, "
                        + "but got scheduler " + s + " at index " + i + " has " + s.optimizer() + ", which is "
                        + "different from " + expected.getClass().getSimpleName() + ".");
            }
        }
        return List.copyOf(schedulers);
    }

    /** Each scheduler's state under {@code _schedulers.<i>.}. */
    static void save(List<LRScheduler> schedulers, Map<String, Tensor> out) {
        for (int i = 0; i < schedulers.size(); i++) {
            String prefix = "_schedulers." + i + ".";
            schedulers.get(i).stateDict().forEach((k, v) -> out.put(prefix + k, v));
        }
    }

    /** Loads every scheduler's state; if one fails, those already loaded are put back. */
    static void load(List<LRScheduler> schedulers, Map<String, Tensor> state) {
        List<Map<String, Tensor>> backups = new ArrayList<>();
        schedulers.forEach(s -> backups.add(s.stateDict()));
        try {
            for (int i = 0; i < schedulers.size(); i++) {
                String prefix = "_schedulers." + i + ".";
                Map<String, Tensor> own = new LinkedHashMap<>();
                state.forEach((k, v) -> {
                    if (k.startsWith(prefix)) {
                        own.put(k.substring(prefix.length()), v);
                    }
                });
                schedulers.get(i).loadStateDict(own);
            }
        } catch (RuntimeException e) {
            for (int i = 0; i < schedulers.size(); i++) {
                schedulers.get(i).loadStateDict(backups.get(i));
            }
            throw e;
        }
    }

    /** Python's {@code bisect.bisect_right}, step for step (so an unsorted list behaves as in PyTorch). */
    static int bisectRight(int[] a, int x) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) / 2;
            if (x < a[mid]) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }
}
