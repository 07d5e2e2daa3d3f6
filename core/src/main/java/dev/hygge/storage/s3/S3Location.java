package dev.hygge.storage.s3;

import static java.util.Objects.requireNonNull;

import dev.hygge.HyggeException;
import dev.hygge.storage.Location;
import java.util.regex.Pattern;

/** A bucket and a key, checked against S3's bucket naming rules. */
public record S3Location(String bucket, String key) {
  private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

  public S3Location {
    requireNonNull(bucket, "bucket is null");
    requireNonNull(key, "key is null");
  }

  /**
   * The bucket and key of an {@code s3://} location.
   *
   * @throws HyggeException of kind CONFIG when the location is not {@code s3://} or the bucket name
   *     is not valid
   */
  public static S3Location of(Location location) {
    if (!location.scheme().equals(Location.S3)) {
      throw HyggeException.config(
          "The S3 object store reads s3://bucket/key locations, not '" + location + "'");
    }
    if (!BUCKET.matcher(location.authority()).matches()) {
      throw HyggeException.config(
          "Malformed location '"
              + location
              + "': '"
              + location.authority()
              + "' is not a valid bucket name (3 to 63 lowercase letters, digits, dots and hyphens,"
              + " starting and ending with a letter or digit)");
    }
    return new S3Location(location.authority(), location.path());
  }

  /** The generic location. */
  public Location location() {
    return new Location(Location.S3, bucket, key);
  }

  @Override
  public String toString() {
    return "s3://" + bucket + "/" + key;
  }
}
