package dev.hygge.flow;

/** Where an entity's data lives: a source that can be read as Arrow batches. */
public interface Home {

  /**
   * Opens a reader over this home's data for one entity. The caller closes the reader.
   *
   * @throws dev.hygge.HyggeException of kind HOME when nothing can be read (missing files,
   *     unreadable schema), naming the entity and the location
   */
  BatchReader open(ReadRequest request);

  /** One line for previews and logs, e.g. {@code parquet landing_zone/orders}. Never a secret. */
  String describe();
}
