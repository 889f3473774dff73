package dev.jft.quiz.bank;

/**
 * One option of a choice question; its explanation is shown once the learner has answered.
 *
 * <pre>{@code
 * new Option("B", "Continue training a pretrained model", "Right: ...");
 * }</pre>
 */
public record Option(String id, String text, String explanation) {}
