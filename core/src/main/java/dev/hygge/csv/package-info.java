/**
 * The {@code csv} home: CSV files read straight into Arrow vectors.
 *
 * <h2>Files</h2>
 *
 * {@code path} is a file, a directory (its {@code *.csv} files, not recursive) or a glob ({@code
 * landing/orders/*.csv}, {@code landing/**}{@code /orders.csv}), resolved against the project
 * directory. In directories and globs, names starting with {@code _} or {@code .} are skipped.
 * Files are read in path order; every file must repeat the first file's header exactly, else the
 * read fails naming both files. No matching file is an error naming the path.
 *
 * <h2>Format</h2>
 *
 * RFC 4180: LF or CRLF line ends, fields quoted with {@code quote} may hold delimiters, quotes and
 * line breaks; inside quotes a quote is written twice, or preceded by {@code escape} when it is set
 * (for example {@code \}, which then escapes any next character). Escapes are not recognised in
 * unquoted fields, and a quote in the middle of an unquoted field is kept as text. A UTF-8 byte
 * order mark is skipped; blank lines are skipped (and counted for line numbers). Other encodings
 * are transcoded to UTF-8 first, and bytes invalid in the declared encoding fail the read; UTF-8
 * input is copied as is. {@code skip_rows} skips physical lines before the header. A row longer
 * than {@code max_record_size} (64MB; usually an unclosed quote) fails the read whatever {@code
 * on_bad_row} says, since the parser cannot tell where the next row starts.
 *
 * <h2>Values</h2>
 *
 * A field is null when it is unquoted and its text is one of {@code null_values} (default: the
 * empty text); a quoted field is always a value, so {@code ""} is an empty string. Non-string
 * values may have surrounding spaces. Booleans are {@code true}/{@code false} in any case, {@code
 * t}/{@code f} or {@code 1}/{@code 0}. Decimals are plain numbers (no exponent) and are never
 * rounded: more fraction digits than the scale (unless zeros) or more integer digits than the
 * precision allows is a bad value. Dates are {@code yyyy-MM-dd}. Timestamps are ISO date-times with
 * {@code T} or a space, seconds and up to 9 fraction digits optional, stored in microseconds (a
 * non-zero digit below the microsecond is a bad value); {@code timestamp} refuses values with an
 * offset, {@code timestamptz} converts offsets to UTC and takes values without one as UTC.
 *
 * <h2>Types</h2>
 *
 * Columns declared in {@code schema} get that type; the others are inferred from the first {@code
 * infer_rows} rows of the first file that has a header (the first row, without a header): the first
 * of boolean (words only), int64, float64, date, timestamp, timestamptz that every non-null sampled
 * value parses as, else string. Decimal numbers infer as float64; declare {@code decimal(p,s)} for
 * exact amounts. A column with no non-null sample is string.
 *
 * <h2>Bad rows</h2>
 *
 * A row with the wrong number of fields, a value that does not parse as its column's type, an
 * unterminated quote at the end of the file, or text after a closing quote is a bad row. With
 * {@code on_bad_row: fail} the read stops with a HOME error naming the entity, the file, the
 * 1-based physical line the row starts on (line breaks inside quoted fields counted), the column
 * and the problem. With {@code reject} the row is appended to {@code reject_path} (default {@code
 * rejects/{entity}.csv} under the project, {@code {entity}} being {@code flow.entity}), a CSV with
 * the header {@code file,line,reason,raw} and every text field quoted, where {@code raw} is the row
 * as written; {@link dev.hygge.csv.CsvBatchReader#rejectedRows()} counts them and a warning names
 * the count and the file when the read ends.
 */
package dev.hygge.csv;
