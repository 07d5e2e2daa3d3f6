package dev.hygge.flow;

import dev.hygge.config.Setting;
import dev.hygge.config.Settings;
import java.util.List;

/** A kind of home, registered under the {@code type:} word users write in config. */
public interface HomeType {

  /** The word users write as {@code type:}, e.g. {@code parquet}. */
  String name();

  /** One sentence for docs and {@code hygge debug}. */
  String description();

  /** Every setting this home accepts; the loader rejects any other key. */
  List<Setting> settings();

  /**
   * Binds validated settings into a home. Does no I/O.
   *
   * @throws dev.hygge.HyggeException of kind CONFIG (through {@link Settings#error}) for values
   *     that are well-typed but not acceptable
   */
  Home create(Settings settings);
}
