package dev.hygge.storage;

import static java.util.Objects.requireNonNull;

/**
 * A small object's whole content and the version it was read at.
 *
 * @param bytes the content
 * @param version the stored version, as {@link ObjectInfo#version()} names it
 */
public record VersionedBytes(byte[] bytes, String version) {
  public VersionedBytes {
    requireNonNull(bytes, "bytes is null");
    requireNonNull(version, "version is null");
  }
}
