package dev.hygge.state;

import static java.util.Objects.requireNonNull;

import dev.hygge.storage.ObjectInfo;

/**
 * One version of one object of a file home, as the processed-object journal keys it: the same shape
 * as {@code storage.ObjectInfo}'s location and version, so it carries over to object storage.
 *
 * @param location where the object is, e.g. an absolute path or {@code s3://bucket/key}
 * @param version what changes when the content changes (local files: size and modification time;
 *     S3: the ETag)
 */
public record ObjectVersion(String location, String version) {
  public ObjectVersion {
    requireNonNull(location, "location is null");
    requireNonNull(version, "version is null");
  }

  /** The journal key of an object as an object store lists it. */
  public static ObjectVersion of(ObjectInfo info) {
    return new ObjectVersion(info.location().toString(), info.version());
  }
}
