package dev.jft.data;

/**
 * One State of the Union address.
 *
 * <pre>{@code
 * Address a = SotuData.load().records().get(0);
 * a.year(); a.president(); a.party();   // 1790, "George Washington", "none"
 * }</pre>
 *
 * @param year      year it was given
 * @param president who gave it
 * @param party     the president's party as the package spells it ("none" for Washington)
 * @param text      the address
 */
public record Address(int year, String president, String party, String text) {
}
