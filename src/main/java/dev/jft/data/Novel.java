package dev.jft.data;

import java.util.List;

/**
 * One of Jane Austen's six completed novels, as the lines of the Project Gutenberg text kept by
 * the R package janeaustenr (empty lines separate paragraphs).
 *
 * <pre>{@code
 * Novel emma = AustenData.load().records().get(3);
 * emma.title(); emma.lines().size();   // "Emma", 16235
 * }</pre>
 *
 * @param title the book's title as janeaustenr names it, e.g. {@code Pride & Prejudice}
 * @param lines the text, line by line
 */
public record Novel(String title, List<String> lines) {

    public Novel {
        lines = List.copyOf(lines);
    }

    /** The whole text, lines joined by '\n'. */
    public String text() {
        return String.join("\n", lines);
    }

    /** Paragraphs: runs of non-empty lines joined by spaces. */
    public List<String> paragraphs() {
        return java.util.Arrays.stream(text().split("\n\\s*\n"))
                .map(p -> p.strip().replaceAll("\\s*\n\\s*", " "))
                .filter(p -> !p.isEmpty())
                .toList();
    }
}
