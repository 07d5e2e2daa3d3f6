package dev.hygge.flow;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

/**
 * What a flow asks of a home for one entity.
 *
 * @param entity qualified entity name ({@code flow.entity}), for messages
 * @param columns the columns to read, in this order; empty means all columns
 * @param batchSize the most rows in one batch
 * @param allocator where the reader allocates its buffers; the reader must free them all on close
 */
public record ReadRequest(
    String entity, List<String> columns, int batchSize, BufferAllocator allocator) {
  public ReadRequest {
    requireNonNull(entity, "entity is null");
    columns = List.copyOf(requireNonNull(columns, "columns is null"));
    requireNonNull(allocator, "allocator is null");
    if (batchSize <= 0) {
      throw new IllegalArgumentException("batchSize must be positive: " + batchSize);
    }
  }
}
