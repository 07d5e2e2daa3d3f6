package dev.hygge.flow;

/** Where an entity's data goes: a destination that stages batches and commits them atomically. */
public interface Store {

  /**
   * Opens a writer for one entity. The caller writes batches, then calls exactly one of {@link
   * StoreWriter#commit()} and {@link StoreWriter#abort()}, then closes it.
   *
   * @throws dev.hygge.HyggeException of kind STORE when the destination cannot be prepared
   */
  StoreWriter open(WriteRequest request);

  /** One line for previews and logs, e.g. {@code parquet data_lake/orders}. Never a secret. */
  String describe();
}
