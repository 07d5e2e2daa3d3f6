package dev.hygge.flow;

/** How a store treats what an entity already has there. */
public enum WriteMode {
  /** Keep what is there and add the new data. */
  APPEND,
  /** Replace what is there with the new data, once the new data is committed. */
  REPLACE
}
