package dev.nano.nn;

/** Python's tuple text for the modules' reprs: {@code (5, 5)}, {@code (3,)}. */
final class ConvModules {
    private ConvModules() {
    }

    static String tuple(int[] values) {
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < values.length; i++) {
            b.append(i == 0 ? "" : ", ").append(values[i]);
        }
        return b.append(values.length == 1 ? ",)" : ")").toString();
    }

    static int[] fill(int value, int n) {
        int[] out = new int[n];
        java.util.Arrays.fill(out, value);
        return out;
    }

    static boolean all(int[] values, int v) {
        for (int x : values) {
            if (x != v) {
                return false;
            }
        }
        return true;
    }
}
