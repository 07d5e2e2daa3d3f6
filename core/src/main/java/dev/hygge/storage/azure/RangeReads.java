package dev.hygge.storage.azure;

import dev.hygge.HyggeException;

/** The checks every ranged read makes before and after it asks the service. */
final class RangeReads {
  private RangeReads() {}

  static void checkRange(AzureLocation location, long position, int count, long length) {
    if (position < 0 || position + count > length) {
      throw HyggeException.home(
          "Cannot read "
              + count
              + " bytes at offset "
              + position
              + " of "
              + location
              + ": the object has only "
              + length
              + " bytes",
          null);
    }
  }

  static void checkComplete(AzureLocation location, long position, int count, int read) {
    if (read != count) {
      throw HyggeException.home(
          "Cannot read "
              + location
              + ": the object changed while reading (got "
              + read
              + " of "
              + count
              + " bytes at offset "
              + position
              + "); read it again",
          null);
    }
  }
}
