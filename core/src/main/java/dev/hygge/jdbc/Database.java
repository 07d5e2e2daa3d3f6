package dev.hygge.jdbc;

import dev.hygge.ErrorKind;
import java.sql.Connection;

/** A database a home or store connects to: a file or a server, reached through its dialect. */
public interface Database {

  /** The database's dialect. */
  Dialect dialect();

  /** The database as the user wrote it, for messages; never shows a password. */
  String display();

  /**
   * Opens a new connection; the caller closes it.
   *
   * @param entity the entity, for messages
   * @param kind {@code HOME} or {@code STORE}, the kind of the error when this fails
   * @throws dev.hygge.HyggeException of {@code kind} when the driver is missing or the database
   *     cannot be reached
   */
  Connection connect(String entity, ErrorKind kind);

  /**
   * Fails before a home connects when the database cannot exist (a missing file); a server has
   * nothing to check here.
   *
   * @throws dev.hygge.HyggeException of kind {@code HOME} naming the entity
   */
  default void requireReadable(String entity) {}
}
