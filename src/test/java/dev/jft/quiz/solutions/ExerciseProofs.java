package dev.jft.quiz.solutions;

import java.util.Map;

/**
 * For every exercise: its reference solution, a known wrong solution, the visible test the wrong
 * one must fail and a phrase its failure message must contain. The proof test fails for an
 * exercise missing here, so a new exercise cannot ship without proofs.
 */
public final class ExerciseProofs {

    /** What one exercise must prove. */
    public record Proof(Object reference, Object wrong, String failingTest, String messagePhrase) {}

    private ExerciseProofs() {}

    public static final Map<String, Proof> BY_EXERCISE = Map.ofEntries(
            Map.entry("welcome-softmax", new Proof(WelcomeSolutions.SOFTMAX, WelcomeSolutions.SOFTMAX_WITHOUT_SHIFT,
                    "large logits do not overflow", "subtract the largest logit")),
            Map.entry("welcome-accuracy", new Proof(WelcomeSolutions.ACCURACY, WelcomeSolutions.ACCURACY_INTEGER_DIVISION,
                    "2 of 4 correct gives 0.5", "integer division")),
            Map.entry("understanding-mean-pooling", new Proof(UnderstandingSolutions.MEAN_POOLING,
                    UnderstandingSolutions.MEAN_POOLING_DIVIDED_BY_LENGTH, "padding does not count",
                    "divide by the number of real tokens")),
            Map.entry("selecting-parameter-count", new Proof(SelectingSolutions.PARAMETER_COUNT,
                    SelectingSolutions.PARAMETER_COUNT_WITHOUT_LAYER_NORMS, "one layer", "two LayerNorms")),
            Map.entry("training-warmup-linear", new Proof(TrainingSolutions.WARMUP_LINEAR,
                    TrainingSolutions.WARMUP_LINEAR_INTEGER_DIVISION, "halfway through warmup: half the peak",
                    "integer division"))
            // Each lesson adds its entries above this line.
    );
}
