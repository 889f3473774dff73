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
            Map.entry("deployment-validate-request", new Proof(DeploymentSolutions.VALIDATE,
                    DeploymentSolutions.VALIDATE_ACCEPTING_ONE_STRING, "texts of the wrong type gets 400",
                    "not one string")),
            Map.entry("evaluation-class-metrics", new Proof(EvaluationSolutions.CLASS_METRICS,
                    EvaluationSolutions.CLASS_METRICS_WITHOUT_ZERO_DIVISION, "a class that is never predicted has precision 0",
                    "define 0/0 as 0")),
            Map.entry("preparing-stratified-split", new Proof(PreparingSolutions.STRATIFIED_SPLIT,
                    PreparingSolutions.NAIVE_SPLIT, "each class keeps its share in every part", "stratify")),
            Map.entry("preparing-clean-text", new Proof(PreparingSolutions.CLEAN_TEXT,
                    PreparingSolutions.CLEAN_TEXT_LOWER_CASED, "case, punctuation, emoticons and negations are kept",
                    "keep the case")),
            Map.entry("training-warmup-linear", new Proof(TrainingSolutions.WARMUP_LINEAR,
                    TrainingSolutions.WARMUP_LINEAR_INTEGER_DIVISION, "halfway through warmup: half the peak",
                    "integer division")),
            Map.entry("generation-top-k-top-p", new Proof(GenerationSolutions.TOP_K_TOP_P,
                    GenerationSolutions.TOP_P_DROPPING_THE_CROSSING_TOKEN, "top-p keeps the token that crosses p",
                    "keep the token that crosses p"))
            // Each lesson adds its entries above this line.
    );
}
