package dev.hygge.storage.gcs;

import static java.util.Objects.requireNonNull;

import dev.hygge.HyggeException;
import dev.hygge.storage.Location;
import java.util.regex.Pattern;

/** A bucket and an object name, checked against Cloud Storage's bucket naming rules. */
public record GcsLocation(String bucket, String name) {
  private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9._-]{1,220}[a-z0-9]");
  private static final int MAX_NAME_PART = 63;

  public GcsLocation {
    requireNonNull(bucket, "bucket is null");
    requireNonNull(name, "name is null");
  }

  /**
   * The bucket and object name of a {@code gs://} location.
   *
   * @throws HyggeException of kind CONFIG when the location is not {@code gs://} or the bucket name
   *     is not valid
   */
  public static GcsLocation of(Location location) {
    if (!location.scheme().equals(Location.GS)) {
      throw HyggeException.config(
          "The Google Cloud Storage object store reads gs://bucket/object locations, not '"
              + location
              + "'");
    }
    if (!isValidBucket(location.authority())) {
      throw HyggeException.config(
          "Malformed location '"
              + location
              + "': '"
              + location.authority()
              + "' is not a valid bucket name (3 to 63 lowercase letters, digits, hyphens,"
              + " underscores and dots, starting and ending with a letter or digit; up to 222 with"
              + " dots, each dot-separated part at most 63)");
    }
    return new GcsLocation(location.authority(), location.path());
  }

  /** The generic location. */
  public Location location() {
    return new Location(Location.GS, bucket, name);
  }

  @Override
  public String toString() {
    return "gs://" + bucket + "/" + name;
  }

  private static boolean isValidBucket(String bucket) {
    if (!BUCKET.matcher(bucket).matches()) {
      return false;
    }
    for (String part : bucket.split("\\.", -1)) {
      if (part.isEmpty() || part.length() > MAX_NAME_PART) {
        return false;
      }
    }
    return true;
  }
}
