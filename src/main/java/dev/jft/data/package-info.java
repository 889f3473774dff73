/**
 * The course's data sets and the loader for the learner's own files: {@link dev.jft.data.SentimentData},
 * {@link dev.jft.data.SpamData} and the others, each returning a {@link dev.jft.data.LoadResult} whose
 * {@link dev.jft.data.LoadReport} counts what was kept and dropped; {@link dev.jft.data.TextFileLoader}
 * for CSV or JSONL with errors that name the file, the line and the fix.
 *
 * <pre>{@code
 * LoadResult<LabeledText> mine = TextFileLoader.csv(Path.of("reviews.csv"))
 *         .textColumn("review").labelColumn("stars").load();
 * System.out.println(mine.report());
 * }</pre>
 *
 * <h2>What is library-backed and what is hand-written, and why</h2>
 * Tables are Tablesaw's ({@code LoadResult.table()}). jsoup (HTML to text) and Tablesaw's CSV reader
 * were measured earlier and kept out. Two parsers stay hand-written after a measured try of the
 * library (Apache Commons CSV 1.14.1, Apache James mime4j-core 0.8.13, December 2026):
 * <ul>
 *   <li>{@link dev.jft.data.CsvReader}: Commons CSV gives the same records on the cases tried
 *       (quoted line breaks, CRLF, blank lines), and a record's start line can be recovered from
 *       {@code CSVParser.getCurrentLineNumber()}, but it accepts a quote inside an unquoted field
 *       silently ({@code a,b\n1,say "hi"\n} parses to {@code [1, say "hi"]} with
 *       {@code CSVFormat.RFC4180}, and no builder option refuses it), where the course reports line 2
 *       and how to quote (test {@code TextFileLoaderTest.quoteInsideAnUnquotedFieldIsAnError}). The
 *       other errors (text after a closing quote, an unterminated quote with the line it opened on)
 *       it does report.</li>
 *   <li>{@code dev.jft.data.mail} (structure, transfer decoding, encoded words, charsets): mime4j's
 *       public encoded-word decoder decodes the charset itself, so the repairs that
 *       {@code MailCharsets} counts in the load report (52 "bytes outside US-ASCII" and others) would go
 *       unseen; its byte-level B/Q decoders are not public. Its quoted-printable and base64 streams,
 *       tried in place of {@code TransferDecoding} on the 6,046 spam-corpus messages, kept the
 *       duplicate counts and the 5,912 kept, but changed the text of 171 messages (hard line breaks
 *       written as CRLF; trailing spaces before a line break removed; 39 still differ after turning
 *       CRLF back to LF) and the charset notes (invalid GB2312 3 to 2, invalid EUC-KR 3 to 1), figures
 *       the lesson prints, for no gain on this corpus.</li>
 * </ul>
 */
package dev.jft.data;
