package dev.hygge.config;

/** The value type of a setting, as a user writes it in YAML. */
public enum SettingType {
  /** Free text. */
  STRING,
  /** A filesystem path or glob, relative to the project directory unless absolute. */
  PATH,
  /**
   * Where files are: a local path or glob as for {@link #PATH}, or an object-storage URL such as
   * {@code s3://bucket/prefix}, {@code gs://bucket/prefix} or {@code
   * abfss://container@host/prefix}.
   */
  LOCATION,
  /** A whole number. */
  INTEGER,
  /** A byte size: a number of bytes or a number with KB, MB or GB (powers of 1024). */
  SIZE,
  /** {@code true} or {@code false}. */
  BOOLEAN,
  /** One of a fixed list of words. */
  CHOICE,
  /** A list of strings. */
  LIST,
  /** A map of string keys to string values. */
  MAP
}
