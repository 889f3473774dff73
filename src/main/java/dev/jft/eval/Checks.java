package dev.jft.eval;

/** Input checks shared by the metrics, with messages that say what to fix. */
final class Checks {

    private Checks() {}

    static void sameLength(int a, int b, String what) {
        if (a != b) {
            throw new IllegalArgumentException(what + " have different lengths (" + a + " vs " + b
                    + "): give one entry per example in each.");
        }
    }

    static void nonEmpty(int length, String what) {
        if (length == 0) {
            throw new IllegalArgumentException(what + " is empty: a metric needs at least one example.");
        }
    }

    static void labelInRange(int label, int numClasses, String what) {
        if (label < 0 || label >= numClasses) {
            throw new IllegalArgumentException(what + " " + label + " is out of range: expected 0 to "
                    + (numClasses - 1) + " for " + numClasses + " classes.");
        }
    }

    static void binary(int label) {
        if (label != 0 && label != 1) {
            throw new IllegalArgumentException("Binary labels must be 0 or 1, got " + label + ".");
        }
    }

    static void probability(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("Probability " + p + " is not in [0, 1]: pass softmax outputs, not logits.");
        }
    }

    static void finite(double value, String what) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(what + " must be finite, got " + value + ".");
        }
    }
}
