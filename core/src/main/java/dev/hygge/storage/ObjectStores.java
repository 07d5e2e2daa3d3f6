package dev.hygge.storage;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.storage.local.LocalObjectStore;
import java.util.Map;

/**
 * Opens the {@link ObjectStore} for a location's service. Each cloud's SDK is loaded only when a
 * location of that cloud is used, so a package that leaves an SDK out still runs everything else.
 */
public final class ObjectStores {
  /** The artifact each backend needs, for the message when it is missing. */
  private static final Map<String, String> ARTIFACTS =
      Map.of(
          Location.S3, "software.amazon.awssdk:s3",
          Location.GS, "com.google.cloud:google-cloud-storage",
          Location.ABFSS, "com.azure:azure-storage-file-datalake",
          Location.AZ, "com.azure:azure-storage-blob");

  private ObjectStores() {}

  /**
   * The store that reads and writes the target's location. The caller closes it.
   *
   * @throws HyggeException of kind CONFIG when this build lacks the service's SDK
   */
  public static ObjectStore open(StorageTarget target) {
    String scheme = target.location().scheme();
    try {
      return switch (scheme) {
        case Location.FILE -> new LocalObjectStore();
        case Location.S3 -> dev.hygge.storage.s3.S3Stores.open(target.access());
        case Location.GS -> dev.hygge.storage.gcs.GcsStores.open(target.access());
        case Location.ABFSS, Location.AZ ->
            dev.hygge.storage.azure.AzureStores.open(target.access(), target.location());
        default ->
            throw HyggeException.config(
                "Cannot reach "
                    + target.written()
                    + ": this build of hygge has no "
                    + scheme
                    + ":// backend.");
      };
    } catch (NoClassDefFoundError e) {
      throw new HyggeException(
          ErrorKind.CONFIG,
          "Cannot reach "
              + target.written()
              + ": this package of hygge leaves out the "
              + scheme
              + ":// backend. Add "
              + ARTIFACTS.getOrDefault(scheme, "its SDK")
              + " to it (the CLI has every backend; each function package has its own cloud's).",
          e);
    }
  }
}
