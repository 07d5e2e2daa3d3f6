package dev.hygge.state;

import dev.hygge.flow.BatchReader;
import dev.hygge.flow.ReadRequest;
import java.util.Optional;

/** A home that reads only rows past a watermark, pushing the predicate into its own query. */
public interface SupportsWatermark {

  /**
   * The kind of the watermark column, found without reading rows.
   *
   * @throws dev.hygge.HyggeException of kind HOME when the column does not exist or its type cannot
   *     be a watermark, naming the column and the table or query
   */
  WatermarkType watermarkType(ReadRequest request, String column);

  /**
   * Opens a reader over the rows that pass {@code filter}. The caller closes the reader.
   *
   * @throws dev.hygge.HyggeException of kind HOME as {@link dev.hygge.flow.Home#open} does
   */
  BatchReader open(ReadRequest request, WatermarkFilter filter);

  /**
   * Opens a reader over the rows that pass {@code filter} (every row when empty), ordered by {@code
   * column} ascending with the rows without a value first, so a run under a time budget can stop
   * between two values of the column and a continuation read past the last one. The caller closes
   * the reader.
   *
   * @throws dev.hygge.HyggeException of kind HOME as {@link dev.hygge.flow.Home#open} does
   */
  BatchReader openOrdered(ReadRequest request, String column, Optional<WatermarkFilter> filter);
}
