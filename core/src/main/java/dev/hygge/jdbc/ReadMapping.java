package dev.hygge.jdbc;

import static java.util.Objects.requireNonNull;

import java.util.function.Function;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * How one SQL column type is read: the Arrow type it becomes and a consumer filling its vectors.
 *
 * @param arrowType the Arrow type of the column
 * @param consumers makes the consumer for a vector of {@code arrowType}
 */
public record ReadMapping(ArrowType arrowType, Function<FieldVector, ColumnConsumer> consumers) {
  public ReadMapping {
    requireNonNull(arrowType, "arrowType is null");
    requireNonNull(consumers, "consumers is null");
  }

  /** The consumer for {@code vector}, which must have {@link #arrowType()}. */
  public ColumnConsumer consumer(FieldVector vector) {
    return consumers.apply(requireNonNull(vector, "vector is null"));
  }
}
