package dev.hygge.flow;

import static java.util.Objects.requireNonNull;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * What a flow asks of a store for one entity.
 *
 * @param entity qualified entity name ({@code flow.entity}), for messages
 * @param schema the schema of every batch that will be written
 * @param runId the run this write belongs to; names staging areas
 * @param mode append to or replace the entity's existing data
 * @param allocator where the writer allocates buffers; it must free them all on close
 */
public record WriteRequest(
    String entity, Schema schema, String runId, WriteMode mode, BufferAllocator allocator) {
  public WriteRequest {
    requireNonNull(entity, "entity is null");
    requireNonNull(schema, "schema is null");
    requireNonNull(runId, "runId is null");
    requireNonNull(mode, "mode is null");
    requireNonNull(allocator, "allocator is null");
  }
}
