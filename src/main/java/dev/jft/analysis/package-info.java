/**
 * Analyses the lessons show on model outputs, built on well-kept libraries rather than hand-written
 * numerics: {@link dev.jft.analysis.Pca} (principal components by Apache Commons Math's SVD) for 2-D
 * pictures of embeddings.
 *
 * <pre>{@code
 * float[][] vectors = embeddings.embed(texts);
 * double[][] xy = Pca.fit(vectors, 2).transform(vectors);
 * }</pre>
 */
package dev.jft.analysis;
