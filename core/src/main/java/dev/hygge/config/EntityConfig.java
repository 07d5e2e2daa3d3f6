package dev.hygge.config;

import static java.util.Objects.requireNonNull;

import dev.hygge.flow.Home;
import dev.hygge.flow.Store;
import dev.hygge.state.WatermarkSettings;
import java.util.List;
import java.util.Optional;

/**
 * One entity, fully resolved: its home and store bound, inherited settings applied (entity &gt;
 * flow &gt; project defaults), {@code {entity}} templates filled.
 *
 * @param flow the flow's name
 * @param name the entity's name
 * @param origin where the entity is declared
 * @param homeType the home's {@code type:}
 * @param home the bound home
 * @param homeSettings the home's resolved settings, for {@code hygge debug}
 * @param storeType the store's {@code type:}
 * @param store the bound store
 * @param storeSettings the store's resolved settings, for {@code hygge debug}
 * @param runType incremental or full_drop
 * @param columns the columns to move; empty means all
 * @param batchSize rows per Arrow batch
 * @param queueDepth batches buffered between reader and writer
 * @param watermark the watermark settings, when the entity loads incrementally by a column
 */
public record EntityConfig(
    String flow,
    String name,
    Origin origin,
    String homeType,
    Home home,
    Settings homeSettings,
    String storeType,
    Store store,
    Settings storeSettings,
    RunType runType,
    List<String> columns,
    int batchSize,
    int queueDepth,
    Optional<WatermarkSettings> watermark) {
  public EntityConfig {
    requireNonNull(flow, "flow is null");
    requireNonNull(name, "name is null");
    requireNonNull(origin, "origin is null");
    requireNonNull(homeType, "homeType is null");
    requireNonNull(home, "home is null");
    requireNonNull(homeSettings, "homeSettings is null");
    requireNonNull(storeType, "storeType is null");
    requireNonNull(store, "store is null");
    requireNonNull(storeSettings, "storeSettings is null");
    requireNonNull(runType, "runType is null");
    columns = List.copyOf(requireNonNull(columns, "columns is null"));
    if (batchSize <= 0 || queueDepth <= 0) {
      throw new IllegalArgumentException("batchSize and queueDepth must be positive");
    }
    requireNonNull(watermark, "watermark is null");
  }

  /** An entity without a watermark. */
  public EntityConfig(
      String flow,
      String name,
      Origin origin,
      String homeType,
      Home home,
      Settings homeSettings,
      String storeType,
      Store store,
      Settings storeSettings,
      RunType runType,
      List<String> columns,
      int batchSize,
      int queueDepth) {
    this(
        flow,
        name,
        origin,
        homeType,
        home,
        homeSettings,
        storeType,
        store,
        storeSettings,
        runType,
        columns,
        batchSize,
        queueDepth,
        Optional.empty());
  }

  /** {@code flow.entity}, as the CLI's {@code --entity} takes it. */
  public String qualifiedName() {
    return flow + "." + name;
  }
}
