package dev.hygge.state;

import dev.hygge.flow.BatchReader;
import dev.hygge.flow.ReadRequest;
import java.util.List;

/**
 * A file home that can say which objects it would read and read just some of them: what the
 * processed-object journal needs to take only new or changed objects.
 */
public interface SupportsObjectSelection {

  /**
   * The objects the entity reads now, in read order.
   *
   * @throws dev.hygge.HyggeException of kind HOME when listing fails or nothing matches
   */
  List<ObjectVersion> objects(ReadRequest request);

  /**
   * Opens a reader over these objects only (a non-empty subset of {@link #objects}). The caller
   * closes the reader.
   *
   * @throws dev.hygge.HyggeException of kind HOME as {@link dev.hygge.flow.Home#open} does
   */
  BatchReader open(ReadRequest request, List<ObjectVersion> objects);
}
