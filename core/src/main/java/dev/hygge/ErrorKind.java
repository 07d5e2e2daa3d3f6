package dev.hygge;

/** What part of a run an error belongs to; drives exit codes and retry decisions. */
public enum ErrorKind {
  /** Invalid project configuration: nothing was moved. */
  CONFIG,
  /** A named credential could not be resolved or was refused. */
  CREDENTIAL,
  /** Reading from a home failed. */
  HOME,
  /** Writing to or committing into a store failed. */
  STORE,
  /** Run state (watermarks, journals, staging records) is missing, corrupt or in conflict. */
  STATE,
  /** A bug in hygge: please report it. */
  INTERNAL
}
