package dev.hygge.flow;

import static java.util.Objects.requireNonNull;

import dev.hygge.HyggeException;
import dev.hygge.config.Origin;
import dev.hygge.config.Suggestions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The registered home and store types, by the {@code type:} word users write. */
public final class Registry {
  private final Map<String, HomeType> homes;
  private final Map<String, StoreType> stores;

  /**
   * @throws IllegalArgumentException when two homes or two stores share a name
   */
  public Registry(List<HomeType> homes, List<StoreType> stores) {
    this.homes = byName(requireNonNull(homes, "homes is null"), HomeType::name, "home");
    this.stores = byName(requireNonNull(stores, "stores is null"), StoreType::name, "store");
  }

  /** The built-in types. */
  public static Registry standard() {
    return new Registry(builtInHomes(), builtInStores());
  }

  private static List<HomeType> builtInHomes() {
    return List.of(
        new dev.hygge.parquet.ParquetHomeType(),
        new dev.hygge.csv.CsvHomeType(),
        new dev.hygge.jdbc.duckdb.DuckDbHomeType(),
        new dev.hygge.jdbc.sqlite.SqliteHomeType(),
        new dev.hygge.jdbc.postgres.PostgresHomeType(),
        new dev.hygge.jdbc.sqlserver.SqlServerHomeType());
  }

  private static List<StoreType> builtInStores() {
    return List.of(
        new dev.hygge.parquet.ParquetStoreType(),
        new dev.hygge.jdbc.duckdb.DuckDbStoreType(),
        new dev.hygge.jdbc.sqlite.SqliteStoreType(),
        new dev.hygge.jdbc.postgres.PostgresStoreType(),
        new dev.hygge.jdbc.sqlserver.SqlServerStoreType());
  }

  /**
   * The home type registered under {@code type}.
   *
   * @param where where {@code type:} was written, for the error
   * @throws HyggeException of kind CONFIG listing the registered types and the nearest one
   */
  public HomeType home(String type, Origin where) {
    return find(homes, type, where, "home");
  }

  /**
   * The store type registered under {@code type}.
   *
   * @param where where {@code type:} was written, for the error
   * @throws HyggeException of kind CONFIG listing the registered types and the nearest one
   */
  public StoreType store(String type, Origin where) {
    return find(stores, type, where, "store");
  }

  /** The registered home types in registration order. */
  public List<HomeType> homes() {
    return List.copyOf(homes.values());
  }

  /** The registered store types in registration order. */
  public List<StoreType> stores() {
    return List.copyOf(stores.values());
  }

  private static <T> T find(Map<String, T> types, String type, Origin where, String kind) {
    requireNonNull(type, "type is null");
    requireNonNull(where, "where is null");
    T found = types.get(type);
    if (found != null) {
      return found;
    }
    String registered =
        types.isEmpty()
            ? " No " + kind + " types are registered."
            : " Registered " + kind + " types: " + String.join(", ", types.keySet()) + ".";
    throw HyggeException.config(
        "Unknown "
            + kind
            + " type '"
            + type
            + "' at "
            + where
            + "."
            + Suggestions.hint(type, types.keySet())
            + registered);
  }

  private static <T> Map<String, T> byName(List<T> types, Function<T, String> name, String kind) {
    Map<String, T> map = new LinkedHashMap<>();
    for (T type : types) {
      T previous = map.put(name.apply(type), type);
      if (previous != null) {
        throw new IllegalArgumentException(
            "two " + kind + " types are registered as '" + name.apply(type) + "'");
      }
    }
    return java.util.Collections.unmodifiableMap(map);
  }
}
