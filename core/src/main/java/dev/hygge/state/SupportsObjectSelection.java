package dev.hygge.state;

import dev.hygge.flow.BatchReader;
import dev.hygge.flow.ReadRequest;
import dev.hygge.storage.CreatedObject;
import dev.hygge.storage.Location;
import java.util.List;
import java.util.Optional;

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

  /**
   * The object's location as this home lists it, when the entity reads that object (it lives where
   * {@code path:} points and matches its rules); empty otherwise. Makes no request to any service,
   * so an object-created event can pick its entities cheaply.
   */
  Optional<Location> locate(CreatedObject object);

  /**
   * The current version of one object the entity reads ({@link #locate}); empty when it is gone.
   *
   * @throws dev.hygge.HyggeException of kind HOME when the object cannot be looked at
   */
  Optional<ObjectVersion> current(ReadRequest request, Location located);
}
