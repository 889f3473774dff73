package dev.jft.quiz.bank;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of question a quiz bank can hold, with the name used for them in the bank files.
 *
 * <pre>{@code
 * QuestionKind.fromFileName("multiple-select"); // Optional[MULTIPLE_SELECT]
 * }</pre>
 */
public enum QuestionKind {
    MULTIPLE_CHOICE("multiple-choice"),
    MULTIPLE_SELECT("multiple-select"),
    NUMERIC("numeric"),
    SHORT_ANSWER("short-answer");

    private final String fileName;

    QuestionKind(String fileName) {
        this.fileName = fileName;
    }

    /** The spelling in bank files, e.g. {@code "multiple-select"}. */
    public String fileName() {
        return fileName;
    }

    /** The kind spelled {@code name} in a bank file, if any. */
    public static Optional<QuestionKind> fromFileName(String name) {
        return Arrays.stream(values()).filter(kind -> kind.fileName.equals(name)).findFirst();
    }

    /** Whether learners answer by picking option ids. */
    public boolean hasOptions() {
        return this == MULTIPLE_CHOICE || this == MULTIPLE_SELECT;
    }

    @Override
    public String toString() {
        return fileName.replace('-', ' ');
    }
}
