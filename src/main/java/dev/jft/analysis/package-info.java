/**
 * Analyses the lessons show on model outputs, built on well-kept libraries rather than hand-written
 * numerics: {@link dev.jft.analysis.Pca} (principal components by Apache Commons Math's SVD) for 2-D
 * pictures of embeddings, and {@link dev.jft.analysis.LinearProbe} (softmax regression on frozen
 * vectors, a few dozen lines of gradient descent: no library on the class path offers one) to
 * measure what embeddings of differently prepared data contain.
 *
 * <pre>{@code
 * float[][] vectors = embeddings.embed(texts);
 * double[][] xy = Pca.fit(vectors, 2).transform(vectors);
 * }</pre>
 */
package dev.jft.analysis;
