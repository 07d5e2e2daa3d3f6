package dev.hygge.storage;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An object a cloud event says was created or overwritten: where it is and, when the event says,
 * which version, how big and when.
 *
 * @param location the object, in hygge's own form: {@code s3://bucket/key}, {@code
 *     gs://bucket/key}, {@code az://container/key} for Azure Blob Storage (with {@code account}),
 *     {@code abfss://container@host/key}, or a local file
 * @param account the Azure storage account of an {@code az://} location; empty otherwise
 * @param version the version the event reports (S3 ETag, GCS generation, Azure ETag), if any
 * @param size the size in bytes the event reports, if any
 * @param eventTime when the cloud says the object was created, if it says
 */
public record CreatedObject(
    Location location,
    Optional<String> account,
    Optional<String> version,
    OptionalLong size,
    Optional<Instant> eventTime) {
  public CreatedObject {
    requireNonNull(location, "location is null");
    requireNonNull(account, "account is null");
    requireNonNull(version, "version is null");
    requireNonNull(size, "size is null");
    requireNonNull(eventTime, "eventTime is null");
    if (account.isPresent() && !location.scheme().equals(Location.AZ)) {
      throw new IllegalArgumentException("only az:// locations carry an account: " + location);
    }
  }

  /** An object known only by where it is. */
  public static CreatedObject at(Location location) {
    return new CreatedObject(
        location, Optional.empty(), Optional.empty(), OptionalLong.empty(), Optional.empty());
  }

  /** The object for messages, e.g. {@code s3://landing/orders/1.parquet}. */
  public String describe() {
    return account.map(a -> location + " (account " + a + ")").orElse(location.toString());
  }
}
