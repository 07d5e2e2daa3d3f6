package dev.hygge.jdbc;

import java.nio.file.Path;

/** A dialect of an embedded database kept in one file. */
public interface FileDialect extends Dialect {

  /** The JDBC URL of a database file. */
  String url(Path database);
}
