package dev.hygge.cli;

/** The CLI's exit codes, as hygge users know them. */
final class ExitCodes {
  /** Everything passed. */
  static final int OK = 0;

  /** At least one entity failed, or a run-time error stopped the command. */
  static final int ENTITY_FAILED = 1;

  /** The configuration or the command line is invalid; nothing was moved. */
  static final int CONFIG_ERROR = 2;

  private ExitCodes() {}
}
