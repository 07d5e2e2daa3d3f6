package dev.hygge.storage.azure;

import com.azure.core.exception.HttpResponseException;
import com.azure.core.http.rest.Response;
import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import com.azure.storage.blob.models.BlobDownloadContentResponse;
import com.azure.storage.blob.models.BlobRequestConditions;
import com.azure.storage.blob.models.BlockBlobItem;
import com.azure.storage.blob.options.BlockBlobSimpleUploadOptions;
import com.azure.storage.blob.specialized.BlockBlobClient;
import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.storage.ObjectInfo;
import dev.hygge.storage.VersionedBytes;
import dev.hygge.storage.WriteCondition;
import dev.hygge.storage.WriteConditionFailedException;
import dev.hygge.storage.WriteOutcomeUnknownException;
import java.util.Optional;

/**
 * Conditional writes on Azure Blob Storage: a single Put Blob with {@code If-None-Match: *} or
 * {@code If-Match: <etag>}, and Delete Blob with {@code If-Match}. 412, 409 BlobAlreadyExists and a
 * 404 under {@code If-Match} are a lost race; no reply or a server error leaves the outcome
 * unknown.
 */
final class AzureConditionalWrites {
  private static final String ANY_ETAG = "*";
  private static final int CONFLICT = 409;
  private static final int PRECONDITION_FAILED = 412;
  private static final int SERVER_ERROR = 500;

  private final int attempts;

  AzureConditionalWrites(int attempts) {
    this.attempts = attempts;
  }

  Optional<VersionedBytes> read(AzureLocation location, BlockBlobClient blob) {
    try {
      BlobDownloadContentResponse response =
          blob.downloadContentWithResponse(null, null, null, Context.NONE);
      return Optional.of(
          new VersionedBytes(
              response.getValue().toBytes(), response.getDeserializedHeaders().getETag()));
    } catch (HttpResponseException e) {
      if (AzureFailures.status(e) == AzureFailures.NOT_FOUND
          && !AzureFailures.isMissingContainer(e)) {
        return Optional.empty();
      }
      throw AzureFailures.translate(e, "read", location, ErrorKind.HOME, attempts);
    } catch (RuntimeException e) {
      throw AzureFailures.translate(e, "read", location, ErrorKind.HOME, attempts);
    }
  }

  ObjectInfo write(
      AzureLocation location, BlockBlobClient blob, byte[] bytes, WriteCondition condition) {
    BlobRequestConditions conditions = conditions(condition);
    try {
      Response<BlockBlobItem> response =
          blob.uploadWithResponse(
              new BlockBlobSimpleUploadOptions(BinaryData.fromBytes(bytes))
                  .setRequestConditions(conditions),
              null,
              Context.NONE);
      return new ObjectInfo(
          location.location(),
          bytes.length,
          response.getValue().getETag(),
          response.getValue().getLastModified().toInstant());
    } catch (RuntimeException e) {
      throw failure(e, "write", location, condition);
    }
  }

  void delete(AzureLocation location, BlockBlobClient blob, String version) {
    WriteCondition condition = WriteCondition.matches(version);
    try {
      blob.deleteWithResponse(null, conditions(condition), null, Context.NONE);
    } catch (RuntimeException e) {
      throw failure(e, "delete", location, condition);
    }
  }

  private HyggeException failure(
      RuntimeException e, String action, AzureLocation location, WriteCondition condition) {
    if (e instanceof HttpResponseException http) {
      int status = AzureFailures.status(http);
      if (status == PRECONDITION_FAILED
          || status == CONFLICT
          || (status == AzureFailures.NOT_FOUND
              && condition instanceof WriteCondition.Matches
              && !AzureFailures.isMissingContainer(http))) {
        return new WriteConditionFailedException(
            "Cannot "
                + action
                + " "
                + location
                + ": it changed underneath (expected "
                + (condition instanceof WriteCondition.Matches m
                    ? "ETag " + m.version()
                    : "no object")
                + "); nothing was written",
            e);
      }
      if (status >= SERVER_ERROR) {
        return unknown(action, location, e);
      }
    } else if (AzureFailures.isTransport(e)) {
      return unknown(action, location, e);
    }
    return AzureFailures.translate(e, action, location, ErrorKind.STORE, attempts);
  }

  private static BlobRequestConditions conditions(WriteCondition condition) {
    return condition instanceof WriteCondition.Matches matches
        ? new BlobRequestConditions().setIfMatch(matches.version())
        : new BlobRequestConditions().setIfNoneMatch(ANY_ETAG);
  }

  private static WriteOutcomeUnknownException unknown(
      String action, AzureLocation location, Exception cause) {
    return new WriteOutcomeUnknownException(
        "Cannot tell whether the "
            + action
            + " of "
            + location
            + " happened: "
            + cause.getMessage()
            + ". Read it again before going on.",
        cause);
  }
}
