package dev.jft.model;

import dev.jft.viz.Html;
import dev.jft.viz.RichOutput;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What a pretrained encoder is: its size, shape, licence and where it comes from.
 * Shows as a small table in a notebook.
 *
 * <pre>{@code
 * ModelCard card = ModelCatalog.card("bge-small-en-v1.5");
 * card.parameters(); // 33 360 000 or so, counted from the weights
 * }</pre>
 *
 * @param name catalog name
 * @param parameters number of encoder parameters, counted from the weights
 * @param layers transformer layers
 * @param hiddenSize hidden size
 * @param heads attention heads
 * @param headSize size of one head
 * @param vocabulary vocabulary size
 * @param maxPositions longest input in tokens
 * @param licence licence of the weights
 * @param source Maven coordinate (groupId:artifactId:version) of the jar holding the weights
 */
public record ModelCard(
        String name,
        long parameters,
        int layers,
        int hiddenSize,
        int heads,
        int headSize,
        int vocabulary,
        int maxPositions,
        String licence,
        String source) implements RichOutput {

    /** The card's fields as label/value rows. */
    public Map<String, String> rows() {
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("name", name);
        rows.put("parameters", String.format(Locale.ROOT, "%,d (%.1f M)", parameters, parameters / 1e6));
        rows.put("layers", Integer.toString(layers));
        rows.put("hidden size", Integer.toString(hiddenSize));
        rows.put("attention heads", heads + " x " + headSize);
        rows.put("vocabulary", Integer.toString(vocabulary));
        rows.put("max positions", Integer.toString(maxPositions));
        rows.put("licence", licence);
        rows.put("source", source);
        return rows;
    }

    @Override
    public Map<String, String> mimeBundle() {
        StringBuilder html = new StringBuilder("<table><tbody>");
        rows().forEach((k, v) -> html.append("<tr><th>").append(Html.escape(k)).append("</th><td>")
                .append(Html.escape(v)).append("</td></tr>"));
        html.append("</tbody></table>");
        return Map.of("text/plain", toString(), "text/html", html.toString());
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        rows().forEach((k, v) -> text.append(String.format(Locale.ROOT, "%-16s %s%n", k, v)));
        return text.toString().stripTrailing();
    }
}
